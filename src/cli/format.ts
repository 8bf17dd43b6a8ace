// Output formats of `grounded check`: compiler-style text, JSON, and SARIF 2.1.0 for
// GitHub code scanning. Lines and characters are 0-based UTF-16 in JSON (as VS Code
// counts); text and SARIF use 1-based lines and columns, as their readers expect.
import { DEFAULT_SEVERITY, type Finding, type FindingCode, type Severity } from '../core/check/findings';
import { LineIndex } from '../core/positions';

export interface FileResult {
  path: string;
  text: string;
  findings: Finding[];
}

export function formatText(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const index = new LineIndex(r.text);
    for (const f of r.findings) {
      const p = index.positionAt(f.start);
      lines.push(`${r.path}:${p.line + 1}:${p.character + 1}: ${f.severity} ${f.code} ${f.message}`);
    }
  }
  const count = results.reduce((n, r) => n + r.findings.length, 0);
  lines.push(`${count} finding${count === 1 ? '' : 's'} in ${results.length} file${results.length === 1 ? '' : 's'}.`);
  return `${lines.join('\n')}\n`;
}

export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(
    {
      version: 1,
      files: results.map((r) => {
        const index = new LineIndex(r.text);
        return {
          path: r.path,
          diagnostics: r.findings.map((f) => ({
            code: f.code,
            severity: f.severity,
            message: f.message,
            range: { start: index.positionAt(f.start), end: index.positionAt(f.end) },
            source: f.source ? { key: f.source.key, locator: f.source.locator ?? null, text: f.source.text } : null,
          })),
        };
      }),
    },
    null,
    2,
  )}\n`;
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const RULES: Record<string, string> = {
  'unknown-source': 'A citation names a key that no source in the corpus has.',
  'unknown-locator': 'A paragraph locator points past the end of the cited source.',
  'figure-mismatch': 'A figure disagrees with what the cited source says about the same thing.',
  'figure-unsupported': 'A figure in a cited sentence does not appear in the cited source.',
  'sources-disagree': 'The sources give different values for an uncited figure.',
  'quote-mismatch': 'A quotation does not occur in the cited source.',
  'citation-unsupported': 'The cited source says nothing like the sentences its citation covers; another source does.',
  'claim-unsupported': 'No source in the corpus says what the cited sentences say.',
  'quote-misattributed': 'The source attributes the quoted words to someone other than the report does.',
  'citation-missing': 'A sentence with a figure or a quotation has no citation, and one source clearly says it.',
};

export function formatSarif(results: readonly FileResult[], version: string): string {
  const ruleIds = Object.keys(RULES);
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Grounded',
            version,
            rules: ruleIds.map((id) => ({ id, name: id, shortDescription: { text: RULES[id] }, defaultConfiguration: { level: SARIF_LEVEL[DEFAULT_SEVERITY[id as FindingCode]] } })),
          },
        },
        results: results.flatMap((r) => {
          const index = new LineIndex(r.text);
          return r.findings.map((f) => {
            const s = index.positionAt(f.start);
            const e = index.positionAt(f.end);
            return {
              ruleId: f.code,
              ruleIndex: ruleIds.indexOf(f.code),
              level: SARIF_LEVEL[f.severity],
              message: { text: f.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: r.path.replace(/\\/g, '/') },
                    region: { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 },
                  },
                },
              ],
            };
          });
        }),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
