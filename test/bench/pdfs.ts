// The bench's PDFs: BBC News articles printed to PDF by headless Chromium (Playwright's
// page.pdf(), which is Chromium's own print to PDF, as --print-to-pdf and "Save as PDF" use),
// in paragraphs of three sentences with a running header and page numbers. Made once and kept
// in a cache folder between runs (~/.cache/grounded/bench-pdfs, or GROUNDED_CACHE/bench-pdfs).
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { articleHtml } from '../real-documents';

/** The cache folder of the bench's PDFs. */
export function pdfCacheDir(): string {
  return join(process.env.GROUNDED_CACHE ?? join(homedir(), '.cache', 'grounded'), 'bench-pdfs');
}

function titleAndParagraphs(text: string): { title: string; paragraphs: string[] } {
  const sentences = text.trim().split(/(?<=[.!?]"?) (?=[A-Z"])/);
  const title = sentences[0].split(/\s+/).slice(0, 8).join(' ');
  return { title, paragraphs: Array.from({ length: Math.ceil(sentences.length / 3) }, (_, i) => sentences.slice(i * 3, i * 3 + 3).join(' ')) };
}

/** Prints `articles[i]` to `dir/article-i.pdf` for each i not there yet; returns every path, in order. */
export async function benchPdfs(articles: readonly string[], dir = pdfCacheDir()): Promise<{ paths: string[]; made: number; makeMs: number }> {
  mkdirSync(dir, { recursive: true });
  const paths = articles.map((_, i) => join(dir, `article-${String(i).padStart(4, '0')}.pdf`));
  const missing = paths.map((p, i) => ({ p, i })).filter(({ p }) => !existsSync(p));
  const started = performance.now();
  if (missing.length) {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'] });
    try {
      const page = await browser.newPage();
      for (const { p, i } of missing) {
        const { title, paragraphs } = titleAndParagraphs(articles[i]);
        await page.setContent(articleHtml(title, paragraphs));
        // Written aside and renamed, so an interrupted run never leaves half a PDF in the cache.
        await page.pdf({ path: `${p}.partial`, preferCSSPageSize: true, printBackground: false });
        renameSync(`${p}.partial`, p);
      }
    } finally {
      await browser.close();
    }
  }
  return { paths, made: missing.length, makeMs: performance.now() - started };
}

/** One article printed again with a sentence added: the "changed PDF" of the re-index measurement. */
export async function changedPdf(article: string, path: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    const { title, paragraphs } = titleAndParagraphs(article);
    await page.setContent(articleHtml(title, [...paragraphs, 'The figures were revised on Friday, the company said in a statement.']));
    await page.pdf({ path, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
