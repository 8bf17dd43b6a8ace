import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { Workbench } from './harness';

describe('UI: citation completion and hover in VS Code in the browser', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await Workbench.open();
    await workbench.openFile('report.md');
    await workbench.waitForIndex();
  });
  after(async () => workbench?.close());

  it('suggests the source that backs the sentence first, inserts it, and hovers it with the quote', async () => {
    const { page } = workbench;
    await workbench.clickEndOfLine('Russian and US officials are due to meet in Geneva');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('US intelligence warned of an offensive involving 175,000 troops ');
    await page.keyboard.type('[@');

    const rows = page.locator('.suggest-widget.visible .monaco-list-row');
    await rows.first().waitFor();
    await page.locator('.suggest-widget.visible .monaco-list-row.focused', { hasText: 'biden-zelenskyy-call' }).waitFor();
    assert.match(await rows.first().innerText(), /biden-zelenskyy-call/);
    assert.ok(existsSync(await workbench.screenshot('completion')));

    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .view-line', { hasText: '175,000 troops [@biden-zelenskyy-call]' }).waitFor();

    // Hover the key just inserted: the hover shows the source's own sentence.
    await page.keyboard.press('Escape');
    const line = page.locator('.editor-instance .view-line', { hasText: 'involving 175,000 troops [@biden-zelenskyy-call]' });
    await line.locator('span span', { hasText: 'zelenskyy' }).last().hover();
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Biden talks with Ukrainian President' });
    await hover.waitFor();
    assert.match((await hover.innerText()).replace(/\s+/g, ' '), /large-scale offensive involving 175,000 troops in early January/);
    assert.ok(existsSync(await workbench.screenshot('hover')));
  });
});
