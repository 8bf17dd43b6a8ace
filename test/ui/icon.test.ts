import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, removeQuietly, repoRoot } from '../runner/code-server';

const dataUrl = (path: string) => `data:image/png;base64,${readFileSync(path).toString('base64')}`;

describe('UI: the extension icon', function () {
  this.timeout(120_000);

  it('is what scripts/render-icon.mjs draws from the activity-bar icon media/grounded.svg', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'grounded-icon-'));
    const browser = await launchChromium();
    try {
      const fresh = join(scratch, 'icon.png');
      execFileSync(process.execPath, [join(repoRoot, 'scripts', 'render-icon.mjs'), '--out', fresh], { stdio: 'pipe' });
      const page = await browser.newPage();
      // Both pictures decoded by the browser; how many pixels differ clearly in some channel (-1 for other sizes).
      const differing = (await page.evaluate(`(async () => {
        const pixels = async (src) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = img.width;
          canvas.height = img.height;
          const context = canvas.getContext('2d');
          context.drawImage(img, 0, 0);
          return { width: img.width, height: img.height, data: context.getImageData(0, 0, img.width, img.height).data };
        };
        const [a, b] = await Promise.all([pixels(${JSON.stringify(dataUrl(join(repoRoot, 'media', 'icon.png')))}), pixels(${JSON.stringify(dataUrl(fresh))})]);
        if (a.width !== 128 || a.height !== 128 || b.width !== a.width || b.height !== a.height) return -1;
        let count = 0;
        for (let i = 0; i < a.data.length; i += 4) {
          if ([0, 1, 2, 3].some((c) => Math.abs(a.data[i + c] - b.data[i + c]) > 48)) count++;
        }
        return count;
      })()`)) as number;
      // Another Chromium may smooth a few edge pixels differently; a changed stroke changes a hundred or more.
      assert.ok(differing >= 0 && differing <= 16, `media/icon.png differs from what the script draws (${differing} pixels): run node scripts/render-icon.mjs`);
    } finally {
      await browser.close();
      removeQuietly(scratch);
    }
  });
});
