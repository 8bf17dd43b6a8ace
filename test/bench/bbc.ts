// Builds benchmark corpora of a given number of passages from the BBC News CSVs (or any
// folder of .txt articles), adding deterministic variants past the real size.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../src/core/corpus/segment';
import type { Paragraph, Source } from '../../src/core/model';

/** The `text` column of a CSV file (RFC 4180 quoting). */
export function csvTextColumn(csv: string): string[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  const column = rows[0].indexOf('text');
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
