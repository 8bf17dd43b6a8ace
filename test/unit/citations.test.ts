import assert from 'node:assert/strict';
import { citationContextAt, codeRanges, formatKey, isValidBareKey, parseCitations } from '../../src/core/citations';

const keys = (md: string) => parseCitations(md).flatMap((c) => c.items.map((i) => i.key));

describe('citation parser', () => {
  it('returns every key with offsets that point at it', () => {
    const md = 'A [see @a, para. 2; -@b] and @c [p. 3] and @{d}.';
    const citations = parseCitations(md);
    assert.deepEqual(citations.map((c) => c.kind), ['bracketed', 'in-text', 'in-text']);
    for (const item of citations.flatMap((c) => c.items)) assert.equal(md.slice(item.keyStart, item.keyEnd), item.key);
    assert.equal(md.slice(citations[0].start, citations[0].end), '[see @a, para. 2; -@b]');
    assert.equal(md.slice(citations[1].start, citations[1].end), '@c [p. 3]');
  });

  it('reads prefixes, suffixes, suppressed authors and locators', () => {
    const [c] = parseCitations('[see @a, para. 2; -@b, paras. 4-5]');
    const [a, b] = c.items;
    assert.equal(a.prefix, 'see');
    assert.equal(a.suffix, ', para. 2');
    assert.deepEqual([a.locator?.label, a.locator?.value, a.locator?.from, a.locator?.to], ['para.', '2', 2, undefined]);
    assert.equal(b.suppressAuthor, true);
    assert.deepEqual([b.locator?.label, b.locator?.from, b.locator?.to], ['paras.', 4, 5]);
  });

  it('reads locator ranges with en dashes and double hyphens, and bare numbers as pages', () => {
    const md = '[@a, pp. 33–35] [@b, 12--14] [@c, 7] [@d, chap. 1] [@e, ¶ 3]';
    const locs = parseCitations(md).map((c) => c.items[0].locator);
    assert.deepEqual(locs.map((l) => [l?.label, l?.from, l?.to]), [['pp.', 33, 35], ['p.', 12, 14], ['p.', 7, undefined], ['chap.', 1, undefined], ['¶', 3, undefined]]);
    for (const l of locs) assert.equal(md.slice(l!.start, l!.end), l!.value);
  });

  it('leaves out code, comments, e-mail addresses and escaped @', () => {
    assert.deepEqual(keys('`[@a]` ``@b`` <!-- @c --> john@example.com \\@d @e'), ['e']);
    assert.deepEqual(keys('```md\n[@a]\n```\n\n    [@b]\n\n[@c]'), ['c']);
  });

  it('does not take a trailing full stop or colon into the key', () => {
    assert.deepEqual(keys('As @doe99. said @smith:2020: yes'), ['doe99', 'smith:2020']);
  });

  it('handles CRLF line endings and non-ASCII keys', () => {
    const md = 'One [@müller, para. 1].\r\nTwo @łódź2020.\r\n';
    assert.deepEqual(keys(md), ['müller', 'łódź2020']);
  });

  it('survives unbalanced and nested brackets', () => {
    assert.deepEqual(keys('[[@a] and [@b'), ['a', 'b']);
    assert.deepEqual(keys(']]]] [@a]]] [[['), ['a']);
  });

  it('parses a 1 MB line and a 10,000-line report quickly, without throwing', () => {
    const line = '[@a, para. 1] ['.repeat(70_000);
    let t = Date.now();
    assert.equal(parseCitations(line).length > 0, true);
    assert.ok(Date.now() - t < 3000, `1 MB line took ${Date.now() - t} ms`);
    const report = Array.from({ length: 10_000 }, (_, i) => `Line ${i} says 94,000 troops [@k${i % 7}, para. ${i % 9}].`).join('\n');
    t = Date.now();
    assert.equal(parseCitations(report).length, 10_000);
    assert.ok(Date.now() - t < 3000, `10,000 lines took ${Date.now() - t} ms`);
  });

  it('knows which keys need braces', () => {
    assert.ok(isValidBareKey('us-russia-talks-jan10'));
    assert.ok(!isValidBareKey('a b'));
    assert.ok(!isValidBareKey('trailing.'));
    assert.equal(formatKey('a b'), '@{a b}');
    assert.equal(formatKey('doe:2020'), '@doe:2020');
  });

  it('finds code ranges, front matter included', () => {
    const md = '---\ntitle: x\n---\ntext `code` more\n```\nblock\n```\n';
    assert.deepEqual(codeRanges(md).map((r) => md.slice(r.start, r.end)), ['---\ntitle: x\n---', '`code`', '```\nblock\n```']);
  });
});

describe('citation context for completion', () => {
  const at = (md: string) => citationContextAt(md.replace('|', ''), md.indexOf('|'));

  it('offers keys after [@, ; @ and a word-initial @', () => {
    assert.deepEqual(at('Troops [@|'), { kind: 'key', start: 9, typed: '' });
    assert.deepEqual(at('Troops [@pu|'), { kind: 'key', start: 9, typed: 'pu' });
    assert.deepEqual(at('[@a; @|'), { kind: 'key', start: 6, typed: '' });
    assert.deepEqual(at('as @doe|'), { kind: 'key', start: 4, typed: 'doe' });
  });

  it('offers paragraphs after [@key, and [@key, para. ', () => {
    assert.deepEqual(at('x [@putin-biden-talks, |'), { kind: 'locator', key: 'putin-biden-talks', start: 23, typed: '' });
    assert.deepEqual(at('x [@putin-biden-talks, para. |'), { kind: 'locator', key: 'putin-biden-talks', start: 23, typed: 'para. ' });
  });

  it('offers nothing in e-mail addresses, code or plain text', () => {
    assert.equal(at('mail john@|'), undefined);
    assert.equal(at('`x [@|`'), undefined);
    assert.equal(at('```\n[@|\n```'), undefined);
    assert.equal(at('plain text|'), undefined);
  });
});
