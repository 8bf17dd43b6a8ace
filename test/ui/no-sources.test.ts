import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { Workbench } from './harness';

describe('UI: Grounded in a workspace with no sources', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await Workbench.open({ files: { 'notes.md': '# Notes\n\nAs argued in [@foo], troops massed at the border [@bar, para. 3].\n' } });
    await workbench.openFile('notes.md');
  });
  after(async () => workbench?.close());

  it('says in the Sources view how to add sources, and puts nothing in the status bar', async () => {
    const { page } = workbench;
    await page.locator('.activitybar .action-item a[aria-label^="Grounded"]').click();
    // The welcome shows once Grounded has scanned the workspace and found no source.
    const welcome = page.locator('.pane-body .welcome-view-content', { hasText: 'No sources yet' });
    await welcome.waitFor({ timeout: 60_000 });
    assert.match(await welcome.innerText(), /corpus\/ or sources\/ folder/);
    await welcome.locator('a.monaco-button, .monaco-button', { hasText: 'Choose Source Folders' }).first().waitFor();
    assert.ok(existsSync(await workbench.screenshot('no-sources')));
    const ours = page.locator('.statusbar-item', { hasText: /\d+ sources?|Figures|figure warning|Indexing sources/ });
    assert.deepEqual(await ours.allInnerTexts(), []);
  });
});
