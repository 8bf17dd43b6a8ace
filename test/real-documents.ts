// Documents made by the real tools writers' files come from, for the unit, integration and
// bench suites: headless Chromium's print to PDF (what "Save as PDF" does), a screenshot
// printed as an image-only PDF (a scan), qpdf's encryption, and pandoc's .docx. Asynchronous,
// so the extension host running the integration tests is never held up while they are made.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Prints `html` to `dir/name.pdf` with headless Chromium; returns the PDF's path. */
export async function printToPdf(dir: string, name: string, html: string): Promise<string> {
  const page = join(dir, `${name}.html`);
  const out = join(dir, `${name}.pdf`);
  writeFileSync(page, html);
  await run(chromium, [...CHROMIUM_FLAGS, '--no-pdf-header-footer', `--print-to-pdf=${out}`, page], { timeout: 60_000 });
  return out;
}

/** An article as a news site prints it: a headline, paragraphs, a running header and page numbers. */
export function articleHtml(title: string, paragraphs: readonly string[], extraStyle = ''): string {
  const style = `@page { size: A5; margin: 22mm 16mm; @top-center { content: "BBC News"; font-size: 9pt; } @bottom-center { content: "Page " counter(page); font-size: 9pt; } }
  body { font: 12pt/1.45 serif; } h1 { font-size: 20pt; }${extraStyle}`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${style}</style></head><body><h1>${escapeHtml(title)}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</body></html>`;
}

/**
 * A BBC article of test/fixtures/unbroken (which come with no paragraph breaks) in paragraphs of
 * three sentences, as a news site lays it out; `headline` is cut off the front.
 */
export function bbcParagraphs(repoRoot: string, name: string, headline: string): string[] {
  const text = readFileSync(join(repoRoot, 'test', 'fixtures', 'unbroken', name), 'utf8').replace(headline, '').trim();
  const sentences = text.split(/(?<=[.!?]"?) (?=[A-Z"])/);
  return Array.from({ length: Math.ceil(sentences.length / 3) }, (_, i) => sentences.slice(i * 3, i * 3 + 3).join(' '));
}

/** A scan: `text` rendered by Chromium to a picture, and the picture printed to a PDF with no text layer. */
export async function scannedPdf(dir: string, name: string, text: string): Promise<string> {
  const shot = join(dir, `${name}.png`);
  writeFileSync(join(dir, `${name}-text.html`), `<p style="font: 20px serif">${escapeHtml(text)}</p>`);
  await run(chromium, [...CHROMIUM_FLAGS, `--screenshot=${shot}`, '--window-size=800,400', join(dir, `${name}-text.html`)], { timeout: 60_000 });
  return printToPdf(dir, name, `<!DOCTYPE html><html><body style="margin:0"><img src="${name}.png" style="width:100%"></body></html>`);
}

/** `markdown` written to `dir/name.docx` by pandoc (without smart quotes, so it says what the text says). */
export async function pandocDocx(dir: string, name: string, markdown: string): Promise<string> {
  const input = join(dir, `${name}.md`);
  const out = join(dir, `${name}.docx`);
  writeFileSync(input, markdown);
  await run('pandoc', ['-f', 'markdown-smart', '-o', out, input], { timeout: 60_000 });
  return out;
}
