// A PDF source in the real workbench: a BBC article printed to PDF by headless Chromium (as
// "Save as PDF" does, with a running header and page numbers) is cited by page through
// completion, its passage shows in the hover, and the preview shows the extracted text with
// its page marks, the cited passage highlighted. Screenshots for the README.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { articleHtml, bbcParagraphs, printToPdf } from '../real-documents';
import { repoRoot } from '../runner/code-server';
import { Workbench } from './harness';

const christmas = bbcParagraphs(repoRoot, 'mixed-christmas-for-us-retailers.txt', 'Mixed Christmas for US retailers ');
const SENTENCE = 'Youth labels sold well: sales jumped 32.2% at American Eagle Outfitters ';

describe('UI: a PDF source in VS Code in the browser', function () {
  this.timeout(240_000);
  let workbench: Workbench;
  let preview: FrameLocator;

  before(async () => {
    const made = mkdtempSync(join(tmpdir(), 'grounded-ui-pdf-'));
    let pdf: Uint8Array;
    try {
      pdf = readFileSync(await printToPdf(made, 'christmas', articleHtml('Mixed Christmas for US retailers', christmas)));
    } finally {
      rmSync(made, { recursive: true, force: true });
    }
    workbench = await Workbench.open({ files: { 'corpus/christmas.pdf': pdf, 'report.md': `# Holiday sales\n\n${SENTENCE}\n` }, viewport: { width: 1600, height: 900 } });
    await workbench.openFile('report.md');
    await workbench.waitForIndex();
    preview = workbench.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench.screenshot('pdf-failed');
  });
  after(async () => workbench?.close());

  it('cites the PDF by page through completion, and the hover quotes the passage of that page', async () => {
    const { page } = workbench;
    await workbench.clickEndOfLine('Youth labels sold well');
    await page.keyboard.type('[@');
    await page.locator('.suggest-widget.visible .monaco-list-row.focused', { hasText: 'mixed-christmas' }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type(', ');
    // The pages, the one that backs the sentence first.
    const first = page.locator('.suggest-widget.visible .monaco-list-row.focused');
    await first.waitFor();
    assert.match(await first.innerText(), /^p\. 1\b/);
    await page.keyboard.press('Enter');
    const line = page.locator('.editor-instance .view-line', { hasText: 'American Eagle Outfitters [@mixed-christmas' });
    await line.filter({ hasText: ', p. 1]' }).waitFor();

    await page.keyboard.press('Escape');
    await line.locator('span span', { hasText: 'christmas' }).last().hover();
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Mixed Christmas for US retailers' });
    await hover.waitFor();
    const said = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.match(said, /sales jumping 28% at young women's clothing retailer Bebe Stores and 32\.2% at American Eagle Outfitters/);
    assert.ok(existsSync(await workbench.screenshot('pdf-hover')));
  });

  it('previews the PDF as its extracted text, with page marks, the cited passage highlighted', async () => {
    const { page } = workbench;
    await page.keyboard.press('Escape');
    await workbench.clickEndOfLine('Youth labels sold well');
    await page.keyboard.press('ArrowLeft');
    await workbench.runCommand('Grounded: Preview Source');
    await preview.locator('.title', { hasText: 'Mixed Christmas for US retailers' }).waitFor({ timeout: 60_000 });
    const cited = preview.locator('.paragraph.cited');
    await cited.waitFor();
    assert.match((await cited.innerText()).replace(/\s+/g, ' '), /32\.2% at American Eagle Outfitters/);
    // Page marks where each page starts: the first on page 1, and later pages after it.
    const marks = (await preview.locator('.paragraph .number').allInnerTexts()).filter((m) => m.trim() !== '');
    assert.equal(marks[0], 'p. 1');
    assert.ok(marks.length >= 2 && marks.every((m, i) => m === `p. ${i + 1}`), marks.join(', '));
    // The running header and the page numbers Chromium printed are not passages.
    const text = (await preview.locator('.paragraph .text').allInnerTexts()).join('\n');
    assert.doesNotMatch(text, /BBC News|Page \d/);
    assert.ok(existsSync(await workbench.screenshot('pdf-preview')));
  });
});
