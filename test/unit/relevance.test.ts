import assert from 'node:assert/strict';
import { bibliographyJson, toCslItem } from '../../src/core/bibliography';
import { loadCorpusDirectory } from '../../src/core/corpus/node-corpus';
import type { Source } from '../../src/core/model';
import { rankParagraphs, rankSources, sharedWords } from '../../src/core/search/relevance';
import { SearchIndex } from '../../src/core/search/search-index';
import { join } from 'node:path';
import { corpusDir, repoRoot } from './paths';

describe('ranking sources by the sentence being written', () => {
  let sources: Source[];
  let index: SearchIndex;
  before(async () => {
    sources = (await loadCorpusDirectory(corpusDir)).sources;
    index = new SearchIndex(sources);
  });

  const first = (sentence: string) => rankSources(index, sources, sentence)[0].source.meta.key;

  it('puts the source that backs the claim first', () => {
    assert.equal(first('US intelligence warned of an offensive involving 175,000 troops'), 'biden-zelenskyy-call');
    assert.equal(first('Zelensky told parliament he was not afraid of a direct dialogue with Russia'), 'zelensky-direct-talks');
    assert.equal(first('Blinken said Russia was still moving critical units toward the border'), 'putin-nato-scholz');
    assert.equal(first('Russian officials will meet the Americans in Geneva'), 'putin-biden-talks');
  });

  it('puts the sources the sentence reaches first, and those it reaches not at all after them in corpus order', async () => {
    const more = [...sources, ...(await loadCorpusDirectory(join(repoRoot, 'test', 'fixtures', 'unbroken'))).sources];
    const wide = new SearchIndex(more);
    const ranked = rankSources(wide, more, 'Laura Ashley is parting company with its chief executive');
    assert.equal(ranked[0].source.meta.key, 'laura-ashley-chief-stepping');
    assert.equal(ranked.length, more.length);
    const untouched = ranked.findIndex((r) => !r.best && r.score === 0);
    assert.ok(untouched > 0, 'some sources share no word with the sentence');
    const tail = ranked.slice(untouched);
    assert.ok(tail.every((r) => !r.best), 'a source the search found comes after one it did not');
    assert.deepEqual(tail.map((r) => r.source.meta.key), more.filter((s) => tail.some((r) => r.source === s)).map((s) => s.meta.key));
  });

  it('returns every source, keeping the order of those that match nothing', () => {
    const ranked = rankSources(index, sources, '');
    assert.deepEqual(ranked.map((r) => r.source.meta.key), sources.map((s) => s.meta.key));
  });

  it('orders the paragraphs of a source by the same relevance', () => {
    const source = sources.find((s) => s.meta.key === 'biden-zelenskyy-call')!;
    const [top] = rankParagraphs(index, source, 'Zelenskyy said he had a 90-minute conversation with Biden');
    assert.equal(top.paragraph.index, 3);
  });

  it('marks the words and figures a passage shares with the sentence', () => {
    const passage = 'The Russian buildup of over 94,000 troops along the border';
    const words = sharedWords(passage, 'the build-up was 94,000 troops').map((r) => passage.slice(r.start, r.end));
    assert.deepEqual(words, ['94,000', 'troops']);
  });
});

describe('CSL-JSON bibliography', () => {
  const source: Source = {
    meta: { key: 'smith-border', title: 'Troops at the border', publisher: 'The Daily', issued: '2021-12-09', url: 'https://example.org/a', authors: ['Jane Smith', 'Reuters'] },
    location: '/c/a.md',
    format: 'markdown',
    paragraphs: [],
  };

  it('writes the fields pandoc reads from what the article says', () => {
    assert.deepEqual(toCslItem(source), {
      type: 'article-newspaper',
      id: 'smith-border',
      title: 'Troops at the border',
      'container-title': 'The Daily',
      URL: 'https://example.org/a',
      issued: { 'date-parts': [[2021, 12, 9]] },
      author: [{ given: 'Jane', family: 'Smith' }, { literal: 'Reuters' }],
    });
  });

  it("keeps the writer's own item and drops Grounded's file field", () => {
    const item = toCslItem(source, { id: 'old', type: 'webpage', title: 'Own title', file: 'a.md', note: 'kept' });
    assert.equal(item.id, 'smith-border');
    assert.equal(item.type, 'webpage');
    assert.equal(item.title, 'Own title');
    assert.equal(item.note, 'kept');
    assert.ok(!('file' in item));
    assert.deepEqual(JSON.parse(bibliographyJson([item])), [item]);
  });
});
