import assert from 'node:assert/strict';
import { checkReport } from '../../src/core/check/check-report';
import { parseArticle } from '../../src/core/corpus/article';
import { Corpus } from '../../src/core/corpus/corpus';
import { loadCorpusDirectory } from '../../src/core/corpus/node-corpus';
import { corpusDir, repoRoot } from './paths';
import { closestKeys, editDistance } from '../../src/core/check/citation-rules';
import { bbcNewsDir, loadArticles } from '../bench/bbc';

function corpusOf(articles: Record<string, string>): Corpus {
  const corpus = new Corpus();
  for (const [key, body] of Object.entries(articles)) corpus.upsert(parseArticle(`/c/${key}.md`, `---\nid: ${key}\ntitle: ${key}\n---\n${body}\n`, 'markdown'));
  return corpus;
}

const codes = (report: string, corpus: Corpus) => checkReport(report, { corpus }).map((f) => f.code);

describe('report checks', () => {
  const corpus = corpusOf({
    a: 'Officials said 40 tanks and 300 trucks crossed the river on Monday.\n\nThe mayor said the flood displaced about 2,000 residents.',
    b: 'The mayor said the flood displaced 5,000 residents.',
  });

  it('compares a figure with the source figure that counts the same thing', () => {
    assert.deepEqual(codes('Officials said 300 trucks crossed the river [@a].', corpus), []);
    assert.deepEqual(codes('Officials said 400 trucks crossed the river [@a].', corpus), ['figure-mismatch']);
    const [f] = checkReport('Officials said 40 trucks crossed the river [@a].', { corpus });
    assert.equal(f.code, 'figure-mismatch');
    assert.match(f.message, /Source says "300 trucks" \[@a, para\. 1\]/);
    assert.deepEqual(f.fixes.map((x) => x.newText), ['300']);
  });

  it('accepts approximations that overlap', () => {
    assert.deepEqual(codes('The flood displaced some 2,100 residents, the mayor said [@a].', corpus), []);
  });

  it('flags figures the cited source does not have at all', () => {
    assert.deepEqual(codes('Officials said the bridge was closed for 3 days [@a].', corpus), ['figure-unsupported']);
  });

  it('says when sources disagree on an uncited figure', () => {
    const [f] = checkReport('The mayor said the flood displaced 2,000 residents.', { corpus });
    assert.equal(f?.code, 'sources-disagree');
    assert.match(f.message, /"about 2,000 residents" \[@a, para\. 2\]; "5,000 residents" \[@b, para\. 1\]/);
  });

  it('checks quotations allowing quote styles, case and excerpts', () => {
    const q = corpusOf({ s: 'She said: “We will not leave the city, whatever it costs.”' });
    assert.deepEqual(codes('She said: "we will not leave the city" [@s].', q), []);
    assert.deepEqual(codes('She said: "We will stay in the city no matter what" [@s].', q), ['quote-mismatch']);
  });

  it('reports unknown keys with the closest keys as fixes, and paragraphs past the end', () => {
    const [unknown] = checkReport('Troops [@bb].', { corpus });
    assert.equal(unknown.code, 'unknown-source');
    assert.deepEqual(unknown.fixes.map((f) => f.newText).slice(0, 1), ['b']);
    assert.deepEqual(codes('Troops [@b, para. 9].', corpus), ['unknown-locator']);
  });

  it('suggests the same closest keys as comparing every key in full, among the keys of 2,225 BBC articles', () => {
    // The keys as a corpus of the BBC articles' headlines gives them; the unknown ones are slips of some, and words.
    const keys = [...new Set(loadArticles(bbcNewsDir(repoRoot)).map((text) => text.split(/\s+/).slice(0, 4).join('-').toLowerCase().replace(/[^a-z0-9-]/g, '')))];
    const everyKey = (key: string) =>
      keys
        .map((k) => ({ k, d: editDistance(key.toLowerCase(), k.toLowerCase()) - (k.includes(key) || key.includes(k) ? 2 : 0) }))
        .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
        .slice(0, 3)
        .map((x) => x.k);
    const unknown = [...keys.filter((_, i) => i % 150 === 0).flatMap((k) => [k.slice(1), `${k}s`, k.replace(/-/g, ''), k.toUpperCase()]), 'yukos', 'ipod', 'blair-election', 'x'];
    for (const key of unknown) assert.deepEqual(closestKeys(key, keys), everyKey(key), key);
  });

  it('ignores code, and the line after a grounded-ignore comment', () => {
    assert.deepEqual(codes('`400 trucks [@a]`\n\n```\nOfficials said 400 trucks crossed the river [@a].\n```\n', corpus), []);
    assert.deepEqual(codes('<!-- grounded-ignore -->\nOfficials said 400 trucks crossed the river [@a].\n', corpus), []);
  });

  it('turns a check off or changes its severity', () => {
    const report = 'Officials said 400 trucks crossed the river [@a].';
    assert.deepEqual(checkReport(report, { corpus }, { severity: { 'figure-mismatch': 'off' } }), []);
    assert.equal(checkReport(report, { corpus }, { severity: { 'figure-mismatch': 'error' } })[0].severity, 'error');
  });

  it('finds nothing wrong in the sample report', async () => {
    const { corpus: seeds } = await loadCorpusDirectory(corpusDir);
    const { readFileSync } = await import('node:fs');
    const report = readFileSync(`${corpusDir}/../test/fixtures/report.md`, 'utf8');
    const findings = checkReport(report, { corpus: seeds }).filter((f) => f.code !== 'sources-disagree');
    assert.deepEqual(findings.map((f) => `${f.code}: ${f.message}`), []);
  });
});
