import * as vscode from 'vscode';
import type { Paragraph, Source } from '../core/model';
import { bestPassage } from '../core/evidence/best-passage';
import { citationUnderCursor } from '../service/citation-at';
import { locatedPassages } from '../core/corpus/locators';
import type { CorpusService } from './corpus-service';
import { DisposableStore } from './disposables';
import type { ReportInserter } from './insert-text';
import { escapeThemeIcons } from './markdown-text';
import type { ReportEditors } from './report-editors';
import { citationFor } from './source-locations';

export interface PreviewArgs {
  key?: string;
  /** 1-based paragraph to highlight. */
  paragraph?: number;
}

/** What the page reported after it last rendered: proof it ran, for tests and the status. */
export interface PreviewState {
  key: string;
  cited?: number;
  paragraphs: number;
  /** textContent of the highlighted (or first) paragraph as the page shows it. */
  shownText: string;
}

type PageMessage =
  | { type: 'ready' }
  | { type: 'rendered'; key: string; cited?: number; paragraphs: number; shownText: string }
  | { type: 'insert'; what: 'citation' | 'replacement' | 'quotation'; key: string; paragraph: number; text?: string };

const FOLLOW_DELAY_MS = 100;

/**
 * The source preview beside the report: the cleaned article with paragraph numbers, the
 * passage cited at the cursor highlighted. The page gets source text as data and renders
 * it with textContent; everything it sends back is checked before it is acted on.
 */
export class SourcePreview implements vscode.Disposable {
  private readonly store = new DisposableStore();
  private panel: vscode.WebviewPanel | undefined;
  private panelStore: DisposableStore | undefined;
  private showing: { key: string; cited?: number } | undefined;
  private pageReady = false;
  private state: PreviewState | undefined;
  private followTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly rendered = this.store.add(new vscode.EventEmitter<PreviewState>());
  /** Fires each time the page has rendered a source or moved its highlight. */
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly corpus: CorpusService,
    private readonly reports: ReportEditors,
    private readonly inserter: ReportInserter,
  ) {
    this.store.add(
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (!this.panel || e.textEditor !== this.reports.current()) return;
        if (this.followTimer) clearTimeout(this.followTimer);
        this.followTimer = setTimeout(() => this.followCursor(e.textEditor), FOLLOW_DELAY_MS);
      }),
    );
    this.store.add(corpus.onDidChange(() => this.render()));
  }

  get pageState(): PreviewState | undefined {
    return this.state;
  }

  get webview(): vscode.Webview | undefined {
    return this.panel?.webview;
  }

  async show(args: PreviewArgs = {}): Promise<void> {
    await this.corpus.ready();
    const target = args.key ? { key: args.key, cited: args.paragraph } : this.citedAtCursor() ?? (await this.pickSource());
    if (!target) return;
    if (!this.corpus.corpus.get(target.key)) {
      void vscode.window.showErrorMessage(`Grounded: no source with the key "${target.key}" is indexed.`);
      return;
    }
    this.showing = target;
    this.open();
    this.render();
  }

  private open(): void {
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel('grounded.preview', 'Source Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [media],
      retainContextWhenHidden: false,
    });
    this.panel.iconPath = vscode.Uri.joinPath(media, 'grounded.svg');
    this.pageReady = false;
    this.panelStore = new DisposableStore();
    this.panelStore.add(this.panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)));
    this.panelStore.add(
      this.panel.onDidDispose(() => {
        this.panelStore?.dispose();
        this.panel = undefined;
        this.state = undefined;
      }),
    );
    this.panel.webview.html = this.html(this.panel.webview);
  }

  /** The page skeleton: a fresh nonce per page, no inline code, only media/ files. */
  private html(webview: vscode.Webview): string {
    const nonce = newNonce();
    const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', name)).toString();
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('preview.css')}">
<title>Source Preview</title>
</head>
<body>
<header id="meta"></header>
<div class="actions"><button id="insert-citation" type="button" title="Cite the paragraph at the cursor; in a citation, add it to the citation">Insert citation</button><button id="replace-citation" type="button" title="Cite the paragraph in place of the citation at the cursor">Replace citation</button><button id="insert-quotation" type="button">Insert quotation</button><span id="hint"></span></div>
<main id="article" aria-label="Article text"></main>
<script nonce="${nonce}" src="${media('preview.js')}"></script>
</body>
</html>`;
  }

  private render(): void {
    if (!this.panel || !this.pageReady || !this.showing) return;
    const source = this.corpus.corpus.get(this.showing.key);
    if (!source) return;
    this.panel.title = `Preview: ${source.meta.title}`;
    void this.panel.webview.postMessage({
      type: 'show',
      key: source.meta.key,
      meta: { title: source.meta.title, publisher: source.meta.publisher ?? '', issued: source.meta.issued ?? '', url: source.meta.url ?? '', key: source.meta.key },
      paragraphs: source.paragraphs.map((p, i) => ({ index: p.index, text: p.text, mark: previewMark(source, p, source.paragraphs[i - 1]) })),
      // An unbroken text reads as one block of prose, its sentence passages inline.
      flow: source.locators === 'none',
      cited: this.showing.cited,
    });
  }

  private followCursor(editor: vscode.TextEditor): void {
    const target = citedIn(editor, this.corpus);
    if (!target || !this.panel) return;
    if (target.key === this.showing?.key && target.cited === this.showing.cited) return;
    const sameSource = target.key === this.showing?.key;
    this.showing = target;
    if (sameSource && this.pageReady) void this.panel.webview.postMessage({ type: 'highlight', cited: target.cited });
    else this.render();
  }

  private citedAtCursor(): { key: string; cited?: number } | undefined {
    const editor = this.reports.current();
    return editor ? citedIn(editor, this.corpus) : undefined;
  }

  private async pickSource(): Promise<{ key: string } | undefined> {
    const picked = await vscode.window.showQuickPick(
      this.corpus.corpus.all().map((s) => ({ label: escapeThemeIcons(s.meta.title), description: `@${s.meta.key}`, key: s.meta.key })),
      { title: 'Preview which source?', matchOnDescription: true },
    );
    return picked && { key: picked.key };
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = raw as PageMessage;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'ready') {
      this.pageReady = true;
      this.render();
    } else if (message.type === 'rendered') {
      if (typeof message.key !== 'string') return;
      this.state = { key: message.key, cited: typeof message.cited === 'number' ? message.cited : undefined, paragraphs: Number(message.paragraphs) || 0, shownText: String(message.shownText ?? '') };
      this.rendered.fire(this.state);
    } else if (message.type === 'insert') {
      await this.insert(message);
    }
  }

  /** Inserts what the page asks for, once checked against the corpus: the page is not trusted. */
  async insert(message: { what: unknown; key: unknown; paragraph: unknown; text?: unknown }): Promise<boolean> {
    const source = typeof message.key === 'string' ? this.corpus.corpus.get(message.key) : undefined;
    const paragraph = source?.paragraphs.find((p) => p.index === message.paragraph);
    if (!source || !paragraph) {
      void vscode.window.showErrorMessage('Grounded: the preview asked to cite a passage that is not in the corpus; nothing was inserted.');
      return false;
    }
    const cite = citationFor(source, paragraph);
    if (message.what === 'quotation') {
      const quoted = typeof message.text === 'string' ? message.text.trim() : '';
      if (!quoted || !paragraph.text.includes(quoted)) {
        void vscode.window.showErrorMessage(`Grounded: select words of ¶${paragraph.index} in the preview to quote them; nothing was inserted.`);
        return false;
      }
      return this.inserter.insert({ text: `“${quoted}”`, cite });
    }
    // "Insert citation" adds to the citation at the cursor; "Replace citation" puts this one in its place.
    if (message.what === 'citation' || message.what === 'replacement') return this.inserter.insert({ cite }, { mode: message.what === 'replacement' ? 'replace' : 'add' });
    return false;
  }

  dispose(): void {
    if (this.followTimer) clearTimeout(this.followTimer);
    this.panel?.dispose();
    this.store.dispose();
  }
}

/** The source and paragraph cited at the editor's cursor: the locator's, or the best match for the sentence. */
function citedIn(editor: vscode.TextEditor, corpus: CorpusService): { key: string; cited?: number } | undefined {
  const text = editor.document.getText();
  const offset = editor.document.offsetAt(editor.selection.active);
  const hit = citationUnderCursor(text, offset);
  const source = hit && corpus.corpus.get(hit.item.key);
  if (!source || !hit) return undefined;
  const paragraph: Paragraph | undefined = locatedPassages(source, hit.item.locator)?.[0] ?? bestPassage(text, offset, source, corpus.searchIndex());
  return { key: source.meta.key, cited: paragraph?.index };
}

/** The mark beside a passage in the preview: `¶N`, a page mark where a page starts, or none. */
function previewMark(source: Source, p: Paragraph, before: Paragraph | undefined): string {
  if (source.locators === 'none') return '';
  if (source.locators === 'page') return p.page !== undefined && p.page !== before?.page ? `p. ${p.page}` : '';
  return `¶${p.index}`;
}

/** 16 random bytes in base64, for the page's script nonce (Web Crypto: in Node 20 and in browsers). */
function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
