// Drives the real VS Code web workbench (code-server) in headless Chromium, the way a
// writer would: click, type, press keys, and take screenshots a person can look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, makeUserDataDir, makeWorkspace, removeQuietly, repoRoot, startCodeServer, workbenchUrl, type CodeServer } from '../runner/code-server';

export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

export class Workbench {
  private constructor(
    readonly page: Page,
    private readonly browser: Browser,
    private readonly server: CodeServer,
    readonly workspace: string,
    private readonly userDataDir: string,
  ) {}

  /**
   * Starts code-server on a fresh sample workspace and opens the workbench with Grounded loaded:
   * from this checkout as the extension under development, or, given `extensionsDir`, only as
   * installed there (no development path).
   */
  static async open(options: { theme?: string; settings?: Record<string, unknown>; viewport?: { width: number; height: number }; files?: Record<string, string | Uint8Array>; extensionsDir?: string } = {}): Promise<Workbench> {
    const workspace = makeWorkspace('grounded-ui', options.files);
    const userDataDir = makeUserDataDir({ ...(options.theme ? { 'workbench.colorTheme': options.theme } : {}), ...options.settings });
    const server = await startCodeServer({ workspace, userDataDir, extensionsDir: options.extensionsDir });
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    await page.goto(workbenchUrl(server, workspace, options.extensionsDir ? undefined : { extensionPath: repoRoot }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return new Workbench(page, browser, server, workspace, userDataDir);
  }

  /** Opens a file by clicking its row in the Explorer. */
  async openFile(name: string): Promise<void> {
    const row = this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await this.page.locator(`.tab.active:has-text("${name}")`).waitFor();
    await this.editorText().waitFor();
  }

  /** The text area of the active editor (rendered lines). */
  editorText(): Locator {
    return this.page.locator('.editor-instance .monaco-editor .view-lines').first();
  }

  statusItem(text: RegExp): Locator {
    return this.page.locator('.statusbar-item', { hasText: text }).first();
  }

  /** Waits until Grounded's status bar item shows the indexed source count. */
  async waitForIndex(): Promise<void> {
    await this.statusItem(/\d+ sources?/).waitFor({ timeout: 60_000 });
  }

  /** Runs a command by its palette title (F1, type, Enter). */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Puts the cursor at the end of the line containing `text` in the active editor. */
  async clickEndOfLine(text: string): Promise<void> {
    await this.page.locator('.editor-instance .view-line', { hasText: text }).first().click();
    await this.page.keyboard.press('End');
  }

  /** Waits until the active editor's rendered text (its lines may wrap on screen) contains `text`. */
  async waitForText(text: string): Promise<void> {
    const lines = await this.editorText().elementHandle();
    if (!lines) throw new Error('no editor text');
    await this.page.waitForFunction(([el, wanted]) => (el.textContent ?? '').replace(/\u00a0/g, ' ').includes(wanted), [lines, text] as const);
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(screenshotDir, { recursive: true });
    const path = join(screenshotDir, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    removeQuietly(this.workspace, this.userDataDir);
  }
}
