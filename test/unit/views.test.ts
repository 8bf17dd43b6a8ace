import assert from 'node:assert/strict';
import { loadCorpusDirectory } from '../../src/core/corpus/node-corpus';
import { groupCorpusFigures } from '../../src/core/figures/corpus-figures';
import type { Source } from '../../src/core/model';
import { citationCounts, listSources } from '../../src/core/views/source-list';
import { splitSentences } from '../../src/core/corpus/segment';
import { bbcNewsDir, buildSources, loadArticles } from '../bench/bbc';
import { corpusDir, repoRoot } from './paths';

function source(key: string, text: string, meta: Partial<Source['meta']> = {}): Source {
  return { meta: { key, title: meta.title ?? key, ...meta }, location: `/${key}.txt`, format: 'text', paragraphs: [{ index: 1, text, start: 0, end: text.length, sentences: splitSentences(text) }] };
}

describe('figures of a corpus, grouped', () => {
  it('finds where the seed articles disagree on troops at the border', async () => {
    const { sources } = await loadCorpusDirectory(corpusDir);
    const [first] = groupCorpusFigures(sources);
    assert.equal(first.label, 'troops');
    assert.equal(first.disagree, true);
    const byValue = Object.fromEntries(first.values.map((v) => [v.value, { keys: v.keys.length, projection: v.projection }]));
    assert.deepEqual(byValue['94,000'], { keys: 2, projection: false });
    assert.deepEqual(byValue['100,000'], { keys: 1, projection: false });
    assert.deepEqual(byValue['175,000'], { keys: 1, projection: true });
  });

  it('does not call values a disagreement when their wording overlaps, or one is a forecast', () => {
    const groups = groupCorpusFigures([
      source('a', 'Officials said about 500 workers were laid off at the plant.'),
      source('b', 'The company laid off 480 workers at the plant.'),
      source('c', 'Analysts say the company could cut 2,000 workers next year.'),
    ]);
    const workers = groups.find((g) => g.label === 'workers')!;
    assert.equal(workers.disagree, false);
    assert.deepEqual(workers.values.map((v) => v.value).sort(), ['2,000', '480', '500']);
    assert.equal(workers.values.find((v) => v.value === '2,000')!.projection, true);
  });

  it('files a figure without a counted word under the word before it that counts others', () => {
    const groups = groupCorpusFigures([source('a', 'There were 300 protesters in the main square on Saturday.'), source('b', 'The number of protesters in the main square grew to 5,000 by Saturday evening.')]);
    const protesters = groups.find((g) => g.label === 'protesters')!;
    assert.equal(protesters.mentions, 2);
    assert.equal(protesters.disagree, true);
  });

  it('does not take a verb after a number used as a pronoun, or the words after a duration, for what is counted', () => {
    const groups = groupCorpusFigures([
      source('a', 'Putin said the two could work together. The three should meet again soon.'),
      source('b', 'A day earlier US officials expressed concern. Half an hour later police arrived.'),
      source('c', 'The two leaders talked for an hour.'),
    ]);
    const labels = groups.map((g) => `${g.label} (${g.kind})`);
    assert.deepEqual(labels.filter((l) => /together|meet|again|officials|police|later|earlier/.test(l)), [], labels.join(', '));
    // Real counted nouns still group.
    assert.ok(labels.includes('leaders (count)'), labels.join(', '));
  });
});

describe('figures of unrelated sources', () => {
  it('are never set against each other: 200 real BBC articles on many subjects', () => {
    const sources = buildSources(loadArticles(bbcNewsDir(repoRoot)).slice(0, 200), Infinity);
    const groups = groupCorpusFigures(sources);
    const disagreeing = groups.filter((g) => g.disagree);
    // Before subjects were read, 43 groups disagreed, "people (count)" across articles on unrelated stories.
    assert.ok(disagreeing.length <= 10, disagreeing.map((g) => `${g.label} · ${g.subject}: ${g.values.map((v) => v.value).join(', ')}`).join('\n'));
    assert.ok(!disagreeing.some((g) => g.label === 'people'), 'people (count) disagrees across unrelated articles');
  });

  it('are kept apart by subject, each group naming what its sources share', () => {
    const groups = groupCorpusFigures([
      source('a', 'Chelsea fans said 300 supporters travelled to Madrid with Chelsea.'),
      source('b', 'Chelsea said 5,000 supporters travelled to Madrid for the Chelsea game.'),
      source('c', 'Oxfam said 40 supporters gathered in Nairobi for the Oxfam march.'),
    ]);
    const supporters = groups.filter((g) => g.label === 'supporters');
    assert.equal(supporters.length, 2);
    const chelsea = supporters.find((g) => g.subject === 'Chelsea');
    assert.equal(chelsea?.disagree, true);
    assert.deepEqual(chelsea.values.map((v) => v.value).sort(), ['300', '5,000']);
  });
});

describe('the source list', () => {
  const sources = [source('b-key', 'x', { title: 'Beta', issued: '2021-12-01', publisher: 'Reuters' }), source('a-key', 'x', { title: 'Alpha', issued: '2022-01-05' }), source('c-key', 'x', { title: 'Gamma' })];

  it('counts citations of each key, in brackets and in text, not in code', () => {
    const counts = citationCounts('A [@a-key; @b-key, para. 2] and @a-key says. `[@c-key]` in code.');
    assert.deepEqual(Object.fromEntries(counts), { 'a-key': 2, 'b-key': 1 });
  });

  it('sorts by title, date (newest first, undated last) and citations, and filters', () => {
    assert.deepEqual(listSources(sources, { sort: 'title' }).map((s) => s.meta.title), ['Alpha', 'Beta', 'Gamma']);
    assert.deepEqual(listSources(sources, { sort: 'date' }).map((s) => s.meta.title), ['Alpha', 'Beta', 'Gamma']);
    assert.deepEqual(listSources(sources, { sort: 'citations', counts: new Map([['c-key', 3], ['b-key', 1]]) }).map((s) => s.meta.key), ['c-key', 'b-key', 'a-key']);
    assert.deepEqual(listSources(sources, { sort: 'title', filter: 'REUTERS' }).map((s) => s.meta.key), ['b-key']);
    assert.deepEqual(listSources(sources, { sort: 'title', filter: 'gam' }).map((s) => s.meta.key), ['c-key']);
  });
});
