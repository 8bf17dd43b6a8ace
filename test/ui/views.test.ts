import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { FrameLocator, Locator } from 'playwright-core';
import { Workbench } from './harness';

for (const [theme, name] of [
  ['Default Light Modern', 'light'],
  ['Default Dark Modern', 'dark'],
  ['Default High Contrast', 'high-contrast'],
] as const) {
  describe(`UI: the Grounded views and source preview (${name} theme)`, function () {
    this.timeout(240_000);
    let workbench: Workbench;
    let preview: FrameLocator;

    before(async () => {
      // Wide enough for the Sources view to show whole titles and descriptions beside the report and the preview.
      workbench = await Workbench.open({ theme, viewport: { width: 1920, height: 1000 } });
      await workbench.openFile('report.md');
      await workbench.waitForIndex();
      preview = workbench.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    });
    afterEach(async function () {
      if (this.currentTest?.state === 'failed') await workbench.screenshot(`views-${name}-failed`);
    });
    after(async () => workbench?.close());

    it('opens the Grounded view, expands a source, previews it, and the highlight follows the cursor', async () => {
      const { page } = workbench;
      await page.locator('.activitybar .action-item a[aria-label^="Grounded"]').click();
      const sources = pane(workbench, 'Sources');
      const source = sources.locator('.monaco-list-row', { hasText: 'Vladimir Putin requests' }).first();
      await source.waitFor();
      // At the side bar's default width the title is cut, but the citation count stays in view: it is the row's badge.
      const label = await source.locator('.monaco-icon-label').elementHandle();
      assert.ok(label, 'the row has no label');
      await page.waitForFunction((el) => /^"\d+"$/.test(el.ownerDocument.defaultView!.getComputedStyle(el, '::after').content), label);
      const narrow = await label.evaluate((el) => {
        const text = el.querySelector('.monaco-icon-label-container')!;
        return { badge: el.ownerDocument.defaultView!.getComputedStyle(el, '::after').content, titleCut: text.scrollWidth > text.clientWidth + 1, right: el.getBoundingClientRect().right, paneRight: el.closest('.pane')!.getBoundingClientRect().right };
      });
      assert.ok(narrow.titleCut, 'the side bar is wide enough for the whole title: this checks nothing');
      assert.ok(narrow.right <= narrow.paneRight, `the row's label (and its badge) ends at ${narrow.right}, past the view's edge at ${narrow.paneRight}`);
      assert.ok(existsSync(await workbench.screenshot(`views-${name}-narrow`)));

      await widenSideBarToFit(workbench, sources.locator('.monaco-list-row'));
      // The row's description (how often the report cites the source) is shown whole, not cut off.
      const description = source.locator('.label-description');
      assert.equal(await description.innerText(), `${narrow.badge.replace(/"/g, '')} citations`);
      assert.ok(await description.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().right <= (el.closest('.pane')?.getBoundingClientRect().right ?? 0)), 'the description is cut off');

      await source.click();
      await source.locator('.monaco-tl-twistie').click();
      // Expanded: its paragraphs are listed under it.
      await sources.locator('.monaco-list-row', { hasText: '¶1' }).first().waitFor();
      const figures = pane(workbench, 'Figures');
      const troops = figures.locator('.monaco-list-row', { hasText: 'troops' }).first();
      await troops.waitFor();
      assert.match(await troops.innerText(), /disagree/);

      // Clicking the source opened the preview beside the report.
      await preview.locator('.key', { hasText: '@putin-biden-talks' }).waitFor({ timeout: 60_000 });

      // The cursor on a citation with a locator highlights that paragraph...
      await selectInReport(workbench, 'para. 7');
      await preview.locator('.paragraph.cited[data-paragraph="7"]').waitFor();
      assert.match(await preview.locator('.paragraph.cited').innerText(), /94,000 troops/);
      // One picture per theme with the Sources view, the Figures view and the preview.
      assert.ok(existsSync(await workbench.screenshot(`views-${name}`)));

      // ...and on a citation of another source, the preview moves there.
      await selectInReport(workbench, '@putin-nato-scholz');
      await preview.locator('.key', { hasText: '@putin-nato-scholz' }).waitFor();
      await preview.locator('.paragraph.cited').waitFor();
      assert.equal(await preview.locator('.paragraph[data-paragraph="7"].cited').count(), 0);
    });

    it('inserts a citation of the clicked paragraph, and a quotation of the selected words, from the preview’s buttons', async () => {
      // A fresh line at the end of the report for what the preview inserts.
      await newLineAtEnd(workbench);
      const key = ((await preview.locator('.key').innerText()).trim()).replace(/^@/, '');

      const paragraph = preview.locator('.paragraph[data-paragraph="3"]');
      await paragraph.click();
      await preview.locator('.paragraph.chosen[data-paragraph="3"]').waitFor();
      await preview.locator('#insert-citation').click();
      await workbench.waitForText(`[@${key}, para. 3]`);
      // The cursor now follows that citation, so the preview highlights (and scrolls to) para. 3: let it settle before selecting.
      await preview.locator('.paragraph.cited[data-paragraph="3"]').waitFor();

      // Select the paragraph's first words as a reader would with the mouse.
      const words = await selectWords(paragraph.locator('.text'), 6);
      await preview.locator('#insert-quotation').click();
      await workbench.waitForText(`[@${key}, para. 3] “${words}” [@${key}, para. 3]`);
    });

    it('adds the clicked paragraph to the citation the cursor is in, rather than splitting it', async () => {
      // Find leaves "para. 7" of [@putin-biden-talks, para. 7] selected, and the preview follows it there.
      await selectInReport(workbench, 'para. 7');
      await preview.locator('.paragraph.cited[data-paragraph="7"]').waitFor();
      assert.equal((await preview.locator('.key').innerText()).trim(), '@putin-biden-talks');
      await preview.locator('.paragraph[data-paragraph="6"]').click();
      await preview.locator('.paragraph.chosen[data-paragraph="6"]').waitFor();
      await preview.locator('#insert-citation').click();
      await workbench.waitForText('troops [@putin-biden-talks, para. 7; @putin-biden-talks, para. 6], while');
    });

    it('counts a wrong figure in the status bar, and a click opens the Problems panel with its filter focused', async () => {
      const { page } = workbench;
      await newLineAtEnd(workbench);
      await page.keyboard.type('Russia massed 120,000 troops at the border [@putin-biden-talks, para. 7');
      await page.keyboard.press('Escape');
      const item = workbench.statusItem(/1 figure warning/);
      await item.waitFor({ timeout: 30_000 });
      await item.click();
      await page.locator('.markers-panel-container').waitFor();
      await page.locator('.viewpane-filter input:focus, .viewpane-filter textarea:focus').waitFor();
      assert.ok(await page.locator('.markers-panel-container .monaco-list-row', { hasText: 'Source says' }).first().isVisible());
    });
  });
}

function pane(workbench: Workbench, title: string): Locator {
  const { page } = workbench;
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) });
}

/** Drags the sash between the side bar and the editor until every row of `rows` fits (up to half the window). */
async function widenSideBarToFit(workbench: Workbench, rows: Locator): Promise<void> {
  const { page } = workbench;
  const box = await page.locator('.part.sidebar').boundingBox();
  assert.ok(box, 'no side bar');
  // How far each row's label (title and description) reaches when not cut off.
  const reach = await rows.evaluateAll((els) =>
    Math.max(...els.map((el) => {
      const label = el.querySelector('.monaco-icon-label-container');
      return label ? label.getBoundingClientRect().left + label.scrollWidth : 0;
    })),
  );
  const width = Math.min(Math.ceil(reach - box.x) + 24, (page.viewportSize()?.width ?? 1400) / 2);
  if (width <= box.width) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
  const after = await page.locator('.part.sidebar').boundingBox();
  assert.ok(after && after.width >= width - 10, `the side bar is ${after?.width} px wide, not ${width}`);
}

/** Puts the cursor on a new line at the end of the report (End would stop at a wrapped line's visual end). */
async function newLineAtEnd(workbench: Workbench): Promise<void> {
  const { page } = workbench;
  await page.locator('.editor-instance .view-line').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
}

/** Selects the first `count` words of an element's text with the mouse (press, drag, release) and returns them. */
async function selectWords(element: Locator, count: number): Promise<string> {
  const text = await element.innerText();
  const words = text.split(/\s+/).slice(0, count).join(' ');
  // Where the words end, measured in the page itself.
  const ends = await element.evaluate((el, length) => {
    const node = el.firstChild!;
    const range = el.ownerDocument.createRange();
    range.setStart(node, 0);
    range.setEnd(node, length);
    const rects = [...range.getClientRects()];
    const first = rects[0];
    const last = rects[rects.length - 1];
    return { x0: first.left + 1, y0: first.top + first.height / 2, x1: last.right - 1, y1: last.top + last.height / 2 };
  }, words.length);
  const box = await element.boundingBox();
  const frameBox = box && (await element.evaluate((el) => ({ x: el.getBoundingClientRect().x, y: el.getBoundingClientRect().y })));
  assert.ok(box && frameBox, 'the paragraph has no box');
  // Page coordinates: the element's page box minus its position inside the frame.
  const dx = box.x - frameBox.x;
  const dy = box.y - frameBox.y;
  const page = element.page();
  await page.mouse.move(ends.x0 + dx, ends.y0 + dy);
  await page.mouse.down();
  await page.mouse.move(ends.x1 + dx, ends.y1 + dy, { steps: 8 });
  await page.mouse.up();
  const selected = await element.evaluate((el) => el.ownerDocument.getSelection()?.toString() ?? '');
  assert.equal(selected.trim(), words, 'the mouse selected other words');
  return words;
}

/** Selects the first match of `text` in the report with the editor's Find, which leaves the cursor on it. */
async function selectInReport(workbench: Workbench, text: string): Promise<void> {
  const { page } = workbench;
  await page.locator('.editor-instance .view-line').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+f');
  const find = page.locator('.find-widget.visible textarea, .find-widget.visible input').first();
  await find.fill(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}
