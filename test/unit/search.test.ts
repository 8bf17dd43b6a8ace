import assert from 'node:assert/strict';
import { parseArticle } from '../../src/core/corpus/article';
import { Corpus } from '../../src/core/corpus/corpus';
import { loadCorpusDirectory } from '../../src/core/corpus/node-corpus';
import { SearchIndex } from '../../src/core/search/search-index';
import { corpusDir } from './paths';

describe('fuzzy search over the seed corpus', () => {
  let index: SearchIndex;
  before(async () => {
    index = new SearchIndex((await loadCorpusDirectory(corpusDir)).sources);
  });

  const matchedWords = (query: string, limit = 10) =>
    index.search(query, { limit }).map((h) => h.matches.map((m) => h.passage.text.slice(m.start, m.end)));

  it('finds the Blinken passages when the writer types "Brinken"', () => {
    const hits = index.search('Brinken', { limit: 10 });
    const blinken = hits.filter((h) => h.passage.text.includes('Blinken'));
    assert.ok(blinken.length >= 3, `only ${blinken.length} Blinken passages`);
    assert.ok(blinken.some((h) => h.passage.key === 'putin-nato-scholz'));
    assert.ok(matchedWords('Brinken').flat().includes('Blinken'));
  });

  it('finds both Zelensky and Zelenskyy for "Zelenski"', () => {
    const words = new Set(matchedWords('Zelenski', 20).flat());
    assert.ok(words.has('Zelensky') && words.has('Zelenskyy'), [...words].join(','));
  });

  it('ranks the passage that has every query word first', () => {
    const [first] = index.search('troops border 94,000');
    assert.ok(first.passage.text.includes('94,000'));
    assert.deepEqual(new Set(first.matches.map((m) => first.passage.text.slice(m.start, m.end))), new Set(['94,000', 'troops', 'border']));
  });

  it('completes a word being typed from its prefix', () => {
    const [first] = index.search('Geneva Janu');
    assert.equal(first.passage.key, 'putin-biden-talks');
    assert.equal(first.passage.paragraph, 10);
  });

  it('finds a source by its title words', () => {
    const hits = index.search('Scholz');
    assert.ok(hits.length > 0 && hits.every((h) => h.passage.key === 'putin-nato-scholz'));
  });

  it('returns nothing for stop words alone or gibberish, and limits results', () => {
    assert.deepEqual(index.search(''), []);
    assert.deepEqual(index.search('   '), []);
    assert.deepEqual(index.search('qqqxxzz'), []);
    assert.equal(index.search('the Russia', { limit: 3 }).length, 3);
  });

  it('answers the same from its binary form (the on-disk cache) as from a fresh build', () => {
    const copy = SearchIndex.fromBinary(index.toBinary());
    for (const q of ['Brinken', 'troops border 94,000', 'Geneva Janu']) assert.deepEqual(copy.search(q), index.search(q));
    assert.equal(copy.passageCount, index.passageCount);
  });

  it('adopts its binary form with the holder\'s own paragraph texts, and refuses texts of other sources', async () => {
    const sources = (await loadCorpusDirectory(corpusDir)).sources;
    const byKey = new Map(sources.map((s) => [s.meta.key, s]));
    const texts = (key: string, paragraph: number) => byKey.get(key)?.paragraphs.find((p) => p.index === paragraph)?.text;
    const bytes = index.toBinary();
    const adopted = SearchIndex.fromBinary(bytes, texts);
    for (const q of ['Brinken', 'troops border 94,000', 'Geneva Janu']) assert.deepEqual(adopted.search(q), index.search(q));
    assert.throws(() => SearchIndex.fromBinary(bytes, (key, paragraph) => texts(key, paragraph)?.replace(/94,000/g, '94000')), /does not match the corpus at/);
    assert.throws(() => SearchIndex.fromBinary(bytes, () => undefined), /does not match the corpus at/);
  });

  it('reads back a vocabulary larger than one decoding chunk, non-ASCII words included', () => {
    // 60,000 distinct words (over 256 KB of terms), so the terms are decoded in several chunks.
    const word = (i: number) => `wörd${i.toString(36)}ž`;
    const text = Array.from({ length: 600 }, (_, p) => Array.from({ length: 100 }, (_, w) => word(p * 100 + w)).join(' ') + '.').join('\n\n');
    const corpus = new Corpus();
    corpus.upsert(parseArticle('/c/vocab.txt', `Vocabulary\n\n${text}\n`, 'text'));
    const big = new SearchIndex(corpus.all());
    const bytes = big.toBinary();
    const copy = SearchIndex.fromBinary(bytes);
    // Every term read back as written: the copy writes the same bytes.
    assert.ok(Buffer.from(copy.toBinary()).equals(Buffer.from(bytes)), 'the copy differs from the original');
    for (const i of [0, 1, 29_999, 30_000, 59_999]) {
      assert.deepEqual(copy.search(word(i), { fuzzy: false }).map((h) => h.passage.paragraph), [corpus.all()[0].paragraphs.find((p) => p.text.includes(`${word(i)} `) || p.text.includes(`${word(i)}.`))!.index], word(i));
    }
  });

  it('updates one source in place and then answers as a fresh build would', async () => {
    const sources = (await loadCorpusDirectory(corpusDir)).sources;
    const live = new SearchIndex(sources);
    const changed = { ...sources[2], paragraphs: sources[2].paragraphs.map((p) => ({ ...p, text: p.text.replace(/94,000/g, '96,000') })) };
    live.removeSource(sources[0].meta.key);
    live.addSource(changed);
    const final = [sources[1], changed, sources[3], sources[4]];
    const fresh = new SearchIndex(final);
    assert.equal(live.passageCount, fresh.passageCount);
    for (const q of ['96,000 troops', '94,000 troops', 'Brinken', 'Zelenski', 'Kremlin agenda']) {
      const ids = (idx: SearchIndex) => idx.search(q).map((h) => `${h.passage.key}#${h.passage.paragraph}:${h.score.toFixed(6)}`);
      assert.deepEqual(ids(live), ids(fresh), q);
    }
    assert.ok(!live.search('Zelensky direct talks').some((h) => h.passage.key === sources[0].meta.key));
  });

  it('filters by source key', () => {
    const hits = index.search('Putin', { keys: new Set(['putin-biden-talks']) });
    assert.ok(hits.length > 0 && hits.every((h) => h.passage.key === 'putin-biden-talks'));
  });
});
