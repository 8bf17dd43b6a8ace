// Turns one file's bytes into what the corpus needs: the work a worker thread does, so
// reading a large corpus never blocks the editor. Pure: bytes in, plain data out.
import type { LoadProblem } from '../model';
import { LineIndex } from '../positions';
import { formatOf, parseArticle, type ParsedArticle } from './article';
import { decodeBytes } from './decode';
import { parsePdf } from './pdf';
import { parseDocx } from './docx';
import { parseBibliography, type Bibliography } from '../bib/parse-bibliography';
import { parseReferences, REFERENCES_FILE, type ReferenceEntry } from './references';

export type FileParse =
  | { kind: 'article'; article: ParsedArticle; note?: string }
  | { kind: 'references'; references: { entries: ReferenceEntry[]; problems: LoadProblem[] }; note?: string }
  | { kind: 'bibliography'; bibliography: Bibliography; note?: string }
  | { kind: 'skipped'; reason: string };

export function isReferencesFile(location: string): boolean {
  return location.endsWith(`/${REFERENCES_FILE}`) || location.endsWith(`\\${REFERENCES_FILE}`) || location === REFERENCES_FILE;
}

/** True for a PDF, which only `parseFileAsync` reads (PDF.js parses asynchronously). */
export function isPdf(location: string): boolean {
  return /\.pdf$/i.test(location);
}

/** True for a Word document, which only `parseFileAsync` reads (mammoth converts asynchronously). */
export function isDocx(location: string): boolean {
  return /\.docx$/i.test(location);
}

/** Is this a file Grounded reads as a source: an article (text, Markdown, HTML), a PDF or a Word document? */
export function readsAsSource(location: string): boolean {
  return formatOf(location) !== undefined || isPdf(location) || isDocx(location);
}

/** `parseFile`, and PDFs and Word documents too. */
export async function parseFileAsync(location: string, bytes: Uint8Array, as?: 'bibliography'): Promise<FileParse> {
  if (as === 'bibliography' || (!isPdf(location) && !isDocx(location))) return parseFile(location, bytes, as);
  if (!bytes.length) return { kind: 'skipped', reason: 'the file is empty' };
  return { kind: 'article', article: isPdf(location) ? await parsePdf(location, bytes) : await parseDocx(location, bytes) };
}

/** `as: 'bibliography'` reads the file as the writer's bibliography (BibTeX, CSL-JSON, CSL-YAML). */
export function parseFile(location: string, bytes: Uint8Array, as?: 'bibliography'): FileParse {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { kind: 'skipped', reason: decoded.reason };
  if (as === 'bibliography') return { kind: 'bibliography', bibliography: parseBibliography(location, decoded.text), ...noteOf(decoded) };
  // An empty file is most likely an article not saved yet: a source with no passages would only mislead.
  if (!decoded.text.trim()) return { kind: 'skipped', reason: bytes.length ? 'the file has only white space, no text' : 'the file is empty' };
  if (isReferencesFile(location)) return { kind: 'references', references: parseReferences(location, decoded.text), ...noteOf(decoded) };
  const format = formatOf(location);
  if (!format) return { kind: 'skipped', reason: 'Grounded does not read files of this type' };
  const article = parseArticle(location, decoded.text, format);
  // Problems with a place get line and column here: the corpus keeps no file text.
  if (article.problems.some((p) => p.start !== undefined)) {
    const lines = new LineIndex(decoded.text);
    for (const p of article.problems) {
      if (p.start === undefined) continue;
      const s = lines.positionAt(p.start);
      const e = lines.positionAt(p.end ?? p.start);
      p.lineRange = [s.line, s.character, e.line, e.character];
    }
  }
  return { kind: 'article', article, ...noteOf(decoded) };
}

// Absent rather than undefined, so the parse reads back from the JSON cache unchanged.
function noteOf(decoded: { note?: string }): { note?: string } {
  return decoded.note ? { note: decoded.note } : {};
}
