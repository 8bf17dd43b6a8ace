import assert from 'node:assert/strict';
import fc from 'fast-check';
import { codeRanges, parseCitations } from '../../src/core/citations';
import { citationRefIn, planInsertions, type Insertion, type InsertOptions } from '../../src/core/citation-insert';

const KNOWN = new Set(['putin-biden-talks', 'putin-nato-scholz', 'a', 'b', 'c']);
const known: InsertOptions = { isKnownKey: (key) => KNOWN.has(key) };

/**
 * Applies the plan to `marked`, where `|` marks each cursor and `«…»` a selection, and returns
 * the text with `|` at each cursor after the edits.
 */
function insert(marked: string, insertion: Insertion, options: InsertOptions = known): string {
  const selections: Array<{ start: number; end: number }> = [];
  let text = '';
  let selectionStart = -1;
  for (const c of marked) {
    if (c === '|') selections.push({ start: text.length, end: text.length });
    else if (c === '«') selectionStart = text.length;
    else if (c === '»') selections.push({ start: selectionStart, end: text.length });
    else text += c;
  }
  const plan = planInsertions(text, selections, insertion, options);
  let out = text;
  for (const edit of [...plan.edits].reverse()) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  for (const cursor of [...plan.cursors].sort((a, b) => b - a)) out = `${out.slice(0, cursor)}|${out.slice(cursor)}`;
  return out;
}

const cite = (key: string, locator?: string): Insertion => ({ cite: { key, locator } });

describe('citation insertion', () => {
  it('adds a source to the citation the cursor is in, whether in its key, its locator or just after its ]', () => {
    const want = 'troops [@putin-biden-talks, para. 7; @putin-nato-scholz, para. 8]|.';
    assert.equal(insert('troops [@putin-bi|den-talks, para. 7].', cite('putin-nato-scholz', 'para. 8')), want);
    assert.equal(insert('troops [@putin-biden-talks, pa|ra. 7].', cite('putin-nato-scholz', 'para. 8')), want);
    assert.equal(insert('troops [@putin-biden-talks, para. 7|].', cite('putin-nato-scholz', 'para. 8')), want);
    assert.equal(insert('troops [@putin-biden-talks, para. 7]|.', cite('putin-nato-scholz', 'para. 8')), want);
    assert.equal(insert('troops |[@putin-biden-talks, para. 7].', cite('putin-nato-scholz', 'para. 8')), want);
  });

  it('adds another paragraph of the same source as another item, and gives a bare citation its locator', () => {
    // The case: the preview followed the cursor into the citation and inserted para. 6 of the same source.
    assert.equal(insert('[@putin-biden|-talks, para. 7]', cite('putin-biden-talks', 'para. 6')), '[@putin-biden-talks, para. 7; @putin-biden-talks, para. 6]|');
    // The search case: Enter with the cursor in a bare key.
    assert.equal(insert('[@puti|n-nato-scholz]', cite('putin-nato-scholz', 'para. 8')), '[@putin-nato-scholz, para. 8]|');
    // Already cited there: nothing changes, the cursor goes after the citation.
    assert.equal(insert('[@a, para. 2|; @b]', cite('a', 'para. 2')), '[@a, para. 2; @b]|');
    assert.equal(insert('[@a|]', cite('a')), '[@a]|');
  });

  it('adds after the item the cursor is in, and keeps prefixes, suffixes and suppressed authors', () => {
    assert.equal(insert('[see @a, para. 2|; -@b, p. 4]', cite('c', 'para. 1')), '[see @a, para. 2; @c, para. 1; -@b, p. 4]|');
    assert.equal(insert('[see @a; -@b, p. 4|]', cite('c')), '[see @a; -@b, p. 4; @c]|');
  });

  it('replaces the item at the cursor when the command says so, or when its key is no source’s (being typed)', () => {
    const replace: InsertOptions = { ...known, mode: 'replace' };
    assert.equal(insert('[@putin-biden-talks, para. |7]', cite('putin-biden-talks', 'para. 6'), replace), '[@putin-biden-talks, para. 6]|');
    assert.equal(insert('[see @a, para. 2; -@|b, p. 4] more', cite('c', 'para. 1'), replace), '[see @a, para. 2; -@c, para. 1]| more');
    assert.equal(insert('As @a| [p. 3] says', cite('b', 'para. 5'), replace), 'As @b [para. 5]| says');
    assert.equal(insert('[@a, para. 2; @puti|]', cite('putin-nato-scholz', 'para. 8')), '[@a, para. 2; @putin-nato-scholz, para. 8]|');
  });

  it('completes a citation being typed: [@ with or without its ], and a key no source has', () => {
    assert.equal(insert('troops [@|]', cite('a', 'para. 2')), 'troops [@a, para. 2]|');
    assert.equal(insert('troops [@pu|]', cite('putin-biden-talks', 'para. 2')), 'troops [@putin-biden-talks, para. 2]|');
    assert.equal(insert('troops [@pu|', cite('putin-biden-talks')), 'troops [@putin-biden-talks]|');
    assert.equal(insert('troops [@pu|].', { text: '“words”', cite: { key: 'a' } }), 'troops “words” [@a]|.');
    assert.equal(insert('troops [@]|', cite('a')), 'troops [@a]|');
    assert.equal(insert('troops |[@] and', cite('a')), 'troops [@a]| and');
  });

  it('puts a quotation or a figure after the citation the cursor is in, never into it', () => {
    const quotation: Insertion = { text: '“critical units”', cite: { key: 'putin-nato-scholz', locator: 'para. 8' } };
    assert.equal(insert('units [@putin-biden-talks, pa|ra. 7].', quotation), 'units [@putin-biden-talks, para. 7] “critical units” [@putin-nato-scholz, para. 8]|.');
    assert.equal(insert('units [@putin-biden-talks]|', quotation), 'units [@putin-biden-talks] “critical units” [@putin-nato-scholz, para. 8]|');
  });

  it('puts what it inserts at the edge of the word the cursor is in, spaced from words', () => {
    assert.equal(insert('Ukr|aine’s defence', cite('a')), 'Ukraine’s [@a]| defence');
    assert.equal(insert('over 94,|000 troops', cite('a')), 'over 94,000 [@a]| troops');
    assert.equal(insert('troops|.', cite('a')), 'troops [@a]|.');
    assert.equal(insert('|Russia massed', { text: '100,000', cite: { key: 'a', locator: 'para. 2' } }), '100,000 [@a, para. 2]| Russia massed');
    assert.equal(insert('(|)', cite('a')), '([@a]|)');
  });

  it('puts a citation for a sentence before its full stop, into the citation already there', () => {
    assert.equal(insert('massed troops.| Next', cite('a')), 'massed troops [@a]|. Next');
    assert.equal(insert('January 10 [@putin-biden-talks].|', cite('b', 'para. 2')), 'January 10 [@putin-biden-talks; @b, para. 2]|.');
    // Not after an abbreviation, and not for a quotation (prose that follows the sentence).
    assert.equal(insert('said the U.S.|', cite('a')), 'said the U.S. [@a]|');
    assert.equal(insert('troops.|', { text: '“More.”', cite: { key: 'a' } }), 'troops. “More.” [@a]|');
  });

  it('puts a citation inside a link, or other brackets that are no citation, after them', () => {
    assert.equal(insert('as [Reuters rep|orted](https://example.com/a(1)) on', cite('a')), 'as [Reuters reported](https://example.com/a(1)) [@a]| on');
    assert.equal(insert('as [Reuters](https://exa|mple.com) on', cite('a')), 'as [Reuters](https://example.com) [@a]| on');
    assert.equal(insert('the [fi|ve] of [@b]', cite('a')), 'the [five] [@a]| of [@b]');
    // Found by the property test: a link reference's text holding in-text citations, and a fragment after it.
    assert.equal(insert('[|see @c, p. 3; -@a]|[@]', cite('b')), '[see @c, p. 3; -@a] [@b]| [@b]|');
  });

  it('replaces a selection outside citations, and acts at the citation when a selection cuts into one', () => {
    assert.equal(insert('massed «120,000» troops', { text: 'over 94,000', cite: { key: 'a', locator: 'para. 7' } }), 'massed over 94,000 [@a, para. 7]| troops');
    assert.equal(insert('see «[@b]» here', cite('a')), 'see [@a]| here');
    assert.equal(insert('see [@«b]» here', cite('a')), 'see [@b; @a]| here');
  });

  it('inserts at every cursor as one plan, once per citation however many cursors are in it', () => {
    assert.equal(insert('One| and two|.', cite('a')), 'One [@a]| and two [@a]|.');
    assert.equal(insert('[@|b] and [@c|]', cite('a')), '[@b; @a]| and [@c; @a]|');
    assert.equal(insert('[@|b; @c|]', cite('a')), '[@b; @a; @c]||');
  });

  it('reads the source a quick fix cites, when its text is one citation of one source', () => {
    assert.deepEqual(citationRefIn(' [@a, para. 7]'), { key: 'a', locator: 'para. 7' });
    assert.deepEqual(citationRefIn('[@{Smith 2020}]'), { key: 'Smith 2020' });
    for (const text of ['300', '[@a; @b]', '[see @a]', 'x [@a]', '@a']) assert.equal(citationRefIn(text), undefined, text);
  });

  it('writes keys that need braces in braces', () => {
    assert.equal(insert('Text|', cite('Smith 2020', 'p. 3')), 'Text [@{Smith 2020}, p. 3]|');
  });

  it('never splits a citation: every citation before stays whole, and the new source is cited once more', () => {
    const keys = ['a', 'b', 'c', 'putin-biden-talks'];
    const piece = fc.constantFrom('[@a, para. 7]', '[@b]', '[see @c, p. 3; -@a]', '@b [p. 2]', ' ', 'Troops', '94,000', '.', '\n', '“said”', '[@]', '[@pu', '[Reuters](https://x.org/a)', '[sic]', '`[@b]`');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.constantFrom(...keys), fc.boolean(), fc.constantFrom<'add' | 'replace'>('add', 'replace'), (pieces, cursorSeeds, key, withText, mode) => {
        const text = pieces.join('');
        const selections = cursorSeeds.map((n) => ({ start: n % (text.length + 1), end: n % (text.length + 1) }));
        const insertion: Insertion = { cite: { key: 'putin-nato-scholz', locator: 'para. 8' }, text: withText ? '“words”' : undefined };
        const plan = planInsertions(text, selections, insertion, { mode, isKnownKey: (k) => k === key || keys.includes(k) });
        let out = text;
        for (let i = 1; i < plan.edits.length; i++) assert.ok(plan.edits[i].start >= plan.edits[i - 1].end, 'edits overlap');
        for (const edit of [...plan.edits].reverse()) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
        const count = (t: string, k: string) => parseCitations(t).flatMap((c) => c.items).filter((i) => i.key === k).length;
        // (In code, as after four spaces, a citation is text: the writer's cursor put it there.)
        const cited = parseCitations(out).some((c) => c.items.some((i) => i.key === 'putin-nato-scholz' && i.locator?.value === '8'));
        assert.ok(cited || codeRanges(out).length > 0, `no whole citation of the new source in ${JSON.stringify(out)}`);
        // Adding keeps every source cited; replacing takes away at most one item an edit.
        const lost = keys.reduce((n, k) => n + Math.max(0, count(text, k) - count(out, k)), 0);
        assert.ok(lost <= (mode === 'replace' ? plan.edits.length : 0), `${lost} citation items lost: ${JSON.stringify(text)} became ${JSON.stringify(out)}`);
        for (const cursor of plan.cursors) assert.ok(cursor >= 0 && cursor <= out.length);
      }),
      { numRuns: Number(process.env.GROUNDED_PROPERTY_RUNS ?? 400) },
    );
  });
});
