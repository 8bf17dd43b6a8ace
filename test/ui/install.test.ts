import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeServerBin, makeUserDataDir, removeQuietly, repoRoot } from '../runner/code-server';
import type { Locator } from 'playwright-core';
import { Workbench } from './harness';

/** Each image's `src` as written, its resolved URL and its natural width (0 if it did not load), once every one has loaded or failed. */
async function loadedImages(images: Locator): Promise<Array<{ src: string; url: string; width: number }>> {
  type Img = { complete: boolean; naturalWidth: number; src: string; getAttribute(name: string): string | null };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const states = await images.evaluateAll((els) => els.map((el) => el as unknown as Img).map((el) => ({ complete: el.complete, src: el.getAttribute('src') ?? '', url: el.src, width: el.naturalWidth })));
    if (states.every((s) => s.complete) || Date.now() > deadline) return states.map(({ src, url, width, complete }) => ({ src, url, width: complete ? width : 0 }));
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('UI: Grounded installed from grounded.vsix, as a user installs it (no development path)', function () {
  this.timeout(300_000);
  let scratch: string;
  let installed: string;
  let workbench: Workbench;

  before(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'grounded-vsix-'));
    // GROUNDED_VSIX tests a package made elsewhere (a release candidate); by default this checkout is packaged.
    const vsix = process.env.GROUNDED_VSIX ?? join(scratch, 'grounded.vsix');
    if (!process.env.GROUNDED_VSIX) execFileSync(process.execPath, [join(repoRoot, 'scripts', 'package.mjs'), '--out', vsix], { stdio: 'pipe' });
    const extensionsDir = join(scratch, 'extensions');
    const userDataDir = makeUserDataDir();
    const said = execFileSync(codeServerBin, ['--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir], { encoding: 'utf8' });
    assert.match(said, /successfully installed/, said);
    removeQuietly(userDataDir);
    installed = join(extensionsDir, 'grounded-dev.grounded-0.1.0');
    workbench = await Workbench.open({ extensionsDir });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench.screenshot(`install-${this.currentTest.title.slice(0, 20).replace(/\W+/g, '-')}-failed`);
  });
  after(async () => {
    await workbench?.close();
    removeQuietly(scratch);
  });

  it('activates from the installed copy and indexes the sample', async () => {
    assert.ok(existsSync(join(installed, 'dist', 'extension.js')), `no installed copy at ${installed}`);
    // The installed manifest names no CLI: the package does not ship one.
    assert.equal((JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { bin?: unknown }).bin, undefined);
    await workbench.openFile('report.md');
    await workbench.waitForIndex();
    assert.doesNotMatch(await workbench.page.title(), /Extension Development Host/);
    assert.match(await workbench.statusItem(/\d+ sources?/).innerText(), /5 sources/);
  });

  it('shows a details page with no broken image, and its icon, in the Extensions view', async () => {
    const { page } = workbench;
    await page.keyboard.press('Control+Shift+X');
    const row = page.locator('.extensions-viewlet .monaco-list-row[data-extension-id="grounded-dev.grounded"]');
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    // The README is drawn in a webview, which allows only https: and data: images.
    const details = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await details.locator('body', { hasText: 'Source-grounded writing in VS Code' }).waitFor({ timeout: 60_000 });
    const images = await loadedImages(details.locator('img'));
    assert.deepEqual(images.filter((i) => i.width === 0 || !/^(https|data):/.test(i.src)), [], 'broken or relative images on the details page');
    const icon = page.locator('.extension-editor .header img.icon');
    await icon.waitFor();
    for (const img of [icon, row.locator('img.icon')]) {
      const shown = await loadedImages(img);
      assert.equal(shown.length, 1);
      assert.match(decodeURIComponent(shown[0].url), /grounded-dev\.grounded-0\.1\.0\/media\/icon\.png/);
      assert.equal(shown[0].width, 128, `the icon at ${shown[0].url} did not load`);
    }
    assert.ok(existsSync(await workbench.screenshot('extension-details')));
  });
});
