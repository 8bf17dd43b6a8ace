// PDFs and Word documents do not open as text in VS Code: their passages are shown in a
// read-only document of the text Grounded extracted (src/core/corpus/extracted-text.ts), with
// page marks, where Go to Definition and Open Source land. "Grounded: Open Original File"
// opens the file itself in the system's viewer.
import * as vscode from 'vscode';
import { extractedSpan, extractedText, isExtracted } from '../core/corpus/extracted-text';
import type { Source } from '../core/model';
import type { CorpusService } from './corpus-service';
import { DisposableStore } from './disposables';

export const EXTRACTED_SCHEME = 'grounded-extracted';

/** The document a source's passages are shown in, and where offsets of the source stand in it. */
export interface SourceDocument {
  uri: vscode.Uri;
  /** Offsets of the source (as its passages count them) in this document; undefined when none stand there. */
  span(start: number, end: number): { start: number; end: number } | undefined;
}

export function sourceDocument(corpus: CorpusService, source: Source): SourceDocument {
  if (!isExtracted(source)) return { uri: corpus.uriOf(source), span: (start, end) => ({ start, end }) };
  const file = vscode.Uri.parse(source.location);
  const text = extractedText(source);
  // The file's own path names the tab; the query says which source it is.
  return { uri: vscode.Uri.from({ scheme: EXTRACTED_SCHEME, path: file.path, query: source.location }), span: (start, end) => extractedSpan(source, text, start, end) };
}

/** Serves the extracted text of PDF and Word sources, and follows their changes. */
export class ExtractedTextProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly store = new DisposableStore();
  private readonly changed = this.store.add(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly corpus: CorpusService) {
    this.store.add(
      corpus.onDidChange(() => {
        for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === EXTRACTED_SCHEME) this.changed.fire(doc.uri);
      }),
    );
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    await this.corpus.ready();
    const source = this.corpus.corpus.atLocation(uri.query);
    return source ? extractedText(source).text : `${vscode.Uri.parse(uri.query).fsPath} is no longer among the sources.\n`;
  }

  dispose(): void {
    this.store.dispose();
  }
}

/** How the original file was opened: in the system's viewer, or (in a browser or remote window, whose system is another machine) shown in the Explorer. */
export interface OpenOriginalResult {
  uri: string;
  how: 'external' | 'explorer';
  opened: boolean;
}

/**
 * "Grounded: Open Original File": the source's own file (a PDF, a Word document, an article)
 * in the application the system opens it with. `target` is a source key, a Sources view
 * node, the extracted text's URI, or nothing (the source of the active extracted text, or the
 * one the preview shows).
 */
export async function openOriginal(corpus: CorpusService, target: unknown, previewKey: () => string | undefined): Promise<OpenOriginalResult | undefined> {
  await corpus.ready();
  const source = sourceOf(corpus, target) ?? sourceOf(corpus, vscode.window.activeTextEditor?.document.uri) ?? sourceOf(corpus, previewKey());
  if (!source || source.format === 'reference') {
    void vscode.window.showInformationMessage('Grounded: preview a source, or open its extracted text, to open its original file.');
    return undefined;
  }
  const uri = vscode.Uri.parse(source.location);
  // The system viewer of a browser or remote window is on the writer's machine, which does not have the file.
  if (vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName && uri.scheme === 'file') {
    return { uri: uri.toString(), how: 'external', opened: await vscode.env.openExternal(uri) };
  }
  await vscode.commands.executeCommand('revealInExplorer', uri);
  void vscode.window.showInformationMessage(`Grounded: ${vscode.workspace.asRelativePath(uri)} is on the machine VS Code runs on, not this one: download it from the Explorer (right-click, Download…) to open it in your own viewer.`);
  return { uri: uri.toString(), how: 'explorer', opened: true };
}

function sourceOf(corpus: CorpusService, target: unknown): Source | undefined {
  if (typeof target === 'string') return corpus.corpus.get(target);
  if (target instanceof vscode.Uri) return corpus.corpus.atLocation(target.scheme === EXTRACTED_SCHEME ? target.query : target.toString());
  const node = target as { source?: Source } | undefined;
  return node && typeof node === 'object' && node.source?.meta ? corpus.corpus.get(node.source.meta.key) : undefined;
}
