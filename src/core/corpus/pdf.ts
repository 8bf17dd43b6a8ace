// Reads a PDF's text layer with Mozilla's PDF.js (pdfjs-dist, legacy build for Node) and turns
// it into an article cited by page. Runs on the index worker: PDF.js parses on this thread (no
// worker of its own), a page at a time.
import type { LoadProblem, Paragraph, SourceMeta } from '../model';
import type { ParsedArticle } from './article';
import { isTitleLike } from './clean';
import { dropRunningLines, linesOf, paragraphsOf, type PdfLine, type TextRun } from './pdf-layout';
import { splitSentences } from './segment';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/** PDF.js, loaded once and only when a PDF is read (it is most of the worker's size). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    // Its display layer makes these at load time; reading text never draws, so empty classes do.
    const g = globalThis as Record<string, unknown>;
    for (const name of ['DOMMatrix', 'ImageData', 'Path2D']) g[name] ??= class {};
    // In a CommonJS bundle PDF.js cannot find Node's `require` (for optional native canvas
    // support, which reading text never uses) and warns on the console as it loads: not the user's concern.
    // (PDF.js warns with console.warn.)
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void (String(args[0]).startsWith('Warning: Cannot access the `require`') || warn(...args));
    let lib;
    try {
      lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // Parsing on this thread: the index worker is already off the editor's thread.
      g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    } finally {
      console.warn = warn;
    }
    return lib;
  })();
  return pdfjs;
}

export async function parsePdf(location: string, bytes: Uint8Array): Promise<ParsedArticle> {
  const lib = await loadPdfJs();
  const empty = (message: string): ParsedArticle => ({ location, format: 'pdf', meta: {}, paragraphs: [], locators: 'page', removed: [], problems: [{ location, severity: 'warning', message }] });
  let doc;
  try {
    // A plain copy: PDF.js refuses a Buffer, and takes over (detaches) the array it is given.
    doc = await lib.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') return empty('The PDF is encrypted with a password, so its text cannot be read; indexed with no passages. Save an unprotected copy (or remove the password) and put that in the corpus.');
    return empty(`The PDF cannot be read (${(e as Error).message}); indexed with no passages.`);
  }
  try {
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        runs.push({ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height || Math.abs(item.transform[3]), endsLine: item.hasEOL });
      }
      pages.push(linesOf(n, runs));
      page.cleanup();
    }
    const meta = await metadataOf(doc);
    if (pages.every((p) => p.length === 0)) {
      return { ...empty(`The PDF has no text layer (${doc.numPages} page${doc.numPages === 1 ? '' : 's'} of images, as a scan is); indexed with no passages. Run OCR on it first (for example \`ocrmypdf in.pdf out.pdf\`) and put the result in the corpus.`), meta };
    }
    const { kept, dropped } = dropRunningLines(pages);
    const blocks = paragraphsOf(kept);
    const bodyHeight = [...blocks].sort((a, b) => b.text.length - a.text.length)[0]?.height ?? 0;
    // A first block in larger type that reads as a headline is the title, not a passage.
    if (blocks.length > 1 && blocks[0].height > bodyHeight * 1.15 && isTitleLike(blocks[0].text)) {
      const [title] = blocks.splice(0, 1);
      meta.title ??= title.text;
    }
    const paragraphs: Paragraph[] = [];
    let offset = 0;
    for (const b of blocks) {
      paragraphs.push({ index: paragraphs.length + 1, text: b.text, start: offset, end: offset + b.text.length, sentences: splitSentences(b.text), page: b.page, ...(b.lastPage !== b.page ? { lastPage: b.lastPage } : {}) });
      offset += b.text.length + 2;
    }
    const problems: LoadProblem[] = [];
    const removed = dropped.map((l) => ({ text: l.text, start: 0, end: 0, reason: `running header, footer or page number (p. ${l.page})` }));
    return { location, format: 'pdf', meta, paragraphs, locators: 'page', removed, problems };
  } finally {
    await doc.destroy();
  }
}

/** Title, authors and date from the XMP packet (Dublin Core) where present, else the info dictionary. */
async function metadataOf(doc: { getMetadata(): Promise<{ info: unknown; metadata: { get(name: string): unknown } | null }> }): Promise<Partial<SourceMeta>> {
  const { info, metadata } = await doc.getMetadata();
  const dict = (info ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : Array.isArray(v) && typeof v[0] === 'string' ? String(v[0]).trim() : undefined);
  const meta: Partial<SourceMeta> = {};
  const title = text(metadata?.get('dc:title')) ?? text(dict.Title);
  if (title) meta.title = title;
  const creators = metadata?.get('dc:creator');
  const authors = Array.isArray(creators) ? creators.map(String) : text(dict.Author)?.split(/\s*(?:;|\band\b)\s*/);
  if (authors?.length) meta.authors = authors.filter(Boolean);
  const date = text(metadata?.get('dc:date'));
  if (date && /^\d{4}(-\d\d){0,2}/.test(date)) meta.issued = /^\d{4}(-\d\d){0,2}/.exec(date)![0];
  return meta;
}
