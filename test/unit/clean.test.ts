import assert from 'node:assert/strict';
import { boilerplateReason, cleanBlocks, isTitleLike } from '../../src/core/corpus/clean';
import { parseArticle } from '../../src/core/corpus/article';

function article(text: string) {
  return parseArticle('mem://a.txt', text, 'text');
}

describe('cleaning scraped articles', () => {
  const boilerplate = ['[ad_1]', '[ad_2]', 'Header Ads', 'Header ADS', 'Powered by Blogger.', 'Powered by Blogger', 'Source link', 'Related Articles', 'Back to top button', 'Advertisement', 'Share this article'];
  for (const line of boilerplate) {
    it(`recognises "${line}" as boilerplate`, () => assert.ok(boilerplateReason(line)));
  }

  it('keeps prose that merely mentions those words', () => {
    assert.equal(boilerplateReason('The related articles were published by Blogger in 2014.'), undefined);
    assert.equal(boilerplateReason('Source link analysis showed the claim was false.'), undefined);
  });

  it('tells headlines from prose', () => {
    assert.ok(isTitleLike('US And Russia Agree To Hold Talks On Jan 10 Amid Growing Tensions Over Ukraine'));
    assert.ok(!isTitleLike('Russia has deployed tens of thousands of troops to its border with Ukraine.'));
    assert.ok(!isTitleLike('vladimir putin'));
  });

  it('takes the headline and drops labels, ad markers and captions before the body', () => {
    const a = article('World News\n\nBiden talks with Ukrainian President over Russian tensions\n\n[ad_1]\n\nUS President Joe Biden has spoken with his Ukrainian counterpart.\nIt was a long call.\n');
    assert.equal(a.meta.title, 'Biden talks with Ukrainian President over Russian tensions');
    assert.deepEqual(a.paragraphs.map((p) => p.text), ['US President Joe Biden has spoken with his Ukrainian counterpart.', 'It was a long call.']);
    assert.deepEqual(a.removed.map((r) => r.text), ['World News', '[ad_1]']);
  });

  it('drops a trailing list of unrelated headlines and footer furniture', () => {
    const a = article('Troops massed at the border on Monday.\nOfficials said talks would follow.\n\n[ad_2]\nSource link\nRelated Articles\nBack to top button\n\nSalvador Nasralla Challenges Honduras Election Results Amid Fraud Allegations\nU.S. Lifts Sanctions on Three Intellexa-Linked Executives Amid Spyware Controversy\nTrump and Lula Discuss Trade, Sanctions, and Security in “Productive” Phone Call\n');
    assert.deepEqual(a.paragraphs.map((p) => p.text), ['Troops massed at the border on Monday.', 'Officials said talks would follow.']);
    assert.equal(a.removed.length, 7);
  });

  it('keeps a sentence that introduces a list, and the number of each item with its item', () => {
    const md = parseArticle('mem://e.md', '---\nid: e\ntitle: Plans\n---\nAdditionally, we have three pricing plans tailored to suit your needs:\n\n1. Basic Plan: $300/month - Covers real-time monitoring and lighting control.\n2. Premium Plan: $600/month - Includes HVAC optimization in addition to Basic Plan features.\n3. Elite Plan: $900/month - Incorporates full suite of features.\n', 'markdown');
    assert.equal(md.paragraphs[0].text, 'Additionally, we have three pricing plans tailored to suit your needs:');
    assert.deepEqual(md.removed, []);
    const items = md.paragraphs.flatMap((p) => p.sentences.map((s) => s.text));
    assert.ok(items.every((s) => !/^\d+\.$/.test(s)), items.join(' | '));
    assert.ok(items.includes('2. Premium Plan: $600/month - Includes HVAC optimization in addition to Basic Plan features.'), items.join(' | '));
  });

  it('keeps a subheading inside the article', () => {
    const r = cleanBlocks([
      { text: 'First paragraph of the article.', start: 0, end: 1 },
      { text: 'Americans Voice Their Concerns', start: 2, end: 3 },
      { text: 'Second paragraph of the article.', start: 4, end: 5 },
    ]);
    assert.equal(r.body.length, 3);
  });

  it('keeps every paragraph offset pointing at its own text in the file', () => {
    const text = 'Header Ads\r\n\r\nA headline about talks\r\n\r\nThe first paragraph.\r\nThe second paragraph, with “quotes”.\r\n\r\nPowered by Blogger.';
    const a = article(text);
    assert.equal(a.paragraphs.length, 2);
    for (const p of a.paragraphs) {
      assert.equal(text.slice(p.start, p.end), p.text);
      for (const s of p.sentences) assert.equal(p.text.slice(s.start, s.end), s.text);
    }
  });

  it('joins hard-wrapped lines into paragraphs at blank lines', () => {
    const text = 'The first paragraph is wrapped\nover two lines.\n\nThe second one is wrapped\nas well, like e-mail.\n';
    const a = article(text);
    assert.deepEqual(a.paragraphs.map((p) => p.text), ['The first paragraph is wrapped over two lines.', 'The second one is wrapped as well, like e-mail.']);
    assert.equal(text.slice(a.paragraphs[0].start, a.paragraphs[0].end), 'The first paragraph is wrapped\nover two lines.');
  });
});
