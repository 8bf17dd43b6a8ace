import * as vscode from 'vscode';
import type { Citation, CitationItem } from '../core/citations';
import type { Paragraph, Source } from '../core/model';
import { locateQuotation, quotationsIn } from '../core/quotes';
import { paragraphAt, sentenceAt } from '../core/report';
import { sharedWords } from '../core/search/relevance';
import { bestPassage } from '../core/evidence/best-passage';
import { proseOf } from '../core/citations';
import { citationUnderCursor } from '../service/citation-at';
import type { CorpusService } from './corpus-service';
import { appendUntrusted, appendWithBold, commandLink, safeMarkdown } from './markdown-text';
import { locatedPassages, locatorOf, locatorRange } from '../core/corpus/locators';

const OPEN_COMMAND = 'grounded.openSource';
const PREVIEW_COMMAND = 'grounded.previewSource';

/** The passages a citation item points at: its `para.` (or, in a PDF, `p.`) locator, if it has one. */
export function locatedParagraphs(source: Source, item: CitationItem): Paragraph[] | undefined {
  return locatedPassages(source, item.locator);
}

/**
 * Hovers that show what backs the text: over a citation, the cited passage (or the passage
 * that best supports the sentence) with shared words in bold; over a quotation, where it
 * occurs in the sources, or that it occurs in none.
 */
export class CitationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly corpus: CorpusService) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    await this.corpus.ready();
    if (token.isCancellationRequested) return undefined;
    const text = document.getText();
    const offset = document.offsetAt(position);
    const hit = citationUnderCursor(text, offset);
    if (hit) {
      const range = new vscode.Range(document.positionAt(hit.citation.start), document.positionAt(hit.citation.end));
      return new vscode.Hover(this.citationHover(hit.citation, text, offset), range);
    }
    const paragraph = paragraphAt(text, offset);
    const quote = quotationsIn(paragraph.text).find((q) => q.start - 1 + paragraph.start <= offset && offset <= q.end + 1 + paragraph.start);
    if (quote) {
      const range = new vscode.Range(document.positionAt(paragraph.start + quote.start - 1), document.positionAt(paragraph.start + quote.end + 1));
      return new vscode.Hover(this.quoteHover(quote.text), range);
    }
    return undefined;
  }

  private citationHover(citation: Citation, text: string, offset: number): vscode.MarkdownString {
    const sentence = proseOf(sentenceAt(text, offset).text);
    const md = safeMarkdown([OPEN_COMMAND, PREVIEW_COMMAND], { themeIcons: true });
    citation.items.forEach((item, i) => {
      if (i > 0) md.appendMarkdown('\n\n---\n\n');
      const source = this.corpus.corpus.get(item.key);
      if (!source) {
        appendUntrusted(md.appendMarkdown('**Unknown source** '), `@${item.key}`).appendMarkdown(': no indexed source has this key.');
        return;
      }
      const { title, publisher, issued, url } = source.meta;
      appendUntrusted(md.appendMarkdown('**'), title).appendMarkdown('**');
      const facts = [publisher, issued, url].filter(Boolean).join(' · ');
      if (facts) appendUntrusted(md.appendMarkdown('  \n'), facts);
      if (source.format === 'reference') {
        if (source.meta.authors?.length) appendUntrusted(md.appendMarkdown('  \n'), source.meta.authors.join(', '));
        md.appendMarkdown('\n\n$(info) An entry of your bibliography with no text to check against: it attaches no file the editor reads (a PDF or Word attachment is read by `grounded check` only, for now).');
        return;
      }
      const located = locatedParagraphs(source, item);
      if (located && located.length === 0) {
        md.appendMarkdown(`\n\nThis source has ${locatorRange(source)}; the locator points past its end.`);
        return;
      }
      const best = located ? undefined : bestPassage(text, offset, source, this.corpus.searchIndex());
      const passages = located ?? (best ? [best] : []);
      if (passages.length === 0) {
        md.appendMarkdown('\n\nNo passage of this source shares words with this sentence.');
      }
      for (const p of passages) {
        md.appendMarkdown('\n\n> ');
        quotePassage(md, source, p, sentence);
        md.appendMarkdown('\n\n');
        const locator = locatorOf(source, p);
        md.appendMarkdown(commandLink(`$(go-to-file) Open${locator ? ` at ${locator}` : ''}`, OPEN_COMMAND, { key: source.meta.key, paragraph: p.index, beside: true }));
        md.appendMarkdown(' · ');
        md.appendMarkdown(commandLink('$(open-preview) Preview', PREVIEW_COMMAND, { key: source.meta.key, paragraph: p.index }));
        md.appendMarkdown(located ? '' : ' · best match for this sentence');
      }
    });
    return md;
  }

  private quoteHover(quote: string): vscode.MarkdownString {
    const md = safeMarkdown([OPEN_COMMAND]);
    const found = locateQuotation(quote, this.corpus.corpus.all());
    if (found.length === 0) {
      md.appendMarkdown('**Quotation not found**: these words occur in no indexed source.');
      return md;
    }
    md.appendMarkdown('**Quotation found** in ');
    md.appendMarkdown(
      found
        .slice(0, 5)
        .map((f) => commandLink(citationLabel(this.corpus.corpus.get(f.key), f.key, f.paragraph), OPEN_COMMAND, { key: f.key, paragraph: f.paragraph, beside: true }))
        .join(', '),
    );
    const first = this.corpus.corpus.get(found[0].key)?.paragraphs.find((p) => p.index === found[0].paragraph);
    if (first) appendUntrusted(md.appendMarkdown('\n\n> '), first.text);
    return md;
  }
}


/**
 * A passage as the hover quotes it, shared words in bold. A sentence passage of an unbroken
 * text comes with the sentences either side, so the quote reads in context.
 */
function quotePassage(md: vscode.MarkdownString, source: Source, p: Paragraph, sentence: string): void {
  if (source.locators !== 'none') {
    appendWithBold(md, p.text, sharedWords(p.text, sentence));
    return;
  }
  const at = source.paragraphs.indexOf(p);
  const before = source.paragraphs[at - 1];
  const after = source.paragraphs[at + 1];
  if (before) appendUntrusted(md, `${before.text} `);
  appendWithBold(md, p.text, sharedWords(p.text, sentence));
  if (after) appendUntrusted(md, ` ${after.text}`);
}

function citationLabel(source: Source | undefined, key: string, paragraph: number): string {
  const p = source?.paragraphs.find((q) => q.index === paragraph);
  const locator = source && p ? locatorOf(source, p) : `para. ${paragraph}`;
  return locator ? `@${key}, ${locator}` : `@${key}`;
}
