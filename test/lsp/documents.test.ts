// PDFs and Word documents in grounded-lsp: a client cannot show either as text, so Go to
// Definition, Open Source and a finding's related location lead to the text Grounded extracted
// from them, written to the server's own folder (never beside the source), at the passage.
// The files are made by the real tools: headless Chromium's print to PDF, pandoc's .docx.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Location, Range } from 'vscode-languageserver-protocol/node';
import { articleHtml, bbcParagraphs, pandocDocx, printToPdf } from '../real-documents';
import { LspSession, makeWorkspace, repoRoot, uriOf } from './harness';

const christmas = bbcParagraphs(repoRoot, 'mixed-christmas-for-us-retailers.txt', 'Mixed Christmas for US retailers ');
const ashley = bbcParagraphs(repoRoot, 'laura-ashley-chief.txt', 'Laura Ashley chief stepping down ');

const flat = (t: string) => t.replace(/\s+/g, ' ');
/** The text of `range` in the file at `uri`. */
function textAt(uri: string, range: Range): string {
  const lines = readFileSync(fileURLToPath(uri), 'utf8').split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  return [lines[range.start.line].slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line].slice(0, range.end.character)].join('\n');
}
/** The file's lines before `range`. */
const linesBefore = (uri: string, range: Range) => readFileSync(fileURLToPath(uri), 'utf8').split('\n').slice(0, range.start.line).join('\n');

interface Passage {
  key: string;
  locator?: string;
  location: string;
  shownIn: string;
  range: Range;
}

describe('grounded-lsp on PDF and Word sources', function () {
  this.timeout(120_000);
  let folder: string;
  let caches: string;
  let session: LspSession;
  let pdfKey: string;
  let pdfPage: string;
  let docxKey: string;

  before(async () => {
    folder = makeWorkspace({}, { corpus: false });
    caches = mkdtempSync(join(tmpdir(), 'grounded-lsp-documents-'));
    const made = mkdtempSync(join(tmpdir(), 'grounded-lsp-made-'));
    try {
      const [pdf, docx] = await Promise.all([
        printToPdf(made, 'christmas', articleHtml('Mixed Christmas for US retailers', christmas)),
        pandocDocx(made, 'ashley', `---\ntitle: Laura Ashley chief stepping down\nauthor: BBC News\n---\n\n${ashley.join('\n\n')}\n`),
      ]);
      mkdirSync(join(folder, 'corpus'));
      copyFileSync(pdf, join(folder, 'corpus', 'christmas.pdf'));
      copyFileSync(docx, join(folder, 'corpus', 'ashley-draft.docx'));
    } finally {
      rmSync(made, { recursive: true, force: true });
    }
    session = await LspSession.start(folder, { initializationOptions: { cacheDirectory: caches } });
    await session.indexComplete();
    const search = async (query: string) => ((await session.connection.sendRequest('workspace/executeCommand', { command: 'grounded.searchSources', arguments: [query] })) as { passages: Passage[] }).passages[0];
    const figure = await search('32.2% American Eagle Outfitters');
    const leaving = await search('Ainum Mohd-Saaid leaving');
    assert.equal(figure?.location, uriOf(join(folder, 'corpus', 'christmas.pdf')));
    assert.equal(leaving?.location, uriOf(join(folder, 'corpus', 'ashley-draft.docx')));
    pdfKey = figure.key;
    pdfPage = figure.locator!;
    docxKey = leaving.key;
    assert.match(pdfPage, /^p\. \d+$/);
  });

  after(async () => {
    await session?.close();
    rmSync(caches, { recursive: true, force: true });
  });

  const definitionOf = async (report: string, name: string) => {
    const document = session.open(join(folder, name), report);
    const key = report.indexOf('[@') + 3;
    return (await session.connection.sendRequest('textDocument/definition', { textDocument: { uri: document.uri }, position: { line: 0, character: key } })) as Location[];
  };

  it('goes to the cited page of a PDF in its extracted text, written in the server’s folder, read-only', async () => {
    const [location] = await definitionOf(`Sales jumped 32.2% at American Eagle Outfitters [@${pdfKey}, ${pdfPage}].\n`, 'pdf-report.md');
    assert.ok(location.uri.startsWith(uriOf(caches)), `${location.uri} is not in the server's folder`);
    assert.match(location.uri, /christmas\.pdf\.txt$/);
    assert.match(flat(textAt(location.uri, location.range)), /32\.2% at American Eagle/);
    // Under the page mark of the page cited, with no other page's mark in between.
    const marks = linesBefore(location.uri, location.range).match(/— p\. \d+ —/g) ?? [];
    assert.equal(marks.at(-1), `— ${pdfPage} —`);
    assert.match(readFileSync(fileURLToPath(location.uri), 'utf8'), /^Text Grounded extracted from .*christmas\.pdf/);
    assert.equal(statSync(fileURLToPath(location.uri)).mode & 0o222, 0, 'the extracted text is read-only');
    // Grounded never writes beside the sources.
    assert.deepEqual(readdirSync(join(folder, 'corpus')).sort(), ['ashley-draft.docx', 'christmas.pdf']);
  });

  it('goes to the cited paragraph of a Word document, under its paragraph number', async () => {
    const [location] = await definitionOf(`Ainum Mohd-Saaid is leaving [@${docxKey}, para. 1].\n`, 'docx-report.md');
    assert.ok(location.uri.startsWith(uriOf(caches)));
    assert.match(location.uri, /ashley-draft\.docx\.txt$/);
    const line = readFileSync(fileURLToPath(location.uri), 'utf8').split('\n')[location.range.start.line];
    assert.ok(line.startsWith('¶1 '), line);
    assert.equal(flat(textAt(location.uri, location.range)).trim(), flat(ashley[0]).trim());
  });

  it('opens the source at a PDF passage, and search says where its range stands', async () => {
    const passage = ((await session.connection.sendRequest('workspace/executeCommand', { command: 'grounded.searchSources', arguments: ['32.2% American Eagle Outfitters'] })) as { passages: Passage[] }).passages[0];
    assert.match(passage.shownIn, /christmas\.pdf\.txt$/);
    assert.match(flat(textAt(passage.shownIn, passage.range)), /American Eagle/);
    const shown = session.shownDocuments.length;
    const answer = (await session.connection.sendRequest('workspace/executeCommand', { command: 'grounded.openSource', arguments: [{ key: pdfKey, paragraph: 2 }] })) as { shown: boolean };
    assert.equal(answer.shown, true);
    const asked = session.shownDocuments[shown];
    assert.equal(asked.uri, passage.shownIn);
    assert.equal(flat(textAt(asked.uri, asked.selection!)).trim(), flat(christmas[1]).trim());
  });

  it('writes the extracted text to the system’s temporary folder when the client asks for no caches', async () => {
    const uncached = await LspSession.start(folder, { initializationOptions: { cacheDirectory: false } });
    try {
      await uncached.indexComplete();
      const document = uncached.open(join(folder, 'uncached-report.md'), `American Eagle Outfitters [@${pdfKey}, ${pdfPage}].\n`);
      const [location] = (await uncached.connection.sendRequest('textDocument/definition', { textDocument: { uri: document.uri }, position: { line: 0, character: 30 } })) as Location[];
      assert.ok(location.uri.startsWith(uriOf(join(tmpdir(), 'grounded-lsp'))), location.uri);
      assert.match(flat(textAt(location.uri, location.range)), /32\.2% at American Eagle/);
      const written = fileURLToPath(location.uri);
      rmSync(written.slice(0, written.indexOf(`${sep}extracted${sep}`)), { recursive: true, force: true });
    } finally {
      await uncached.close();
    }
  });

  it('points a wrong figure’s related information at the passage in the extracted text', async () => {
    const document = session.open(join(folder, 'figure-report.md'), `Sales jumped 28% at Bebe Stores and 42.2% at American Eagle Outfitters [@${pdfKey}, ${pdfPage}].\n`);
    const diagnostics = await session.diagnosticsOf(document.uri);
    const mismatch = diagnostics.find((d) => d.code === 'figure-mismatch');
    assert.ok(mismatch, JSON.stringify(diagnostics));
    const related = mismatch.relatedInformation?.[0];
    assert.ok(related, 'the finding names where the source says it');
    assert.match(related.location.uri, /christmas\.pdf\.txt$/);
    assert.match(flat(textAt(related.location.uri, related.location.range)), /32\.2%/);
  });
});
