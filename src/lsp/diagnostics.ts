// Diagnostics: every check's findings on the open reports (checked as the writer types and
// when sources change), and load problems on the source files.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckOptions, Finding, Severity } from '../core/check/findings';
import type { LoadProblem } from '../core/model';
import { ReportChecker, type CheckedReport, type ReportText } from '../service/report-checker';
import { isReport, type ServerContext } from './context';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export class ReportDiagnostics {
  readonly checker: ReportChecker;
  /** Source files that have diagnostics now (to clear those whose problems went away). */
  private readonly sourcesWithProblems = new Set<string>();

  constructor(
    private readonly context: ServerContext,
    options: () => CheckOptions,
  ) {
    const asReport = (d: TextDocument | undefined): ReportText | undefined => (d && isReport(context, d) ? d : undefined);
    this.checker = new ReportChecker(
      context.indexer,
      (uri) => asReport(context.documents.get(uri)),
      () => context.documents.all().filter((d) => isReport(context, d)),
      options,
      (checked) => this.publish(checked),
    );
    context.indexer.onDidChangeProblems((problems) => this.publishSourceProblems(problems));
  }

  /** The finding behind a diagnostic this server published on the current version of `document`. */
  findingOf(document: TextDocument, diagnostic: Diagnostic): Finding | undefined {
    const checked = this.checker.lastCheck(document.uri);
    if (!checked || checked.version !== document.version || diagnostic.source !== 'grounded') return undefined;
    const start = document.offsetAt(diagnostic.range.start);
    return checked.findings.find((f) => f.code === diagnostic.code && f.start === start && f.message === diagnostic.message);
  }

  /** Publishes the findings of a report no editor holds open (`document` made from its file). */
  publishUnopened(document: TextDocument, findings: readonly Finding[]): void {
    void this.context.connection.sendDiagnostics({ uri: document.uri, diagnostics: findings.map((f) => this.diagnostic(document, f)) });
  }

  private publish({ uri, version, findings }: CheckedReport): void {
    const document = this.context.documents.get(uri);
    if (!document || document.version !== version) return;
    const diagnostics = findings.map((f) => this.diagnostic(document, f));
    void this.context.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  private diagnostic(document: TextDocument, f: Finding): Diagnostic {
    const d: Diagnostic = { range: { start: document.positionAt(f.start), end: document.positionAt(f.end) }, message: f.message, severity: SEVERITY[f.severity], source: 'grounded', code: f.code };
    const source = f.source && this.context.indexer.corpus.get(f.source.key);
    if (f.source && source && f.source.start !== undefined) {
      const location = this.context.sourcePlaces.locate(source, f.source.start, f.source.end ?? f.source.start);
      // The source may have vanished since it was indexed: the diagnostic stands without it.
      if (location) d.relatedInformation = [{ location, message: `@${f.source.key}${f.source.locator ? `, ${f.source.locator}` : ''}: "${f.source.text}"` }];
    }
    return d;
  }

  private publishSourceProblems(problems: ReadonlyMap<string, LoadProblem[]>): void {
    for (const [uri, list] of problems) {
      if (!list.length && !this.sourcesWithProblems.has(uri)) continue;
      if (list.length) this.sourcesWithProblems.add(uri);
      else this.sourcesWithProblems.delete(uri);
      const diagnostics = list.map((p): Diagnostic => {
        const [sl, sc, el, ec] = p.lineRange ?? [0, 0, 0, 0];
        return { range: { start: { line: sl, character: sc }, end: { line: el, character: ec } }, message: p.message, severity: SEVERITY[p.severity], source: 'grounded' };
      });
      void this.context.connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  dispose(): void {
    this.checker.dispose();
  }
}
