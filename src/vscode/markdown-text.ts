import * as vscode from 'vscode';

// Source text is untrusted: it reaches hovers and completion documentation only through
// appendText (which escapes Markdown) and never as HTML or command links.

/** A Markdown string that trusts no command, or only the named ones of Grounded. */
export function safeMarkdown(trustedCommands: readonly string[] = []): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.supportHtml = false;
  md.isTrusted = trustedCommands.length ? { enabledCommands: [...trustedCommands] } : false;
  return md;
}

/** Appends `text` escaped, with the given ranges in bold. */
export function appendWithBold(md: vscode.MarkdownString, text: string, bold: ReadonlyArray<{ start: number; end: number }>): void {
  let at = 0;
  for (const r of [...bold].sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue;
    md.appendText(text.slice(at, r.start));
    md.appendMarkdown('**');
    md.appendText(text.slice(r.start, r.end));
    md.appendMarkdown('**');
    at = r.end;
  }
  md.appendText(text.slice(at));
}

/** A command link whose arguments are JSON-encoded as VS Code expects. */
export function commandLink(label: string, command: string, args: unknown): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify([args]))})`;
}
