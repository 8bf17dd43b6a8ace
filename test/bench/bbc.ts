// Builds benchmark corpora of a given number of passages from the BBC News CSVs (or any
// folder of .txt articles), adding deterministic variants past the real size.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../src/core/corpus/segment';
import type { Paragraph, Source } from '../../src/core/model';

/** The `text` column of a CSV file (RFC 4180 quoting), read by slices rather than characters. */
export function csvTextColumn(csv: string): string[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < csv.length) {
    let field: string;
    if (csv[i] === '"') {
      // A quoted field: up to the quote not followed by another; doubled quotes are one.
      const parts: string[] = [];
      let from = i + 1;
      for (;;) {
        const q = csv.indexOf('"', from);
        if (q < 0) throw new Error('CSV: a quoted field is not closed');
        parts.push(csv.slice(from, q));
        if (csv[q + 1] === '"') {
          parts.push('"');
          from = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      field = parts.join('');
    } else {
      let end = i;
      while (end < csv.length && csv[end] !== ',' && csv[end] !== '\n' && csv[end] !== '\r') end++;
      field = csv.slice(i, end);
      i = end;
    }
    row.push(field);
    if (csv[i] === ',') i++;
    else {
      if (csv[i] === '\r') i++;
      if (csv[i] === '\n') i++;
      rows.push(row);
      row = [];
    }
  }
  if (row.length) rows.push(row);
  const column = rows[0]?.indexOf('text') ?? -1;
  if (column < 0) throw new Error('CSV: no `text` column');
  return rows.slice(1).map((r) => r[column]).filter((t) => t && t.trim());
}

export function loadArticles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    if (name.endsWith('.csv')) out.push(...csvTextColumn(text));
    else if (/\.(txt|md)$/.test(name)) out.push(text);
  }
  return out;
}

const SENTENCES_PER_PASSAGE = 3;

function paragraphsOf(sentences: string[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  for (let i = 0; i < sentences.length; i += SENTENCES_PER_PASSAGE) {
    const text = sentences.slice(i, i + SENTENCES_PER_PASSAGE).join(' ');
    paragraphs.push({ index: paragraphs.length + 1, text, start: offset, end: offset + text.length, sentences: splitSentences(text) });
    offset += text.length + 1;
  }
  return paragraphs;
}

/** A seeded PRNG, so variants are the same in every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function buildSources(articles: readonly string[], passages: number): Source[] {
  const sources: Source[] = [];
  let count = 0;
  const sentencesOf = articles.map((a) => splitSentences(a).map((s) => s.text));
  const add = (sentences: string[], variant: number) => {
    const n = sources.length;
    const title = sentences[0]?.split(/\s+/).slice(0, 8).join(' ') ?? `article ${n}`;
    let paragraphs = paragraphsOf(sentences);
    if (count + paragraphs.length > passages) paragraphs = paragraphs.slice(0, passages - count);
    count += paragraphs.length;
    sources.push({ meta: { key: `bbc-${n}${variant ? `-v${variant}` : ''}`, title }, location: `bench://${n}`, format: 'text', paragraphs });
  };
  for (const s of sentencesOf) {
    if (count >= passages) return sources;
    add(s, 0);
  }
  if (!Number.isFinite(passages)) return sources;
  // Past the real size: articles made of sentences re-ordered across articles.
  const rand = random(42);
  const all = sentencesOf.flat();
  for (let variant = 1; count < passages; variant++) {
    const length = 12 + Math.floor(rand() * 12);
    add(Array.from({ length }, () => all[Math.floor(rand() * all.length)]), variant);
  }
  return sources;
}

/**
 * The BBC News folder: GROUNDED_BBC_DIR, else `shared/bench/bbc-news` beside the
 * repository, else the workplace's /work/shared (a clean clone may live elsewhere).
 */
export function bbcNewsDir(repoRoot: string): string {
  const candidates = [process.env.GROUNDED_BBC_DIR, join(repoRoot, '..', 'shared', 'bench', 'bbc-news'), '/work/shared/bench/bbc-news'].filter((d): d is string => !!d);
  const found = candidates.find((d) => existsSync(d));
  if (!found) throw new Error(`the BBC News articles are not in any of ${candidates.join(', ')}; set GROUNDED_BBC_DIR`);
  return found;
}
