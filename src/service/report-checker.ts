// Checks reports as the writer types, host-neutral: debounced, in slices of a few ms with
// other work in between, dropped when the text changed or a newer check replaced it, and
// again whenever the sources change. The host turns findings into its own diagnostics: the
// language server (over its corpus indexer) and the extension (over its corpus service) both.
import { checkReportSteps } from '../core/check/check-report';
import type { CheckOptions, Finding } from '../core/check/findings';
import type { Corpus } from '../core/corpus/corpus';
import type { SearchIndex } from '../core/search/search-index';
import type { Subscription } from './events';
import { runSliced } from './slices';

/** What the checks read: the corpus, its search index, and when answers may be given. */
export interface CheckedSources {
  readonly corpus: Corpus;
  searchIndex(): SearchIndex;
  /** Resolves once checks may be published (a citation of a source not read yet is no error). */
  firstScan(): Promise<void>;
  /** Fires after the sources changed: every open report is checked again. */
  onDidChange(listener: () => void): Subscription;
}

/** A report as the host holds it: the text of one version. */
export interface ReportText {
  uri: string;
  version: number;
  getText(): string;
}

export interface CheckedReport {
  uri: string;
  version: number;
  findings: Finding[];
}

export const TYPING_DEBOUNCE_MS = 300;

export class ReportChecker {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly runs = new Map<string, number>();
  private readonly checked = new Map<string, CheckedReport>();
  private readonly subscription: Subscription;

  constructor(
    private readonly indexer: CheckedSources,
    /** The open report at `uri` as it is now (undefined: closed, or not a report). */
    private readonly reportAt: (uri: string) => ReportText | undefined,
    private readonly openReports: () => ReportText[],
    private readonly options: () => CheckOptions,
    /** Shows the findings; a check resolves once what this returns has. */
    private readonly publish: (checked: CheckedReport) => unknown,
  ) {
    this.subscription = indexer.onDidChange(() => this.recheckAll());
  }

  /** The findings of the last check of `uri`, and the version they describe. */
  lastCheck(uri: string): CheckedReport | undefined {
    return this.checked.get(uri);
  }

  /** Checks every open report again (sources or settings changed). */
  recheckAll(): void {
    for (const report of this.openReports()) this.schedule(report.uri, 0);
  }

  /** Checks `uri` after `delayMs` of quiet (a later call for the same report restarts the wait). */
  schedule(uri: string, delayMs = TYPING_DEBOUNCE_MS): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.check(uri);
      }, delayMs),
    );
  }

  /** Forgets a closed report. */
  close(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.runs.set(uri, (this.runs.get(uri) ?? 0) + 1);
    this.checked.delete(uri);
  }

  /**
   * Checks `uri` now and publishes its findings, unless the text changed meanwhile. Before the
   * first scan ends nothing is published: a citation of a source not read yet is no error.
   */
  async check(uri: string): Promise<CheckedReport | undefined> {
    await this.indexer.firstScan();
    const report = this.reportAt(uri);
    if (!report) return undefined;
    const run = (this.runs.get(uri) ?? 0) + 1;
    this.runs.set(uri, run);
    const outdated = () => this.runs.get(uri) !== run || this.reportAt(uri)?.version !== report.version;
    const corpus = this.indexer.corpus;
    // With no sources at all every citation would be an unknown source: noise for anyone writing
    // pandoc Markdown without a corpus.
    const findings = corpus.size === 0 ? [] : await runSliced(checkReportSteps(report.getText(), { corpus, search: this.indexer.searchIndex() }, this.options()), outdated);
    if (!findings || outdated()) return undefined;
    const checked = { uri, version: report.version, findings };
    this.checked.set(uri, checked);
    await this.publish(checked);
    return checked;
  }

  /** The findings of a report's text that no editor holds open (a check of every report), in slices. */
  async checkText(text: string): Promise<Finding[]> {
    await this.indexer.firstScan();
    const corpus = this.indexer.corpus;
    if (corpus.size === 0) return [];
    return (await runSliced(checkReportSteps(text, { corpus, search: this.indexer.searchIndex() }, this.options())))!;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.subscription.dispose();
  }
}
