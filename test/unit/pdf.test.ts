// PDFs made by real tools, as writers get them: headless Chromium's print to PDF (what "Save as
// PDF" does) of a real BBC article with running headers, page numbers and hyphenation, a
// two-column layout, a page that is only an image (a scan), and qpdf's encryption.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Corpus } from '../../src/core/corpus/corpus';
import { checkReport } from '../../src/core/check/check-report';
import { locatedPassages, locatorOf } from '../../src/core/corpus/locators';
import { loadCorpusDirectory } from '../../src/core/corpus/node-corpus';
import { parseFileAsync } from '../../src/core/corpus/parse-file';
import { parseLocator } from '../../src/core/citations';
import type { ParsedArticle } from '../../src/core/corpus/article';
import { repoRoot } from './paths';
import { escapeHtml as escape, printToPdf as printPdfIn, scannedPdf } from '../real-documents';

const dir = mkdtempSync(join(tmpdir(), 'grounded-pdf-'));
const printToPdf = (name: string, html: string) => printPdfIn(dir, name, html);
// The real article, in paragraphs of three sentences, as a news site lays it out.
const article = readFileSync(join(repoRoot, 'test', 'fixtures', 'unbroken', 'mixed-christmas-for-us-retailers.txt'), 'utf8').replace(/^Mixed Christmas for US retailers /, '').trim();
const sentences = article.split(/(?<=[.!?]"?) (?=[A-Z"])/);
const paragraphs = Array.from({ length: Math.ceil(sentences.length / 3) }, (_, i) => sentences.slice(i * 3, i * 3 + 3).join(' '));
// A soft hyphen lets Chromium break "beneficiary" over two lines with a visible hyphen, as typesetting does.
const softened = (t: string) => t.replace(/beneficiary/g, 'bene&shy;ficiary');
const style = `@page { size: A5; margin: 22mm 16mm; @top-center { content: "BBC News · Business"; font-size: 9pt; } @bottom-center { content: "Page " counter(page); font-size: 9pt; } }
  body { font: 12pt/1.45 serif; } h1 { font-size: 20pt; }`;

describe('PDF sources', function () {
  this.timeout(120_000);
  let single: ParsedArticle;
  let twoColumn: ParsedArticle;

  before(async () => {
    const body = paragraphs.map((p) => `<p>${softened(escape(p))}</p>`).join('\n');
    const html = (extra: string) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Mixed Christmas for US retailers</title><style>${style}${extra}</style></head><body><h1>Mixed Christmas for US retailers</h1>${body}</body></html>`;
    const a = await printToPdf('article', html(''));
    single = ((await parseFileAsync(a, readFileSync(a))) as { article: ParsedArticle }).article;
    const b = await printToPdf('columns', html(' body { columns: 2; column-gap: 8mm; font-size: 10pt; }'));
    twoColumn = ((await parseFileAsync(b, readFileSync(b))) as { article: ParsedArticle }).article;
  });

  const flat = (t: string) => t.replace(/\s+/g, ' ').trim();

  it('reads the paragraphs in reading order, as a person reads them on the page', () => {
    assert.deepEqual(single.paragraphs.map((p) => flat(p.text)), paragraphs.map(flat));
    assert.equal(single.meta.title, 'Mixed Christmas for US retailers');
  });

  it('reads two columns column by column', () => {
    assert.deepEqual(twoColumn.paragraphs.map((p) => flat(p.text)), paragraphs.map(flat));
  });

  it('drops the running header and the page numbers, and keeps the pages', () => {
    const all = single.paragraphs.map((p) => p.text).join(' ');
    assert.ok(!all.includes('BBC News · Business'), 'running header left in');
    assert.ok(!/Page \d/.test(all), 'page number left in');
    assert.ok(single.removed.some((r) => r.text === 'Page 2'));
    const pages = single.paragraphs.map((p) => p.page!);
    assert.ok(Math.max(...pages) >= 2, `pages ${pages.join(',')}`);
    assert.deepEqual(pages, [...pages].sort((x, y) => x - y));
  });

  it('joins a word hyphenated over two lines', () => {
    const text = single.paragraphs.map((p) => p.text).join(' ');
    assert.ok(text.includes('beneficiary'), 'beneficiary is split');
    assert.ok(!/bene- ?ficiary/.test(text));
  });

  it('is cited by page, and a page locator finds its passages', () => {
    const corpus = new Corpus();
    corpus.upsert(single);
    const [source] = corpus.all();
    const last = source.paragraphs[source.paragraphs.length - 1];
    assert.equal(locatorOf(source, last), `p. ${last.page}`);
    const located = locatedPassages(source, parseLocator(`p. ${last.lastPage ?? last.page}`, 0, 8)) ?? [];
    assert.ok(located.includes(last));
    assert.equal(locatedPassages(source, parseLocator('para. 2', 0, 7)), undefined);
  });

  it('names the page in the findings of a check against the PDF', () => {
    const corpus = new Corpus();
    corpus.upsert(single);
    const [source] = corpus.all();
    const passage = source.paragraphs.find((p) => p.text.includes('32.2% at American Eagle'))!;
    const findings = checkReport(`Sales jumped 28% at Bebe Stores and 42.2% at American Eagle Outfitters [@${source.meta.key}, p. ${passage.page}].`, { corpus });
    const mismatch = findings.find((f) => f.code === 'figure-mismatch');
    assert.ok(mismatch, findings.map((f) => f.message).join('; '));
    assert.match(mismatch.message, new RegExp(`\\[@${source.meta.key}, p\\. ${passage.page}\\]`));
    assert.equal(mismatch.source?.paragraph, passage.index);
    const [quote] = checkReport(`Analysts said Wal-Mart faced "a stand-off with its customers" [@${source.meta.key}].`, { corpus });
    assert.match(quote.message, new RegExp(`Closest wording \\[@${source.meta.key}, p\\. \\d+\\]`));
  });

  it('says a PDF of images (a scan) has no text layer and needs OCR, and indexes it empty', async () => {
    const scan = await scannedPdf(dir, 'scan', paragraphs[0]);
    const parse = await parseFileAsync(scan, readFileSync(scan));
    assert.equal(parse.kind, 'article');
    const parsed = (parse as { article: ParsedArticle }).article;
    assert.equal(parsed.paragraphs.length, 0);
    assert.match(parsed.problems[0].message, /no text layer.*OCR/s);
    assert.equal(parsed.problems[0].location, scan);
  });

  it('says an encrypted PDF cannot be read without its password, and indexes it empty', async () => {
    const plain = join(dir, 'article.pdf');
    const locked = join(dir, 'locked.pdf');
    execFileSync('qpdf', ['--encrypt', 'reader-secret', 'owner-secret', '256', '--', plain, locked]);
    const parsed = ((await parseFileAsync(locked, readFileSync(locked))) as { article: ParsedArticle }).article;
    assert.equal(parsed.paragraphs.length, 0);
    assert.match(parsed.problems[0].message, /encrypted with a password/);
  });

  it('loads a folder of PDFs for grounded check', async () => {
    const { sources, problems } = await loadCorpusDirectory(dir);
    const article = sources.find((s) => s.location.endsWith('article.pdf'));
    assert.equal(article?.locators, 'page');
    assert.ok(problems.some((p) => p.location.endsWith('scan.pdf') && /OCR/.test(p.message)));
  });
});
