import * as vscode from 'vscode';
import type { CorpusService } from './corpus-service';
import { DisposableStore } from './disposables';
import type { ReportEditors } from './report-editors';
import { stateOf, type CorpusStatusBar, type StatusItemState } from './status-bar';

/** What the item needs of the checks: which version of a report its diagnostics describe. */
export interface ReportChecks {
  checkedVersion(uri: vscode.Uri): number | undefined;
  onDidCheck: vscode.Event<vscode.Uri>;
}

/** Codes of the findings about figures. */
const FIGURE_CODES: ReadonlySet<string> = new Set(['figure-mismatch', 'figure-unsupported', 'sources-disagree']);

/**
 * Shows how many figure warnings the report being written has (its other findings in the
 * tooltip); a click opens the Problems panel with its filter ready for Grounded's findings.
 * Shown only beside the sources item: with no sources there is nothing to check figures against.
 */
export class FindingsStatusBar implements vscode.Disposable {
  private readonly store = new DisposableStore();
  private readonly item = this.store.add(vscode.window.createStatusBarItem('grounded.findings', vscode.StatusBarAlignment.Left, 49));
  private visible = false;

  constructor(
    private readonly reports: ReportEditors,
    private readonly corpus: CorpusService,
    private readonly sourcesStatus: CorpusStatusBar,
    private readonly checks: ReportChecks,
  ) {
    this.item.name = 'Grounded Figure Warnings';
    this.item.command = 'grounded.showProblems';
    this.store.add(vscode.languages.onDidChangeDiagnostics(() => this.render()));
    this.store.add(reports.onDidChange(() => this.render()));
    this.store.add(sourcesStatus.onDidRender(() => this.render()));
    this.store.add(checks.onDidCheck(() => this.render()));
    this.render();
  }

  /** Grounded's findings in the current report: all of them, and the figure findings at warning or error severity. */
  counts(): { problems: number; figureWarnings: number } {
    const report = this.reports.current();
    const mine = report ? vscode.languages.getDiagnostics(report.document.uri).filter((d) => d.source === 'grounded') : [];
    const figureWarnings = mine.filter((d) => FIGURE_CODES.has(String(typeof d.code === 'object' ? d.code.value : d.code)) && d.severity <= vscode.DiagnosticSeverity.Warning);
    return { problems: mine.length, figureWarnings: figureWarnings.length };
  }

  get state(): StatusItemState {
    return stateOf(this.item, this.visible);
  }

  private render(): void {
    const report = this.reports.current();
    if (!report || !this.sourcesStatus.shown) {
      this.item.hide();
      this.visible = false;
      return;
    }
    this.item.show();
    this.visible = true;
    const name = vscode.workspace.asRelativePath(report.document.uri);
    // Until the index is ready the report's figures are not checked: no count would be true yet.
    if (this.corpus.isIndexing || this.checks.checkedVersion(report.document.uri) === undefined) {
      this.item.text = this.corpus.isIndexing ? '$(sync~spin) Figures: waiting for the index' : '$(sync~spin) Checking figures…';
      this.item.tooltip = `${name}: Grounded checks its figures and quotations once the sources are indexed.`;
      return;
    }
    const { problems, figureWarnings } = this.counts();
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    if (figureWarnings) this.item.text = `$(warning) ${plural(figureWarnings, 'figure warning')}`;
    else if (problems) this.item.text = `$(info) ${plural(problems, 'finding')}`;
    else this.item.text = '$(check) Figures agree';
    this.item.tooltip =
      (problems
        ? `${name}: ${plural(figureWarnings, 'figure warning')}, ${plural(problems, 'Grounded finding')} in all.`
        : `${name}: every figure and quotation checked agrees with its sources.`) + ' Click to open the Problems panel; type "grounded" in its filter to see only these.';
  }

  dispose(): void {
    this.store.dispose();
  }
}
