// Grounded's settings as every host reads them: the names and defaults are the extension's
// (package.json contributes.configuration), whatever the host gets them from (VS Code's
// configuration, an LSP client's workspace/configuration answer). Values of the wrong type
// are reported and replaced by their default, never thrown.
import manifest from '../../package.json';
import { DEFAULT_SEVERITY, type CheckOptions, type FindingCode } from '../core/check/findings';

export interface CorpusSettings {
  include: string[];
  exclude: string[];
  maxBytes: number;
}

export interface GroundedSettings {
  corpus: CorpusSettings;
  check: CheckOptions;
}

type Properties = Record<string, { default?: unknown }>;
const PROPERTIES = manifest.contributes.configuration.properties as Properties;

/** The default of a `grounded.*` setting, as the extension's manifest declares it. */
export function settingDefault<T>(name: string): T {
  const property = PROPERTIES[name];
  if (!property) throw new Error(`${name} is not a setting of Grounded`);
  return property.default as T;
}

/**
 * Looks a setting up in what a client sent: nested (`{ corpus: { include } }`, as most
 * editors' settings are written) or dotted (`{ "corpus.include": … }`, as VS Code's are).
 */
function lookUp(values: unknown, path: string): unknown {
  if (!values || typeof values !== 'object') return undefined;
  const record = values as Record<string, unknown>;
  if (path in record) return record[path];
  const dot = path.indexOf('.');
  if (dot < 0) return undefined;
  // `corpus.include` may sit under `corpus`, or a deeper dotted name under its first part.
  return lookUp(record[path.slice(0, dot)], path.slice(dot + 1));
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/**
 * Grounded's settings from the `grounded` section a client sent (undefined: all defaults).
 * `problems` gets one line for every value that is not of its setting's type.
 */
export function readSettings(section: unknown, problems: string[] = []): GroundedSettings {
  const get = <T>(name: string, valid: (value: unknown) => value is T, expected: string): T => {
    const value = lookUp(section, name);
    if (value === undefined || value === null) return settingDefault<T>(`grounded.${name}`);
    if (valid(value)) return value;
    problems.push(`grounded.${name} should be ${expected}, not ${JSON.stringify(value)}; using its default.`);
    return settingDefault<T>(`grounded.${name}`);
  };
  const maxMB = get('corpus.maxFileSizeMB', (v): v is number => typeof v === 'number' && v >= 1, 'a number of megabytes, at least 1');
  const scope = get('checks.citationScope', (v): v is 'paragraph' | 'sentence' => v === 'paragraph' || v === 'sentence', '"paragraph" or "sentence"');
  const configured = get('diagnostics.severity', (v): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v), 'an object of check codes and severities');
  const severity: CheckOptions['severity'] = {};
  for (const [code, value] of Object.entries(configured)) {
    if (!(code in DEFAULT_SEVERITY)) problems.push(`grounded.diagnostics.severity: "${code}" is no check of Grounded (${Object.keys(DEFAULT_SEVERITY).join(', ')}).`);
    else if (value === 'off' || value === 'error' || value === 'warning' || value === 'information') severity[code as FindingCode] = value;
    else problems.push(`grounded.diagnostics.severity.${code} should be "error", "warning", "information" or "off", not ${JSON.stringify(value)}.`);
  }
  // citation-missing is a hint (a quiet underline) unless the writer wants it among the problems, as in the extension.
  const missing = get('checks.citationMissing', (v): v is 'underline' | 'problems' | 'off' => v === 'underline' || v === 'problems' || v === 'off', '"underline", "problems" or "off"');
  if (!severity['citation-missing']) severity['citation-missing'] = missing === 'off' ? 'off' : missing === 'problems' ? 'information' : 'hint';
  return {
    corpus: {
      include: get('corpus.include', isStrings, 'a list of glob patterns'),
      exclude: get('corpus.exclude', isStrings, 'a list of glob patterns'),
      maxBytes: maxMB * 1024 * 1024,
    },
    check: { severity, citationScope: scope },
  };
}
