// Reads a Word document (.docx) with mammoth, which turns its paragraphs and headings into
// HTML by their styles; Grounded then reads that HTML as any article. The Title, Author and Date
// paragraphs (as pandoc, LibreOffice and Word's templates style them) give the metadata.
// Offsets of passages are into that HTML, as a PDF's are into its extracted text.
import type { SourceMeta } from '../model';
import { parseArticle, type ParsedArticle } from './article';

// The Title is the article's one <h1>; its sections' headings are kept as passages one level down.
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name='Heading ${n}'] => h${Math.min(n + 1, 6)}:fresh`),
  // Said in the metadata, not passages.
  "p[style-name='Author'] => !",
  "p[style-name='Date'] => !",
  "p[style-name='First Paragraph'] => p:fresh",
  "p[style-name='Body Text'] => p:fresh",
  "p[style-name='Compact'] => p:fresh",
  "p[style-name='Abstract'] => p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
];

interface DocxParagraph {
  type: string;
  styleName?: string;
  children?: DocxParagraph[];
  value?: string;
}

const textOf = (el: DocxParagraph): string => (el.type === 'text' ? (el.value ?? '') : (el.children ?? []).map(textOf).join(''));
const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export async function parseDocx(location: string, bytes: Uint8Array): Promise<ParsedArticle> {
  const said: { title?: string; authors: string[]; date?: string } = { authors: [] };
  let html: string;
  try {
    // Loaded when a Word document is read, so a bundle that never reads one leaves it out.
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Never follows a link to a file outside the document.
        externalFileAccess: false,
        transformDocument: (doc: DocxParagraph) => {
          const visit = (el: DocxParagraph) => {
            if (el.type === 'paragraph') {
              const text = textOf(el).trim();
              if (el.styleName === 'Title') said.title ??= text;
              else if (el.styleName === 'Author' && text) said.authors.push(text);
              else if (el.styleName === 'Date') said.date ??= text;
            }
            el.children?.forEach(visit);
          };
          visit(doc);
          return doc;
        },
      },
    );
    html = result.value;
  } catch (e) {
    const message = `The Word document cannot be read (${(e as Error).message.split('\n')[0]}); indexed with no passages. Open it in Word or LibreOffice and save it again as .docx.`;
    return { location, format: 'docx', meta: {}, paragraphs: [], removed: [], problems: [{ location, severity: 'warning', message }] };
  }
  const head = [
    said.title && `<meta name="citation_title" content="${escape(said.title)}">`,
    ...said.authors.map((a) => `<meta name="citation_author" content="${escape(a)}">`),
    said.date && `<meta name="citation_publication_date" content="${escape(said.date)}">`,
  ].filter(Boolean);
  const article = parseArticle(location, `<!DOCTYPE html><html><head>${head.join('')}</head><body><article>${html}</article></body></html>`, 'html');
  const meta: Partial<SourceMeta> = { ...article.meta };
  return { ...article, format: 'docx', meta };
}
