import assert from 'node:assert/strict';
import { extractFigures } from '../../src/core/figures/extract';

const show = (text: string) => extractFigures(text).map((f) => `${f.kind}${f.unit ? `/${f.unit}` : ''} ${f.min === f.max ? f.min : `${f.min}..${f.max}`} "${f.text}"${f.counted.length ? ` {${f.counted.join(' ')}}` : ''}`);

describe('figure extraction', () => {
  const cases: Array<[string, string[]]> = [
    ['94,000 troops', ['count 94000 "94,000" {troops}']],
    ['94k troops', ['count 94000 "94k" {troops}']],
    ['1.5 million people', ['count 1500000 "1.5 million" {people}']],
    ['ninety-four thousand troops', ['count 94000 "ninety-four thousand" {troops}']],
    ['nine NATO members', ['count 9 "nine" {nato members}']],
    ['a dozen soldiers', ['count 12 "a dozen" {soldiers}']],
    ['$2.3bn in aid', ['money/USD 2300000000 "$2.3bn"']],
    ['5.65bn euros ($7.4bn; £3.9bn) of purchases', ['money/EUR 5650000000 "5.65bn euros"', 'money/USD 7400000000 "$7.4bn"', 'money/GBP 3900000000 "£3.9bn"']],
    ['rose 7.5% and 67.7 per cent', ['percent 7.5 "7.5%"', 'percent 67.7 "67.7 per cent"']],
    ['a 90-minute call', ['duration/minute 90 "90-minute"']],
    ['a two-hour discussion', ['duration/minute 120 "two-hour"']],
    ['it lasted an hour and a half', ['duration/minute 90 "an hour and a half"']],
    ['for three days', ['duration/minute 4320 "three days"']],
    ['on January 10', ['date/day 10 "January 10"']],
    ['on Jan. 10', ['date/day 10 "Jan. 10"']],
    ['on 10 January', ['date/day 10 "10 January"']],
    ['by end-January', ['date/day 20..31 "end-January"']],
    ['in early January', ['date/day 1..10 "early January"']],
    ['seized Crimea in 2014', ['year 2014 "2014"']],
    ['for the second time', ['ordinal 2 "second"']],
    ['the 3rd round', ['ordinal 3 "3rd"']],
    ['tens of thousands of troops', ['count 10000..99999 "tens of thousands" {troops}']],
    ['hundreds of protesters', ['count 200..999 "hundreds" {protesters}']],
    ['between 10 and 20 people', ['count 10..20 "10 and 20" {people}']],
    ['30-40 soldiers', ['count 30..40 "30-40" {soldiers}']],
    ['from 1996 to 2001', ['year 1996..2001 "1996 to 2001"']],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(show(text), expected));

  it('widens approximations and bounds', () => {
    const [over] = extractFigures('over 94,000 troops');
    assert.equal(over.text, 'over 94,000');
    assert.ok(over.min === 94000 && over.max > 94000 && over.max < 120000);
    const [nearly] = extractFigures('nearly 100,000');
    assert.ok(nearly.max === 100000 && nearly.min < 100000);
    const [about] = extractFigures('about 50 tanks');
    assert.ok(about.min < 50 && about.max > 50 && about.approximate);
  });

  it('leaves out what is not a figure to check', () => {
    for (const text of ['The 22-year-old Michalak', 'in the Second World War', 'see page 4 and para. 7', 'at 10:30am', 'one of the leaders', 'Novartis shares', 'They may agree']) {
      assert.deepEqual(show(text), [], text);
    }
  });
});
