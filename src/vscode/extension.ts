import * as vscode from 'vscode';
import { ExportBibliographyCommand, type ExportBibliographyArgs } from './bibliography-command';
import { CitationCompletionProvider } from './completion-provider';
import { CorpusService } from './corpus-service';
import { CitationDefinitionProvider } from './definition-provider';
import { DisposableStore } from './disposables';
import { CitationHoverProvider } from './hover-provider';
import { FindingCodeActions } from './code-actions';
import { ReportDiagnostics } from './report-diagnostics';
import { SearchSourcesCommand } from './search-command';
import { OpenSourceCommand, type OpenSourceArgs } from './source-locations';
import { CorpusStatusBar } from './status-bar';

/** What the extension exports: enough for tests and other extensions to wait for the index. */
export interface GroundedApi {
  ready(): Promise<void>;
  sourceKeys(): string[];
  /** URI (as a string) of the file a key belongs to. */
  sourceLocation(key: string): string | undefined;
  /** Fires after sources were added, changed or removed. */
  onDidChangeSources: vscode.Event<void>;
  /** Fires after a report's diagnostics were updated. */
  onDidCheckReport: vscode.Event<vscode.Uri>;
  /** The version of a report that its current diagnostics describe. */
  checkedVersion(uri: vscode.Uri): number | undefined;
}

/** Reports are Markdown (and plain text); untitled reports count too. */
export const REPORT_SELECTOR: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
  { language: 'plaintext', scheme: 'file' },
  { language: 'plaintext', scheme: 'untitled' },
];

export function activate(context: vscode.ExtensionContext): GroundedApi {
  const store = new DisposableStore();
  context.subscriptions.push(store);
  const output = store.add(vscode.window.createOutputChannel('Grounded', { log: true }));
  const corpus = store.add(new CorpusService(output));
  store.add(new CorpusStatusBar(corpus));

  const openSource = new OpenSourceCommand(corpus);
  const search = new SearchSourcesCommand(corpus, openSource);
  const bibliography = new ExportBibliographyCommand(corpus);
  store.add(vscode.commands.registerCommand('grounded.searchSources', (query?: string) => search.run(typeof query === 'string' ? query : '')));
  store.add(vscode.commands.registerCommand('grounded.openSource', (args?: OpenSourceArgs) => openSource.run(args)));
  store.add(vscode.commands.registerCommand('grounded.reindex', () => corpus.rescan()));
  store.add(vscode.commands.registerCommand('grounded.exportBibliography', (args?: ExportBibliographyArgs) => bibliography.run(args)));

  store.add(vscode.languages.registerCompletionItemProvider(REPORT_SELECTOR, new CitationCompletionProvider(corpus), ...CitationCompletionProvider.triggerCharacters));
  store.add(vscode.languages.registerHoverProvider(REPORT_SELECTOR, new CitationHoverProvider(corpus)));
  store.add(vscode.languages.registerDefinitionProvider(REPORT_SELECTOR, new CitationDefinitionProvider(corpus)));

  const diagnostics = store.add(new ReportDiagnostics(corpus));
  store.add(vscode.languages.registerCodeActionsProvider(REPORT_SELECTOR, new FindingCodeActions(diagnostics), FindingCodeActions.metadata));
  store.add(
    vscode.commands.registerCommand('grounded.checkWorkspace', () =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Grounded: checking reports', cancellable: true }, async (_progress, token) => {
        const { reports, findings } = await diagnostics.checkWorkspace(token);
        void vscode.window.showInformationMessage(`Grounded checked ${reports} report${reports === 1 ? '' : 's'}: ${findings} finding${findings === 1 ? '' : 's'} (see the Problems panel).`);
        return { reports, findings };
      }),
    ),
  );

  // Index in the background: activation itself stays cheap.
  void corpus.ready();
  return {
    ready: () => corpus.ready(),
    sourceKeys: () => corpus.corpus.all().map((s) => s.meta.key),
    sourceLocation: (key) => corpus.corpus.get(key)?.location,
    onDidChangeSources: corpus.onDidChange,
    onDidCheckReport: diagnostics.onDidCheck,
    checkedVersion: (uri) => diagnostics.checkedVersion(uri),
  };
}

export function deactivate(): void {}
