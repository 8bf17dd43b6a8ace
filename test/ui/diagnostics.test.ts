import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { Workbench } from './harness';

describe('UI: a figure that disagrees with its source in VS Code in the browser', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await Workbench.open();
    await workbench.openFile('report.md');
    await workbench.waitForIndex();
  });
  after(async () => workbench?.close());

  it('shows a squiggle under the wrong figure and the source\'s words in its hover', async () => {
    const { page } = workbench;
    await workbench.clickEndOfLine('Russian and US officials are due to meet in Geneva');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    // Typed with the bracket closed by the editor: "[@" becomes "[@]".
    await page.keyboard.type('Ukraine said 120,000 Russian troops were stationed at the border [@biden-zelenskyy-call');
    await page.keyboard.press('Escape');

    const squiggle = page.locator('.editor-instance .squiggly-warning').last();
    await squiggle.waitFor({ timeout: 30_000 });
    // The squiggle is drawn under the text layer: point the mouse at its place.
    const box = await squiggle.boundingBox();
    assert.ok(box, 'the squiggle has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Source says' });
    await hover.waitFor();
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Source says "94,000 Russian troops" \[@biden-zelenskyy-call, para\. 5\], not "120,000"/);
    assert.ok(existsSync(await workbench.screenshot('diagnostic-hover')));

    // The status bar counts the warning.
    assert.match((await page.locator('.statusbar-item', { hasText: /\d+/ }).filter({ has: page.locator('.codicon-warning') }).first().innerText()).replace(/\s+/g, ' '), /[1-9]/);
  });
});
