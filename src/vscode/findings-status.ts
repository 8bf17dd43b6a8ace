import * as vscode from 'vscode';
import { DisposableStore } from './disposables';
import type { ReportEditors } from './report-editors';
import { stateOf, type StatusItemState } from './status-bar';

/** Codes of the findings about figures. */
const FIGURE_CODES: ReadonlySet<string> = new Set(['figure-mismatch', 'figure-unsupported', 'sources-disagree']);

/**
 * Shows how many figure warnings the report being written has (its other findings in the
 * tooltip); a click opens the Problems panel with its filter ready for Grounded's findings.
 */
export class FindingsStatusBar implements vscode.Disposable {
  private readonly store = new DisposableStore();
  private readonly item = this.store.add(vscode.window.createStatusBarItem('grounded.findings', vscode.StatusBarAlignment.Left, 49));
  private visible = false;

  constructor(private readonly reports: ReportEditors) {
    this.item.name = 'Grounded Figure Warnings';
    this.item.command = 'grounded.showProblems';
    this.store.add(vscode.languages.onDidChangeDiagnostics(() => this.render()));
    this.store.add(reports.onDidChange(() => this.render()));
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
    if (!report) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const { problems, figureWarnings } = this.counts();
    const name = vscode.workspace.asRelativePath(report.document.uri);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    if (figureWarnings) this.item.text = `$(warning) ${plural(figureWarnings, 'figure warning')}`;
    else if (problems) this.item.text = `$(info) ${plural(problems, 'finding')}`;
    else this.item.text = '$(check) Figures agree';
    this.item.tooltip =
      (problems
        ? `${name}: ${plural(figureWarnings, 'figure warning')}, ${plural(problems, 'Grounded finding')} in all.`
        : `${name}: every figure and quotation checked agrees with its sources.`) + ' Click to open the Problems panel; type "grounded" in its filter to see only these.';
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    this.store.dispose();
  }
}
