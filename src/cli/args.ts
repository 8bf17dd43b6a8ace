// Command-line arguments of `grounded check`, parsed without a library: the grammar is small
// and every error must name the argument that is wrong.

export type OutputFormat = 'text' | 'json' | 'sarif';
export type FailOn = 'error' | 'warning' | 'information' | 'none';

export interface CheckArgs {
  corpora: string[];
  /** Bibliography files of the writer's (.bib, CSL-JSON, CSL-YAML), besides those the reports name. */
  bibliographies: string[];
  format: OutputFormat;
  failOn: FailOn;
  citationScope: 'paragraph' | 'sentence';
  inputs: string[];
}

export class UsageError extends Error {}

export const USAGE = `Usage: grounded check [--corpus DIR...] [--bibliography FILE...]
                      [--format text|json|sarif] [--fail-on error|warning|information|none]
                      [--citation-scope paragraph|sentence] FILE_OR_DIR...

Checks Markdown reports against the articles in the corpus folders and the files attached to
the bibliography's entries: citations of unknown sources, figures and quotations that disagree
with the cited source. A report's own \`bibliography:\` front matter is read as pandoc reads it
(paths relative to the report), so a report whose bibliography names its sources needs no --corpus.
Exit codes: 1 when a finding reaches --fail-on (default: warning), 2 on bad usage or an
unreadable input, 0 otherwise. A citation covers its sentence and the uncited sentences before
it in its paragraph; --citation-scope sentence narrows it to its own sentence.`;

export function parseCheckArgs(argv: readonly string[]): CheckArgs {
  const args: CheckArgs = { corpora: [], bibliographies: [], format: 'text', failOn: 'warning', citationScope: 'paragraph', inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    if (flag === '--corpus') args.corpora.push(value());
    else if (flag === '--bibliography') args.bibliographies.push(value());
    else if (flag === '--format') args.format = oneOf(flag, value(), ['text', 'json', 'sarif'] as const);
    else if (flag === '--citation-scope') args.citationScope = oneOf(flag, value(), ['paragraph', 'sentence'] as const);
    else if (flag === '--fail-on') args.failOn = oneOf(flag, value(), ['error', 'warning', 'information', 'none'] as const);
    else if (flag === '--') {
      args.inputs.push(...argv.slice(i + 1));
      break;
    } else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`Unknown option ${flag}.`);
    else args.inputs.push(arg);
  }
  if (args.inputs.length === 0) throw new UsageError('No report file or folder given.');
  return args;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got "${value}".`);
}
