import * as vscode from 'vscode';
import type { CheckOptions, Finding, Severity } from '../core/check/findings';
import { ReportChecker, type CheckedReport, type ReportText } from '../service/report-checker';
import { readSettings } from '../service/settings';
import type { CorpusService } from './corpus-service';
import { DisposableStore } from './disposables';
import { Slicer } from '../service/slices';

const DEBOUNCE_MS = 300;
/** What VS Code shows of one file's diagnostics at most (extHostDiagnostics), and so all Grounded computes places for. */
const MAX_DIAGNOSTICS = 1000;
const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function isReport(document: vscode.TextDocument, isSource: (uri: vscode.Uri) => boolean): boolean {
  return document.languageId === 'markdown' && document.uri.scheme !== 'output' && !isSource(document.uri);
}

/** The check settings, read by src/service/settings.ts as every host reads them (a value of the wrong type counts as its default). */
const asReport = (document: vscode.TextDocument): ReportText => ({ uri: document.uri.toString(), version: document.version, getText: () => document.getText() });

function checkOptions(): CheckOptions {
  const config = vscode.workspace.getConfiguration('grounded');
  return readSettings({
    checks: { citationScope: config.get('checks.citationScope'), citationMissing: config.get('checks.citationMissing') },
    diagnostics: { severity: config.get('diagnostics.severity') },
  }).check;
}

/**
 * Figure, quote and citation diagnostics for Markdown reports: checked as the writer
 * types (debounced; a newer edit cancels an older check), when sources change, and for
 * the whole workspace on demand, by src/service/report-checker.ts as the language server's
 * are. This class makes VS Code's diagnostics of the findings (with the source's words as
 * related information) and keeps them so quick fixes can use them.
 */
export class ReportDiagnostics implements vscode.Disposable {
  private readonly store = new DisposableStore();
  private readonly collection = this.store.add(vscode.languages.createDiagnosticCollection('grounded'));
  private readonly findings = new Map<string, Finding[]>();
  private readonly versions = new Map<string, number>();
  /** The version whose diagnostics were last set, per open document (a reopened one is another object). */
  private readonly published = new WeakMap<vscode.TextDocument, number>();
  private readonly changed = this.store.add(new vscode.EventEmitter<vscode.Uri>());
  private readonly checker: ReportChecker;
  /** Fires after a report's diagnostics were updated. */
  readonly onDidCheck = this.changed.event;

  constructor(
    private readonly corpus: CorpusService,
    private readonly isSource: (uri: vscode.Uri) => boolean,
  ) {
    this.checker = new ReportChecker(
      // Each check waits for the scans queued before it, as the extension always has.
      { corpus: corpus.corpus, searchIndex: () => corpus.searchIndex(), firstScan: () => corpus.ready(), onDidChange: (listener) => corpus.onDidChange(listener) },
      (uri) => this.reportAt(uri),
      () => vscode.workspace.textDocuments.filter((d) => isReport(d, this.isSource)).map(asReport),
      checkOptions,
      (checked) => this.show(checked),
    );
    this.store.add({ dispose: () => this.checker.dispose() });
    this.store.add(vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)));
    this.store.add(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)));
    this.store.add(vscode.workspace.onDidCloseTextDocument((d) => this.checker.close(d.uri.toString())));
    this.store.add(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('grounded.diagnostics') || e.affectsConfiguration('grounded.checks')) this.checker.recheckAll();
      }),
    );
    this.checker.recheckAll();
  }

  /** The document version the current diagnostics of `uri` were computed for. */
  checkedVersion(uri: vscode.Uri): number | undefined {
    return this.versions.get(uri.toString());
  }

  /** The findings behind the diagnostics of a document (for code actions). */
  findingsFor(uri: vscode.Uri): readonly Finding[] {
    return this.findings.get(uri.toString()) ?? [];
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (isReport(document, this.isSource)) this.checker.schedule(document.uri.toString(), delay);
  }

  /** The open report at `uri`, as the checker reads it. */
  private reportAt(uri: string): ReportText | undefined {
    const document = this.documentAt(uri);
    return document && isReport(document, this.isSource) ? asReport(document) : undefined;
  }

  private documentAt(uri: string): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === uri);
  }

  /** Sets the diagnostics of a check, unless the report changed since or they would be the same again. */
  private async show(checked: CheckedReport): Promise<void> {
    const document = this.documentAt(checked.uri);
    const { version, findings } = checked;
    if (!document || document.version !== version) return;
    const outdated = () => document.isClosed || document.version !== version || this.checker.lastCheck(checked.uri) !== checked;
    const previous = this.findings.get(checked.uri);
    if (previous && this.published.get(document) === version && sameDiagnostics(previous, findings)) {
      // Sources changed but not what this report shows: re-sending thousands of equal
      // diagnostics would cost VS Code's serializer tens of milliseconds on this thread.
      this.findings.set(checked.uri, findings);
      this.changed.fire(document.uri);
      return;
    }
    const related = await this.sourceLocations(shown(findings), outdated);
    if (!related || outdated()) return;
    this.publish(document, findings, related);
  }

  /** Checks every Markdown report of the workspace (open or not). */
  async checkWorkspace(token?: vscode.CancellationToken): Promise<{ reports: number; findings: number }> {
    await this.corpus.ready();
    const uris = await vscode.workspace.findFiles('**/*.{md,markdown}', '{**/node_modules/**,**/.git/**}');
    let findings = 0;
    let reports = 0;
    for (const uri of uris) {
      if (token?.isCancellationRequested) break;
      const document = await vscode.workspace.openTextDocument(uri);
      if (!isReport(document, this.isSource)) continue;
      reports++;
      findings += (await this.checker.check(document.uri.toString()))?.findings.length ?? 0;
    }
    return { reports, findings };
  }

  /** Where in the source files the findings' source words are (for "related information"). */
  private async sourceLocations(findings: readonly Finding[], outdated: () => boolean): Promise<Map<Finding, vscode.Location> | undefined> {
    const out = new Map<Finding, vscode.Location>();
    // One open per source file, however many findings point into it.
    const documents = new Map<string, Promise<vscode.TextDocument | undefined>>();
    const clock = new Slicer();
    for (const f of findings) {
      // Awaiting settled promises never lets other work in: pause now and then, as the check does.
      if ((await clock.yieldIfDue()) && outdated()) return undefined;
      const location = f.source && this.corpus.corpus.get(f.source.key)?.location;
      if (!location || f.source?.start === undefined) continue;
      if (!documents.has(location)) documents.set(location, Promise.resolve(vscode.workspace.openTextDocument(vscode.Uri.parse(location))).catch(() => undefined));
      // The source may have vanished since it was indexed; the diagnostic still stands.
      const doc = await documents.get(location);
      if (doc) out.set(f, new vscode.Location(doc.uri, new vscode.Range(doc.positionAt(f.source.start), doc.positionAt(f.source.end ?? f.source.start))));
    }
    return out;
  }

  private publish(document: vscode.TextDocument, findings: Finding[], related: Map<Finding, vscode.Location>): void {
    this.findings.set(document.uri.toString(), findings);
    this.versions.set(document.uri.toString(), document.version);
    this.published.set(document, document.version);
    const diagnostics = shown(findings).map((f) => {
      const d = new vscode.Diagnostic(new vscode.Range(document.positionAt(f.start), document.positionAt(f.end)), f.message, SEVERITY[f.severity]);
      d.source = 'grounded';
      d.code = f.code;
      const where = related.get(f);
      if (where && f.source) d.relatedInformation = [new vscode.DiagnosticRelatedInformation(where, `@${f.source.key}${f.source.locator ? `, ${f.source.locator}` : ''}: "${f.source.text}"`)];
      return d;
    });
    if (findings.length > diagnostics.length) {
      const last = diagnostics[diagnostics.length - 1];
      const more = new vscode.Diagnostic(last.range, `${findings.length - diagnostics.length} more Grounded findings are not shown (VS Code shows ${MAX_DIAGNOSTICS} per file); \`grounded check\` lists them all.`, vscode.DiagnosticSeverity.Information);
      more.source = 'grounded';
      diagnostics.push(more);
    }
    this.collection.set(document.uri, diagnostics);
    this.changed.fire(document.uri);
  }

  dispose(): void {
    this.store.dispose();
  }
}

/**
 * Would these findings make the same diagnostics on the same text? (A source file's offsets
 * stand for the same place while its words there are the same.)
 */
function sameDiagnostics(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i], b[i]];
    if (x.code !== y.code || x.severity !== y.severity || x.start !== y.start || x.end !== y.end || x.message !== y.message) return false;
    const [s, t] = [x.source, y.source];
    if (s !== t && (!s || !t || s.key !== t.key || s.locator !== t.locator || s.paragraph !== t.paragraph || s.text !== t.text || s.start !== t.start || s.end !== t.end)) return false;
  }
  return true;
}

/** The findings VS Code would show of a file: at most MAX_DIAGNOSTICS, errors first, then warnings, then the rest. */
function shown(findings: readonly Finding[]): Finding[] {
  if (findings.length <= MAX_DIAGNOSTICS) return [...findings];
  const rank: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };
  const chosen = new Set([...findings].sort((a, b) => rank[a.severity] - rank[b.severity]).slice(0, MAX_DIAGNOSTICS));
  return findings.filter((f) => chosen.has(f));
}
