import type { EntryPlace, LoadProblem, LocatorKind, Paragraph, SourceFormat, SourceMeta } from '../model';
import { parseHtmlArticle } from './html';
import { markdownBlocks, readFrontMatter } from './markdown';
import { toParagraphs, textBlocks } from './paragraphs';

/** What one file says about itself, before keys are assigned across the corpus. */
export interface ParsedArticle {
  location: string;
  format: SourceFormat;
  /** Metadata found in the file (front matter, meta tags, headline). */
  meta: Partial<SourceMeta>;
  paragraphs: Paragraph[];
  /** How its passages are cited; absent for `para. N`. */
  locators?: LocatorKind;
  /** A bibliography entry with no text: where it is written. */
  entry?: EntryPlace;
  /** Blocks left out as boilerplate, with the reason (shown to writers who wonder where text went). */
  removed: Array<{ text: string; start: number; end: number; reason: string }>;
  problems: LoadProblem[];
}

const EXTENSIONS: Record<string, SourceFormat> = { txt: 'text', text: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html' };

/** The format a file name implies, or undefined for files Grounded does not read. */
export function formatOf(location: string): SourceFormat | undefined {
  const m = /\.([A-Za-z]+)$/.exec(location);
  return m ? EXTENSIONS[m[1].toLowerCase()] : undefined;
}

export function parseArticle(location: string, text: string, format: SourceFormat): ParsedArticle {
  const problems: LoadProblem[] = [];
  let meta: Partial<SourceMeta> = {};
  let blocks;
  let heading;
  if (format === 'html') {
    const html = parseHtmlArticle(text);
    meta = html.meta;
    blocks = html.blocks;
    heading = html.heading;
  } else if (format === 'markdown') {
    const fm = readFrontMatter(location, text);
    meta = fm.meta;
    problems.push(...fm.problems);
    blocks = markdownBlocks(text, fm.bodyStart);
  } else {
    blocks = textBlocks(text);
  }
  // Only plain text loses the break after its headline; HTML and Markdown mark theirs.
  const { paragraphs, cleaned, locators } = toParagraphs(blocks, format === 'text');
  const headline = heading ?? cleaned.headline;
  if (!meta.title && headline) meta.title = headline.text;
  if (!meta.title && paragraphs.length > 0) meta.title = leadWords(paragraphs[0].sentences[0]?.text ?? paragraphs[0].text);
  if (paragraphs.length === 0) {
    problems.push({ location, severity: 'warning', message: text.trim() ? 'No article text found after removing boilerplate; the source is indexed with no passages.' : 'The file is empty.' });
  }
  const removed = cleaned.removed.map(({ block, reason }) => ({ text: block.text, start: block.start, end: block.end, reason }));
  return { location, format, meta, paragraphs, ...(locators === 'paragraph' ? {} : { locators }), removed, problems };
}

/** A title for an article with no headline: the first words of its first sentence. */
function leadWords(sentence: string): string {
  const words = sentence.replace(/[.!?]+$/, '').split(/\s+/);
  return words.length > 12 ? `${words.slice(0, 12).join(' ')}…` : words.join(' ');
}
