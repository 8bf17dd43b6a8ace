// Numbers inside names ("Sims 4", "3D", "Xbox 2", a code like "ELITEFIT15") are compared as
// written: the cited source must have the same name with the same number. The same name with
// another number is a mismatch; a name the source never has is unsupported.
import { sourceEvidence } from '../evidence/source-index';
import type { Source } from '../model';
import type { Quotation } from '../quotes';
import type { Claim } from './claims';
import { unsupported } from './figure-rules';
import type { Finding } from './findings';

/** The label as a pattern: its letters as written, any number where it has one, spaces and hyphens optional. */
const patterns = new Map<string, RegExp>();

function labelPattern(label: string): RegExp {
  let cached = patterns.get(label);
  if (!cached) {
    if (patterns.size > 10_000) patterns.clear();
    patterns.set(label, (cached = buildLabelPattern(label)));
  }
  cached.lastIndex = 0;
  return cached;
}

function buildLabelPattern(label: string): RegExp {
  // Letters and numbers as written; a space or hyphen where the label has one may be either or
  // none ("Xbox 2", "Xbox-2", "Xbox2"), and where it has none only a hyphen: "A320" is not "a 25".
  const parts = label.toLowerCase().match(/\d+|[^\d\s-]|[\s-]+/g) ?? [];
  const body = parts.map((part, i) => {
    if (/^[\s-]/.test(part)) return '';
    const next = parts[i + 1];
    const joint = next === undefined ? '' : /^[\s-]/.test(next) ? '[\\s-]?' : /^\d/.test(part) !== /^\d/.test(next) ? '-?' : '';
    return (/^\d/.test(part) ? '(\\d+)' : part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')) + joint;
  });
  // Not inside a longer word or number: "5G" is not in "2.5G", nor "3G" in "3GSM".
  return new RegExp(`(?<![\\p{L}\\p{N}]|\\d[.,])${body.join('')}(?![\\p{L}\\p{N}])`, 'gu');
}

const digitsOf = (text: string) => (text.match(/\d+/g) ?? []).join(' ');

export function checkLabels(claim: Claim, sources: readonly Source[], misquoted: readonly Quotation[]): Finding[] {
  const findings: Finding[] = [];
  for (const label of claim.labels) {
    const inside = (q: Quotation) => label.start >= q.start && label.end <= q.end;
    if (claim.quotes.some(inside) && !misquoted.some(inside)) continue;
    const pattern = labelPattern(label.text);
    let other: { text: string; key: string; start: number } | undefined;
    let found = false;
    for (const source of sources) {
      const evidence = sourceEvidence(source);
      for (const m of evidence.folded.matchAll(pattern)) {
        if (digitsOf(m[0]) === digitsOf(label.text)) found = true;
        else other ??= { text: evidence.joined.slice(m.index, m.index + m[0].length), key: source.meta.key, start: m.index };
      }
      if (found) break;
    }
    if (found) continue;
    if (other) {
      findings.push({
        code: 'figure-mismatch',
        severity: 'warning',
        message: `Source says "${other.text}" [@${other.key}], not "${label.text}".`,
        start: label.start,
        end: label.end,
        source: { key: other.key, text: other.text },
        fixes: [{ title: `Replace with "${other.text}" (as the source says)`, start: label.start, end: label.end, newText: other.text }],
      });
    } else findings.push(unsupported(label, sources));
  }
  return findings;
}
