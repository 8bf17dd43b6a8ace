import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbench } from './harness';

// An article whose text and title carry VS Code's icon syntax.
const HOSTILE = `---
id: icon-syntax
title: "Icon syntax $(alert) in a title"
---
Sappers cleared $(alert) mines $(zap~spin) near the bridge on Friday.
`;

describe('UI: source text with $(icon) syntax shows as typed', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await Workbench.open();
    writeFileSync(join(workbench.workspace, 'corpus', 'icon-syntax.md'), HOSTILE);
    writeFileSync(join(workbench.workspace, 'icon-draft.md'), 'Mines were cleared near the bridge [@icon-syntax, para. 1].\n');
    await workbench.openFile('icon-draft.md');
    await workbench.statusItem(/6 sources/).waitFor({ timeout: 60_000 });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench.screenshot('security-failed');
  });
  after(async () => workbench?.close());

  it('in the Search Sources QuickPick', async () => {
    const { page } = workbench;
    await workbench.runCommand('Grounded: Search Sources');
    await page.locator('.quick-input-widget .quick-input-box input').waitFor();
    await page.keyboard.type('sappers cleared mines');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Sappers cleared' }).first();
    await row.waitFor();
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Sappers cleared \$\(alert\) mines \$\(zap~spin\) near the bridge/);
    assert.match(text, /Icon syntax \$\(alert\) in a title/);
    assert.equal(await row.locator('.codicon-alert, .codicon-zap').count(), 0, 'an icon was drawn');
    await page.keyboard.press('Escape');
  });

  it('in the citation hover, where Grounded’s own link icons still render', async () => {
    const { page } = workbench;
    // The citation's locator: the line's other tokens lie outside the citation.
    await page.locator('.editor-instance .view-line span span', { hasText: 'para. 1' }).first().hover();
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Sappers' });
    await hover.waitFor();
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Icon syntax \$\(alert\) in a title/);
    assert.match(text, /Sappers cleared \$\(alert\) mines \$\(zap~spin\) near the bridge/);
    assert.equal(await hover.locator('.codicon-alert, .codicon-zap').count(), 0, 'an icon was drawn from source text');
    assert.ok((await hover.locator('.codicon-go-to-file').count()) > 0, 'the hover draws no icons at all, so the test proves nothing');
  });
});
