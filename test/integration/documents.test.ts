// PDFs and Word documents in the real host: a BBC article printed to PDF by headless Chromium
// (as "Save as PDF" does, with a running header and page numbers), another written to .docx by
// pandoc, and a scan (a screenshot printed as an image-only PDF), all made here by the real tools
// and dropped into the workspace, where the watchers and the index worker pick them up.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';
import type { OpenOriginalResult } from '../../src/vscode/extracted-text';
import { articleHtml, bbcParagraphs, pandocDocx, printToPdf, scannedPdf } from '../real-documents';
import { checkedDraft, grounded, resetEditors, until, workspaceUri } from './helpers';

const repoRoot = join(__dirname, '..', '..', '..');
const christmas = bbcParagraphs(repoRoot, 'mixed-christmas-for-us-retailers.txt', 'Mixed Christmas for US retailers ');
const ashley = bbcParagraphs(repoRoot, 'laura-ashley-chief.txt', 'Laura Ashley chief stepping down ');

const hoverText = (hovers: vscode.Hover[]) =>
  hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
    .join('\n')
    .replace(/\\([-\\`*_{}[\]()#+.!%])/g, '$1')
    // Shared words are in bold.
    .replace(/\*\*/g, '');
const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const docsOf = (item: vscode.CompletionItem) => (typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '')).replace(/\\([-\\`*_{}[\]()#+.!%])/g, '$1');
const flat = (t: string) => t.replace(/\s+/g, ' ');

describe('PDF and Word sources in the extension host', function () {
  this.timeout(120_000);
  const folder = workspaceUri('papers');
  const pdf = vscode.Uri.joinPath(folder, 'corpus', 'christmas.pdf');
  const docx = vscode.Uri.joinPath(folder, 'corpus', 'ashley-draft.docx');
  const scan = vscode.Uri.joinPath(folder, 'corpus', 'scanned-letter.pdf');
  let api: GroundedApi;
  const keyAt = (uri: vscode.Uri) => api.sourceKeys().find((k) => api.sourceLocation(k) === uri.toString());

  before(async () => {
    api = await grounded();
    // Made outside the workspace (Chromium wants its HTML beside it), then copied in, as a writer saves a download.
    const made = mkdtempSync(join(tmpdir(), 'grounded-documents-'));
    try {
      const files = await Promise.all([
        printToPdf(made, 'christmas', articleHtml('Mixed Christmas for US retailers', christmas)),
        pandocDocx(made, 'ashley', `---\ntitle: Laura Ashley chief stepping down\nauthor: BBC News\n---\n\n${ashley.join('\n\n')}\n`),
        scannedPdf(made, 'scan', christmas[0]),
      ]);
      for (const [file, uri] of [[files[0], pdf], [files[1], docx], [files[2], scan]] as const) await vscode.workspace.fs.writeFile(uri, readFileSync(file));
    } finally {
      rmSync(made, { recursive: true, force: true });
    }
    // Written into a folder made a moment before: read through the watchers (see corpus.test.ts), with no rescan.
    const indexed = () => [pdf, docx, scan].every((u) => keyAt(u) !== undefined || vscode.languages.getDiagnostics(u).length > 0) && !!keyAt(pdf) && !!keyAt(docx);
    await until(api.onDidChangeSources, indexed, 'the PDF and the Word document indexed', 90_000).catch((e: Error) => {
      throw new Error(`${e.message}; sources ${api.sourceKeys().join(', ')}; log:\n${api.log.recent().map((l) => l.message).join('\n')}`);
    });
  });

  after(async () => {
    await resetEditors();
    const keys = [pdf, docx, scan].map(keyAt).filter((k) => k !== undefined);
    await vscode.workspace.fs.delete(folder, { recursive: true });
    // code-server reports the folder's deletion alone, not its files': the folder takes them with it.
    await until(api.onDidChangeSources, () => !keys.some((k) => api.sourceKeys().includes(k)), 'the documents to leave the corpus');
  });

  it('offers the pages of a PDF after [@key, , the page that backs the sentence first, and hover quotes its passage', async () => {
    const key = keyAt(pdf)!;
    const { editor, remove } = await checkedDraft(api, 'pdf-drafts', 'Sales jumped 32.2% at American Eagle Outfitters, while Bebe Stores saw sales rise 28% [@' + key + ', ');
    try {
      const doc = editor.document;
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(doc.getText().length), ' ');
      const pages = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference);
      assert.ok(pages.length >= 2, pages.map(labelOf).join(' '));
      for (const item of pages) assert.match(labelOf(item), /^p\. \d+$/);
      const backing = pages.find((i) => docsOf(i).includes('32.2% at American Eagle'));
      assert.ok(backing, 'no page offers the passage with the figure');
      assert.equal(labelOf(pages[0]), labelOf(backing), `first offered ${labelOf(pages[0])}`);
      const page = labelOf(backing);
      await editor.edit((b) => b.insert(doc.positionAt(doc.getText().length), `${page}].`));
      const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf(key) + 1)));
      assert.match(hover, /Mixed Christmas for US retailers/);
      assert.match(flat(hover), /32\.2% at American Eagle/, hover);
      // Go to Definition: the extracted text, at the passage, under its page mark.
      const [definition] = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', doc.uri, doc.positionAt(doc.getText().indexOf(key) + 1));
      assert.equal(definition.uri.scheme, 'grounded-extracted');
      const shown = await vscode.workspace.openTextDocument(definition.uri);
      assert.match(flat(shown.getText(definition.range)), /32\.2% at American Eagle/);
      assert.ok(shown.getText(new vscode.Range(new vscode.Position(0, 0), definition.range.start)).includes(`— ${page} —`), `no mark of ${page} before the passage`);
    } finally {
      await remove();
    }
  });

  it('flags a wrong figure against the PDF, naming its page', async () => {
    const key = keyAt(pdf)!;
    const { editor, remove } = await checkedDraft(api, 'pdf-figure-drafts', `Sales jumped 28% at Bebe Stores and 42.2% at American Eagle Outfitters [@${key}, p. 1].\n`);
    try {
      // The figure's passage may stand on another page than the one cited: its own page is named.
      const findings = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'grounded');
      const mismatch = findings.find((d) => d.code === 'figure-mismatch' || (typeof d.code === 'object' && d.code.value === 'figure-mismatch'));
      assert.ok(mismatch, findings.map((d) => d.message).join('; '));
      assert.match(mismatch.message, new RegExp(`32\\.2%.*\\[@${key}, p\\. \\d+\\]`, 's'));
      assert.equal(editor.document.getText(mismatch.range), '42.2%');
    } finally {
      await remove();
    }
  });

  it('says the scan has no text layer and needs OCR, naming it, and indexes it empty', async () => {
    const said = vscode.languages.getDiagnostics(scan).map((d) => d.message);
    assert.ok(said.some((m) => /no text layer.*OCR/s.test(m)), said.join('\n'));
    assert.ok(api.log.recent().some((l) => l.message.includes(scan.fsPath) && /no text layer/.test(l.message)), 'the log names the scan');
    const key = keyAt(scan);
    assert.ok(key === undefined || api.search('Wal-Mart').every((h) => h.key !== key), 'the scan has no passages');
  });

  it('cites a Word document by paragraph, and hovers with its words', async () => {
    const key = keyAt(docx)!;
    const { editor, remove } = await checkedDraft(api, 'docx-drafts', `Laura Ashley said its chief executive Ainum Mohd-Saaid is leaving [@${key}, `);
    try {
      const doc = editor.document;
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(doc.getText().length), ' ');
      const labels = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference).map(labelOf);
      assert.ok(labels.length === ashley.length && labels.every((l) => /^para\. \d+$/.test(l)), labels.join(' '));
      await editor.edit((b) => b.insert(doc.positionAt(doc.getText().length), `${labels[0]}].`));
      const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf(key) + 1)));
      assert.match(hover, /Laura Ashley chief stepping down/);
      assert.match(flat(hover), /Ainum Mohd-Saaid/, hover);
    } finally {
      await remove();
    }
  });

  it('previews the PDF with its pages, and opens the original file', async () => {
    const key = keyAt(pdf)!;
    await vscode.commands.executeCommand('grounded.previewSource', { key, paragraph: 2 });
    await until(api.views.onDidRenderPreview, () => api.views.preview()?.key === key && api.views.preview()?.cited === 2, 'the preview of the PDF');
    assert.equal(flat(api.views.preview()!.shownText).trim(), flat(christmas[1]).trim());
    const opened = await vscode.commands.executeCommand<OpenOriginalResult | undefined>('grounded.openOriginal');
    assert.equal(opened?.uri, pdf.toString(), 'the previewed source’s file');
    // code-server's window is a browser: the file is on the server, so it is shown in the Explorer to download.
    assert.equal(opened?.how, vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName ? 'external' : 'explorer');
    assert.equal(opened?.opened, true);
  });
});
