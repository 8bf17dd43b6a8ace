/** Stable codes of Grounded's findings; settings, quick fixes and CI key on them. */
export type FindingCode =
  | 'unknown-source'
  | 'unknown-locator'
  | 'figure-mismatch'
  | 'figure-unsupported'
  | 'sources-disagree'
  | 'quote-mismatch'
  | 'citation-unsupported'
  | 'claim-unsupported'
  | 'quote-misattributed'
  | 'citation-missing';
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const DEFAULT_SEVERITY: Record<FindingCode, Severity> = {
  'unknown-source': 'error',
  'unknown-locator': 'warning',
  'figure-mismatch': 'warning',
  'figure-unsupported': 'information',
  'sources-disagree': 'information',
  'quote-mismatch': 'warning',
  'citation-unsupported': 'warning',
  'claim-unsupported': 'information',
  'quote-misattributed': 'warning',
  'citation-missing': 'hint',
};

/** A replacement of report text [start, end) that fixes a finding. */
export interface Fix {
  title: string;
  start: number;
  end: number;
  newText: string;
}

export interface SourceRef {
  key: string;
  /** e.g. `para. 7`, `p. 12`; absent for a source cited without a locator (an unbroken text). */
  locator?: string;
  /** The 1-based index of the passage in the source, whatever its locator says. */
  paragraph?: number;
  /** The source's own words. */
  text: string;
  /** Offsets of those words in the source file. */
  start?: number;
  end?: number;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  /** UTF-16 offsets in the report. */
  start: number;
  end: number;
  source?: SourceRef;
  related?: SourceRef[];
  fixes: Fix[];
}

export interface CheckOptions {
  /** Per-code severity, or 'off' to turn a check off. */
  severity?: Partial<Record<FindingCode, Severity | 'off'>>;
  /**
   * What a citation covers: its own sentence and the uncited sentences before it in its
   * paragraph (`paragraph`, the default, as writers cite once at a paragraph's end), or only
   * its own sentence.
   */
  citationScope?: 'paragraph' | 'sentence';
}
