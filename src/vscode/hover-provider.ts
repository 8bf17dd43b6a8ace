import * as vscode from 'vscode';
import { ENTRY_ONLY_NOTE, hoverContent, type HoverContent } from '../service/hover-content';
import type { CorpusService } from './corpus-service';
import { appendUntrusted, appendWithBold, commandLink, safeMarkdown } from './markdown-text';

const OPEN_COMMAND = 'grounded.openSource';
const PREVIEW_COMMAND = 'grounded.previewSource';

/**
 * Hovers that show what backs the text, as src/service/hover-content.ts finds it for every
 * host: over a citation, the cited passage (or the passage that best supports the sentence)
 * with shared words in bold; over a quotation, where it occurs in the sources, or that it
 * occurs in none. This class renders it as VS Code Markdown with links to open and preview.
 */
export class CitationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly corpus: CorpusService) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    await this.corpus.ready();
    if (token.isCancellationRequested) return undefined;
    const content = hoverContent(document.getText(), document.offsetAt(position), this.corpus.corpus, this.corpus.searchIndex());
    if (!content) return undefined;
    const range = new vscode.Range(document.positionAt(content.start), document.positionAt(content.end));
    return new vscode.Hover(content.kind === 'citation' ? citationHover(content) : quoteHover(content), range);
  }
}

function citationHover(content: Extract<HoverContent, { kind: 'citation' }>): vscode.MarkdownString {
  const md = safeMarkdown([OPEN_COMMAND, PREVIEW_COMMAND], { themeIcons: true });
  content.sources.forEach((s, i) => {
    if (i > 0) md.appendMarkdown('\n\n---\n\n');
    if (!s.known) {
      appendUntrusted(md.appendMarkdown('**Unknown source** '), `@${s.key}`).appendMarkdown(': no indexed source has this key.');
      return;
    }
    appendUntrusted(md.appendMarkdown('**'), s.title).appendMarkdown('**');
    if (s.facts) appendUntrusted(md.appendMarkdown('  \n'), s.facts);
    if (s.entryOnly) {
      if (s.entryOnly.authors.length) appendUntrusted(md.appendMarkdown('  \n'), s.entryOnly.authors.join(', '));
      md.appendMarkdown(`\n\n$(info) ${ENTRY_ONLY_NOTE}`);
      return;
    }
    if (s.pastEnd) {
      md.appendMarkdown(`\n\n${s.pastEnd}`);
      return;
    }
    if (s.passages.length === 0) md.appendMarkdown('\n\nNo passage of this source shares words with this sentence.');
    for (const p of s.passages) {
      // A sentence of an unbroken text comes with the sentences either side, so the quote reads in context.
      md.appendMarkdown('\n\n> ');
      if (p.before) appendUntrusted(md, `${p.before} `);
      appendWithBold(md, p.text, p.shared);
      if (p.after) appendUntrusted(md, ` ${p.after}`);
      md.appendMarkdown('\n\n');
      md.appendMarkdown(commandLink(`$(go-to-file) Open${p.locator ? ` at ${p.locator}` : ''}`, OPEN_COMMAND, { key: p.key, paragraph: p.paragraph, beside: true }));
      md.appendMarkdown(' · ');
      md.appendMarkdown(commandLink('$(open-preview) Preview', PREVIEW_COMMAND, { key: p.key, paragraph: p.paragraph }));
      md.appendMarkdown(p.best ? ' · best match for this sentence' : '');
    }
  });
  return md;
}

function quoteHover(content: Extract<HoverContent, { kind: 'quotation' }>): vscode.MarkdownString {
  const md = safeMarkdown([OPEN_COMMAND]);
  if (content.found.length === 0) {
    md.appendMarkdown('**Quotation not found**: these words occur in no indexed source.');
    return md;
  }
  md.appendMarkdown('**Quotation found** in ');
  md.appendMarkdown(
    content.found
      .slice(0, 5)
      .map((f) => commandLink(f.label, OPEN_COMMAND, { key: f.key, paragraph: f.paragraph, beside: true }))
      .join(', '),
  );
  if (content.firstText) appendUntrusted(md.appendMarkdown('\n\n> '), content.firstText);
  return md;
}
