// Renders media/icon.png, the extension's 128×128 icon, from the activity-bar icon
// media/grounded.svg: the same strokes in white on a rounded square, drawn by headless
// Chromium (the browser the UI tests use). Run it again after changing the SVG; a UI test
// checks that the committed PNG is what this draws.
//
// Usage: node scripts/render-icon.mjs [--out PATH]   (default: media/icon.png)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SIZE = 128;
export const ICON_PATH = join(root, 'media', 'icon.png');

/** A page of ICON_SIZE pixels that draws the activity-bar icon as the extension's icon. */
export function iconHtml(svg = readFileSync(join(root, 'media', 'grounded.svg'), 'utf8')) {
  // The activity bar tints currentColor; here the strokes are white, and a little thicker to read at 128 px.
  const strokes = svg.replace(/stroke="currentColor"/, 'stroke="#ffffff"').replace(/stroke-width="[\d.]+"/, 'stroke-width="1.8"').replace(/width="24" height="24"/, 'width="88" height="88"');
  return `<!DOCTYPE html><html><head><style>
html, body { margin: 0; background: transparent; }
.icon { width: ${ICON_SIZE}px; height: ${ICON_SIZE}px; border-radius: 24px; background: linear-gradient(160deg, #2b6cb0, #1a4a7a); display: flex; align-items: center; justify-content: center; }
</style></head><body><div class="icon">${strokes}</div></body></html>`;
}

/** The icon as PNG bytes, drawn in `page` (a Playwright page). */
export async function renderIcon(page) {
  await page.setViewportSize({ width: ICON_SIZE, height: ICON_SIZE });
  await page.setContent(iconHtml());
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: ICON_SIZE, height: ICON_SIZE } });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const at = process.argv.indexOf('--out');
    const out = at > 0 ? resolve(process.argv[at + 1]) : ICON_PATH;
    writeFileSync(out, await renderIcon(await browser.newPage()));
    console.log(`wrote ${out}`);
  } finally {
    await browser.close();
  }
}
