// Offset edits of the core and the service as the WorkspaceEdits an LSP client applies.
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit as OffsetEdit } from '../core/citation-insert';

/** A WorkspaceEdit of offset edits to one document: versioned when the client takes document changes. */
export function documentEdit(document: TextDocument, edits: readonly OffsetEdit[], versioned: boolean): WorkspaceEdit {
  const textEdits: TextEdit[] = edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.newText }));
  return versioned ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: textEdits }] } : { changes: { [document.uri]: textEdits } };
}

