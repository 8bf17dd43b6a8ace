import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../runner/code-server';
import { Workbench } from './harness';

const UNCITED = 'US intelligence warned of an offensive involving 175,000 troops.';
const WRONG = 'Blinken said Russia was still moving critical units toward the border and had not pulled back its forces [@zelensky-direct-talks].';

describe('UI: a citation of the wrong source in VS Code in the browser', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  before(async () => {
    // The seed articles, and a draft that cites the wrong one of them.
    const corpus = join(repoRoot, 'corpus');
    const files = Object.fromEntries(readdirSync(corpus).map((name) => [`corpus/${name}`, readFileSync(join(corpus, name), 'utf8')]));
    workbench = await Workbench.open({ files: { ...files, 'wrong-source.md': `# Draft\n\n${WRONG}\n`, 'uncited.md': `# Notes\n\n${UNCITED}\n` } });
    await workbench.openFile('wrong-source.md');
    await workbench.waitForIndex();
  });
  after(async () => workbench?.close());

  it('squiggles the cited key, names the right source in its hover, and the quick fix cites it', async () => {
    const { page } = workbench;
    const squiggle = page.locator('.editor-instance .squiggly-warning').last();
    await squiggle.waitFor({ timeout: 30_000 });
    // The squiggle is drawn under the text layer: point the mouse at its place.
    const box = await squiggle.boundingBox();
    assert.ok(box, 'the squiggle has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'says nothing like this' });
    await hover.waitFor();
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /@zelensky-direct-talks says nothing like this; @putin-nato-scholz does: ".+" \(para\. \d+\)/);
    assert.ok(existsSync(await workbench.screenshot('citation-unsupported-hover')));

    // The cursor on the key, then Quick Fix (Ctrl+.) and the fix that replaces it.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 - 4);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+.');
    // The preferred fix comes first and has the focus: Enter applies it (the widget takes no clicks through its pointer block).
    await page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Replace with @putin-nato-scholz' }).waitFor();
    await page.keyboard.press('Enter');
    await workbench.waitForText('[@putin-nato-scholz, para.');
    await page.locator('.editor-instance .squiggly-warning').waitFor({ state: 'detached', timeout: 30_000 });
    assert.ok(existsSync(await workbench.screenshot('citation-unsupported-fixed')));
  });

  it('Cite Supporting Sources previews the citation it will add, and adds it as one undoable edit', async () => {
    const { page } = workbench;
    await workbench.openFile('uncited.md');
    await workbench.runCommand('Grounded: Cite Supporting Sources');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: '[@biden-zelenskyy-call, para.' });
    await row.waitFor();
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /175,000 troops/);
    assert.ok(existsSync(await workbench.screenshot('cite-supporting-preview')));
    await page.keyboard.press('Enter');
    await workbench.waitForText('175,000 troops [@biden-zelenskyy-call, para.');
    await page.keyboard.press('Control+Z');
    await workbench.waitForText('175,000 troops.');
  });
});
