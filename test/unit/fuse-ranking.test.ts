import assert from 'node:assert/strict';
import fc from 'fast-check';
import Fuse from 'fuse.js';
import { loadCorpusDirectory } from '../../src/core/corpus/node-corpus';
import type { Source } from '../../src/core/model';
import { bitapScores, countedBitapScores, EXACT_SCORE, maxErrors } from '../../src/core/search/fuse-scoring';
import { SearchIndex } from '../../src/core/search/search-index';
import { PatternDistance, substringDistance } from '../../src/core/search/vocabulary';
import { bbcNewsDir, buildSources, loadArticles } from '../bench/bbc';
import { QUERIES } from '../bench/queries';
import { corpusDir, repoRoot } from './paths';

const text = (alphabet: string, maxLength: number) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((a) => a.join(''));

describe('counting edits as fuse.js does', () => {
  it("Myers' bit-parallel count equals the plain dynamic programme", () => {
    fc.assert(
      fc.property(text('abcde fé', 32).filter((p) => p.length > 0), text('abcde fé', 80), (pattern, t) => {
        assert.equal(new PatternDistance(pattern).in(t), substringDistance(pattern, t, 99));
      }),
      { numRuns: 3000 },
    );
  });

  it('ignores case on both sides, as fuse.js does', () => {
    assert.equal(new PatternDistance('yukos').in('Shares in YUKOS fell'), 0);
    assert.equal(new PatternDistance('zelenskyy').in('Zelensky said'), 1);
  });

  it("is exactly fuse.js's Bitap score: edits / length, 0.001 when contained, nothing past the threshold", () => {
    fc.assert(
      fc.property(text('abcdef gh', 32).filter((p) => p.trim().length > 0), text('abcdef gh', 90), (pattern, t) => {
        const edits = new PatternDistance(pattern).in(t);
        const expected = t === pattern ? 0 : edits > maxErrors(pattern.length) ? undefined : Math.max(EXACT_SCORE, edits / pattern.length);
        assert.equal(bitapScores(pattern, [t])[0], expected);
      }),
      { numRuns: 1500 },
    );
  });

  it("gives fuse.js's own Bitap scores where it counts them with Myers' algorithm (any case, any character)", () => {
    // The Kelvin sign lower-cases to ASCII "k", dotted İ to two characters, Σ by its context: fuse.js must score those texts.
    fc.assert(
      fc.property(text('abkAB ', 32).filter((p) => p.trim().length > 0), fc.array(text('abkAB é£\u212aİΣß', 60), { maxLength: 6 }), (query, texts) => {
        assert.deepEqual(countedBitapScores(query, new PatternDistance(query.toLowerCase()), texts), bitapScores(query, texts));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('ranking as plain fuse.js ranks every passage', () => {
  let sources: Source[];
  let index: SearchIndex;
  let fuse: Fuse<{ key: string; paragraph: number; text: string; title: string }>;
  before(async () => {
    // Real news text: the seed articles and the first 1,500 passages of the BBC set.
    sources = [...(await loadCorpusDirectory(corpusDir)).sources, ...buildSources(loadArticles(bbcNewsDir(repoRoot)), 1500)];
    index = new SearchIndex(sources);
    const docs = sources.flatMap((s) => s.paragraphs.map((p) => ({ key: s.meta.key, paragraph: p.index, text: p.text, title: s.meta.title })));
    fuse = new Fuse(docs, { keys: ['text', 'title'], ignoreLocation: true, threshold: 0.4, includeScore: true });
  });

  const queries = [...QUERIES, 'Brinken', 'Zelenski', 'troops border', '94,000 troops', 'Geneva Janu', 'Kremlin', 'NATO membership', 'Putin Biden', 'x', 'Oil'];
  const id = (key: string, paragraph: number) => `${key}#${paragraph}`;

  it("returns fuse.js's top 10 (recall@10 of at least 0.95 over the queries), with fuse.js's own scores and order", function () {
    this.timeout(30_000); // plain fuse.js over every passage is the slow part
    let expected = 0;
    let agreed = 0;
    for (const query of queries) {
      const theirs = new Map(fuse.search(query, { limit: 10 }).map((r) => [id(r.item.key, r.item.paragraph), r.score!]));
      const ours = index.search(query, { limit: 10 });
      const shared = ours.filter((h) => theirs.has(id(h.passage.key, h.passage.paragraph)));
      for (const h of shared) assert.equal((1 - h.score).toFixed(12), theirs.get(id(h.passage.key, h.passage.paragraph))!.toFixed(12), `${query}: score of ${id(h.passage.key, h.passage.paragraph)}`);
      for (let i = 1; i < shared.length; i++) assert.ok(shared[i - 1].score >= shared[i].score, `${query}: order`);
      expected += theirs.size;
      agreed += shared.length;
      // The matches fuse.js makes only across word boundaries ("zelenski" in "citizens in") are the kind the index may miss.
      assert.ok(shared.length >= Math.min(theirs.size, 7), `${query}: only ${shared.length} of fuse.js's ${theirs.size}`);
    }
    assert.ok(agreed / expected >= 0.95, `recall@10 ${(agreed / expected).toFixed(3)}`);
  });

  it('finds exactly what fuse.js finds for queries that match whole words', () => {
    for (const query of ['Yukos Russia', 'Brinken', 'Geneva Janu', 'Chelsea Mourinho', 'x']) {
      const theirs = fuse.search(query, { limit: 10 }).map((r) => id(r.item.key, r.item.paragraph));
      assert.deepEqual(index.search(query, { limit: 10 }).slice(0, theirs.length).map((h) => id(h.passage.key, h.passage.paragraph)), theirs, query);
    }
  });

  it('keeps to the sources asked for', () => {
    const keys = new Set([sources[7].meta.key, sources[9].meta.key]);
    const hits = index.search('said', { limit: 10, keys });
    assert.ok(hits.length > 0 && hits.every((h) => keys.has(h.passage.key)));
  });

  it('answers the same after a source is removed and added back', () => {
    const copy = new SearchIndex(sources);
    copy.removeSource(sources[12].meta.key);
    copy.addSource(sources[12]);
    // Its passages now come last, so ties may fall in another order: the scores must not change.
    const scores = (i: SearchIndex, q: string) => i.search(q, { limit: 10 }).map((h) => h.score.toFixed(9));
    for (const q of ['Yukos Rusia', 'box office', 'Brinken']) assert.deepEqual(scores(copy, q), scores(index, q));
  });
});

describe('ranking as plain fuse.js ranks every passage, where the words are everywhere', () => {
  // At 30,000 passages the variants of "rates" or "games" fill tens of thousands of postings:
  // the texts are read with fewer edits a word, and the passages that leaves out are counted
  // by length. The answer must still be fuse.js's.
  it("returns fuse.js's top 10, with its scores and order", function () {
    this.timeout(120_000);
    const sources = buildSources(loadArticles(bbcNewsDir(repoRoot)), 30_000);
    const index = new SearchIndex(sources);
    const docs = sources.flatMap((s) => s.paragraphs.map((p) => ({ id: `${s.meta.key}#${p.index}`, text: p.text, title: s.meta.title })));
    const fuse = new Fuse(docs, { keys: ['text', 'title'], ignoreLocation: true, threshold: 0.4, includeScore: true });
    for (const query of ['games console', 'interest rates Bank of England', 'tsunami aid']) {
      const theirs = fuse.search(query, { limit: 10 }).map((r) => `${r.item.id} ${r.score!.toFixed(12)}`);
      const ours = index.search(query, { limit: 10 }).map((h) => `${h.passage.key}#${h.passage.paragraph} ${(1 - h.score).toFixed(12)}`);
      assert.deepEqual(ours, theirs, query);
    }
  });
});
