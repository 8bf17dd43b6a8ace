import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../../src/core/corpus/article';
import { Corpus } from '../../src/core/corpus/corpus';
import { checkReport } from '../../src/core/check/check-report';
import { locatedPassages, locatorOf } from '../../src/core/corpus/locators';
import { parseLocator } from '../../src/core/citations';
import { locateQuotation } from '../../src/core/quotes';
import { repoRoot } from './paths';

// Real BBC News articles as the BBC data set holds them: a headline run into the body, no breaks.
const fixture = (name: string) => readFileSync(join(repoRoot, 'test', 'fixtures', 'unbroken', `${name}.txt`), 'utf8');

describe('texts with no paragraph breaks', () => {
  const christmas = parseArticle('/c/christmas.txt', fixture('mixed-christmas-for-us-retailers'), 'text');

  it('splits off a headline that runs into the first sentence', () => {
    assert.equal(christmas.meta.title, 'Mixed Christmas for US retailers');
    assert.ok(christmas.paragraphs[0].text.startsWith('US retailers posted mixed results for December'), christmas.paragraphs[0].text);
    assert.equal(parseArticle('/c/n.txt', fixture('novartis-hits-acquisition-trail'), 'text').meta.title, 'Novartis hits acquisition trail');
    assert.equal(parseArticle('/c/l.txt', fixture('laura-ashley-chief'), 'text').meta.title, 'Laura Ashley chief stepping down');
  });

  it('cuts the text into sentence passages whose offsets are the file’s', () => {
    const text = fixture('mixed-christmas-for-us-retailers');
    assert.ok(christmas.paragraphs.length >= 15, `${christmas.paragraphs.length} passages`);
    for (const p of christmas.paragraphs) assert.equal(text.slice(p.start, p.end), p.text);
    // A passage holds more than one sentence only when a quotation goes on over them.
    const single = christmas.paragraphs.filter((p) => p.sentences.length === 1).length;
    assert.ok(single >= christmas.paragraphs.length - 3, `${single} of ${christmas.paragraphs.length} one sentence`);
    const wal = christmas.paragraphs.find((p) => p.text.startsWith('But Wal-Mart only saw its sales rise'));
    assert.equal(wal?.text, 'But Wal-Mart only saw its sales rise after it cut prices.');
  });

  it('keeps a quotation of several sentences in one passage', () => {
    const sella = parseArticle('/c/sella.txt', 'Sella wants Michalak recall Former France centre Philippe Sella believes coach Bernard Laporte must recall Frederic Michalak. Sella admitted he had been impressed. But he told BBC Sport: "Michalak is the answer both now and for the future. Delaigue deserved his chance but the time has come to bring back Michalak. "He does have weaknesses but has the all-round game to upset Ireland." The 22-year-old Michalak has spent much of the tournament on the bench.', 'text');
    const quoted = sella.paragraphs.find((p) => p.text.includes('Michalak is the answer'));
    assert.ok(quoted?.text.endsWith('upset Ireland."'), quoted?.text);
    const corpus = new Corpus();
    corpus.upsert(sella);
    assert.equal(locateQuotation('Michalak is the answer both now and for the future. Delaigue deserved his chance', corpus.all()).length, 1);
  });

  it('cites an unbroken text without a locator, and reads no paragraph numbers into one', () => {
    const corpus = new Corpus();
    corpus.upsert(christmas);
    const [source] = corpus.all();
    assert.equal(source.locators, 'none');
    assert.equal(locatorOf(source, source.paragraphs[3]), undefined);
    const para = parseLocator('para. 3', 0, 7);
    assert.equal(locatedPassages(source, para), undefined);
  });

  it('names no locator in the findings and fixes of a check against an unbroken text', () => {
    const corpus = new Corpus();
    corpus.upsert(christmas);
    const key = corpus.all()[0].meta.key;
    const [quote] = checkReport(`Analysts said Wal-Mart faced "a stand-off with its customers" [@${key}].`, { corpus });
    assert.equal(quote?.code, 'quote-mismatch');
    assert.match(quote.message, new RegExp(`Closest wording \\[@${key}\\]: `));
    assert.equal(quote.source?.locator, undefined);
    assert.ok(quote.source?.paragraph, 'the finding still says which passage');
    const [figure] = checkReport(`The company saw a 9% rise in December sales [@${key}].`, { corpus });
    assert.equal(figure?.code, 'figure-mismatch');
    assert.match(figure.message, new RegExp(`^Source says "3% rise" \\[@${key}\\], not "9%"\\.$`));
    // An unbroken text and a text with paragraphs disagree on an uncited figure: each is cited as it can be.
    corpus.upsert(parseArticle('/c/other.txt', 'Wal-Mart sales fell short\n\nUS retailer Wal-Mart saw a 5% rise in December sales, less than the 4.3% rise seen a year earlier.\n', 'text'));
    const disagree = checkReport('Wal-Mart saw a 4% rise in December sales, less than the 4.3% rise seen a year earlier.', { corpus }).find((f) => f.code === 'sources-disagree');
    assert.ok(disagree, 'the sources disagree');
    assert.match(disagree.message, new RegExp(`"3% rise" \\[@${key}\\]; "5% rise" \\[@[\\w-]+, para\\. 1\\]`));
    assert.deepEqual(disagree.fixes.map((f) => f.newText.replace(/@[\w-]+/, '@k')), [' [@k]', ' [@k, para. 1]']);
  });

  it('still numbers the paragraphs of a text that has them', () => {
    const text = 'Headline of the story\n\nThe first paragraph says one thing. It says it twice. And three times. Four.\n\nThe second paragraph says another.\n';
    const article = parseArticle('/c/p.txt', text, 'text');
    assert.equal(article.locators, undefined);
    const corpus = new Corpus();
    corpus.upsert(article);
    const [source] = corpus.all();
    assert.equal(locatorOf(source, source.paragraphs[1]), 'para. 2');
    assert.deepEqual(locatedPassages(source, parseLocator('para. 2', 0, 7))?.map((p) => p.index), [2]);
  });

  it('leaves an ordinary first sentence whole', () => {
    const text = 'Shares in the company rose after Apple announced record profits for the third quarter of the year. Analysts had expected less. The results beat forecasts. Apple said demand was strong. Its shares rose 5%.';
    const article = parseArticle('/c/a.txt', text, 'text');
    assert.ok(article.paragraphs[0].text.startsWith('Shares in the company rose'), article.paragraphs[0].text);
  });
});
