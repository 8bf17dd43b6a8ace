import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { Workbench } from './harness';

describe('UI: Grounded: Search Sources in VS Code in the browser', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await Workbench.open();
    await workbench.openFile('report.md');
    await workbench.waitForIndex();
  });
  after(async () => workbench?.close());

  it('finds the Blinken passage for the typo "Brinken" and inserts its citation on Enter', async () => {
    const { page } = workbench;
    await workbench.clickEndOfLine('Russian and US officials are due to meet in Geneva');
    await workbench.runCommand('Grounded: Search Sources');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await page.keyboard.type('Brinken');
    // The typo still finds the passages that say "Blinken".
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Blinken' }).first().waitFor();
    const firstRow = (await page.locator('.quick-input-list .monaco-list-row').first().innerText()).replace(/\s+/g, ' ');
    const [, key, paragraph] = /([a-z0-9-]+) · para\. (\d+)/.exec(firstRow) ?? [];
    assert.ok(key && paragraph, `first row has no "key · para. N": ${firstRow}`);
    assert.ok(existsSync(await workbench.screenshot('search-sources')));

    await page.keyboard.press('Enter');
    // The cursor was after the sentence's full stop, which its citation comes before: the passage joins that citation.
    await workbench.waitForText(`January 10 [@putin-biden-talks; @${key}, para. ${paragraph}].`);
    assert.ok(existsSync(await workbench.screenshot('search-inserted-citation')));
  });
});
