import * as vscode from 'vscode';

// Source text is untrusted: it reaches hovers and completion documentation only through
// escapeMarkdown, never as HTML, command links or theme icons.

/** `$(name)` as VS Code 1.100's label renderer reads it (iconLabels' labelWithIconsRegex). */
const THEME_ICON = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;

/**
 * Untrusted text for a place that renders `$(name)` as an icon (QuickPick labels, descriptions
 * and details): VS Code shows a backslash-escaped `\$(name)` as the text `$(name)`.
 */
export function escapeThemeIcons(text: string): string {
  return text.replace(THEME_ICON, '\\$&');
}

/**
 * A Markdown string that trusts no command, or only the named ones of Grounded. With
 * `themeIcons`, Grounded's own `$(name)` render as icons; source text appended with
 * appendUntrusted still shows as typed.
 */
export function safeMarkdown(trustedCommands: readonly string[] = [], options: { themeIcons?: boolean } = {}): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', options.themeIcons ?? false);
  md.supportHtml = false;
  md.isTrusted = trustedCommands.length ? { enabledCommands: [...trustedCommands] } : false;
  return md;
}

/**
 * Untrusted text as Markdown that renders as the same text: Markdown punctuation is
 * backslash-escaped and HTML's `<`, `>` and `&` become entities, so neither links, command
 * URIs, raw HTML nor tables can come out of it. For Markdown with theme icons on, `$(name)`
 * gets a backslash the Markdown escaping keeps: VS Code renders icons in the text Markdown
 * produced, and there `\$(name)` is shown as typed.
 */
export function escapeMarkdown(text: string, options: { themeIcons?: boolean } = {}): string {
  return (options.themeIcons ? escapeThemeIcons(text) : text)
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}

/** Appends untrusted `text` as inert text. */
export function appendUntrusted(md: vscode.MarkdownString, text: string): vscode.MarkdownString {
  return md.appendMarkdown(escapeMarkdown(text, { themeIcons: md.supportThemeIcons }));
}

/** Appends untrusted `text` inert, with the given ranges in bold. */
export function appendWithBold(md: vscode.MarkdownString, text: string, bold: ReadonlyArray<{ start: number; end: number }>): void {
  let at = 0;
  for (const r of [...bold].sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue;
    appendUntrusted(md, text.slice(at, r.start));
    md.appendMarkdown('**');
    appendUntrusted(md, text.slice(r.start, r.end));
    md.appendMarkdown('**');
    at = r.end;
  }
  appendUntrusted(md, text.slice(at));
}

/** A command link whose arguments are JSON-encoded as VS Code expects. */
export function commandLink(label: string, command: string, args: unknown): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify([args]))})`;
}
