import * as vscode from 'vscode';

/**
 * Inserts text at every cursor of `editor` (replacing selections) as one undoable edit,
 * with a space before it when it would otherwise stick to the previous word.
 */
export async function insertAtCursors(editor: vscode.TextEditor, text: string): Promise<boolean> {
  const document = editor.document;
  return editor.edit((builder) => {
    for (const selection of editor.selections) {
      const before = selection.start.character > 0 ? document.getText(new vscode.Range(selection.start.translate(0, -1), selection.start)) : '';
      const spaced = before && !/[\s([{“"'‘]/.test(before) ? ` ${text}` : text;
      builder.replace(selection, spaced);
    }
  });
}
