import assert from 'node:assert/strict';
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
