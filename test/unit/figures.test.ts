import assert from 'node:assert/strict';
import { join } from 'node:path';
import { extractFigures, extractLabels } from '../../src/core/figures/extract';
import { scoreExtraction } from '../eval/figure-extraction';
import { repoRoot } from './paths';

const show = (text: string) =>
  extractFigures(text).map((f) => `${f.kind}${f.unit ? `/${f.unit}` : ''} ${f.min === f.max ? f.min : `${f.min}..${f.max}`} "${f.text}"${f.counted.length ? ` {${f.counted.join(' ')}}` : ''}`);
const kinds = (text: string) => extractFigures(text).map((f) => `${f.kind} "${f.text}"`);

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
    ['for the second time', ['ordinal 2 "second" {time}']],
    ['the 3rd round', ['ordinal 3 "3rd" {round}']],
    ['tens of thousands of troops', ['count 10000..100000 "tens of thousands" {troops}']],
    ['hundreds of protesters', ['count 200..1000 "hundreds" {protesters}']],
    ['between 10 and 20 people', ['count 10..20 "10 and 20" {people}']],
    ['30-40 soldiers', ['count 30..40 "30-40" {soldiers}']],
    ['from 1996 to 2001', ['year 1996..2001 "1996 to 2001"']],
    // Real summary sentences (SummEdits): a coordinated "one" insists as the first does; "one-time" counts times; "a three" is a mark.
    ['goes over only one health and one life insurance plan', ['count 1 "one" {health}', 'count 1 "one" {life insurance plan}']],
    ['a one-time consultation', ['count 1 "one" {time consultation}']],
    ['they rated the remote control a "three" for the type of market', ['count/mark 3 "three"']],
    // As earnings calls say it: basis points are hundredths of a percentage point; "a year ago" is the base of a comparison, no rate and no length of time.
    ['Gross margin expanded 150 basis points to 42.5%', ['percent/point 1.5 "150 basis points"', 'percent 42.5 "42.5%"']],
    ['a 25bp rate cut', ['percent/point 0.25 "25bp" {rate cut}']],
    ['EPS came in at $0.52, up from $0.45 a year ago', ['money/USD 0.52 "$0.52"', 'money/USD 0.45 "$0.45"']],
    ['diluted EPS of $1.05 versus $0.98', ['money/USD 1.05 "$1.05"', 'money/USD 0.98 "$0.98"']],
    ['profits rose in the second half of the year', ['ordinal/half 2 "second half"']],
    // A number inside a number is none: "£50,000 in 2014" holds no share "000 in 2014".
    ['He earned £50,000 in 2014', ['money/GBP 50000 "£50,000"', 'year 2014 "2014"']],
    ['over a thousand people', ['count 1000..1250 "over a thousand" {people}']],
    ['Half a million homes lost power', ['count 500000 "Half a million" {homes lost power}']],
    ['a quarter of a million', ['count 250000 "a quarter of a million"']],
    ['half a million pounds', ['money/GBP 500000 "half a million pounds"']],
    ['Borrowing costs are tipped to rise by a quarter of a percentage point to 2.25%', ['percent/point 0.25 "a quarter of a percentage point"', 'percent 2.25 "2.25%"']],
    ['and the product costs will be twelve Euros and fifty centimes', ['money/EUR 12.5 "twelve Euros and fifty centimes"']],
    ['It costs £5 and 20p a go', ['money/GBP 5.2 "£5 and 20p"']],
    ['the firm will pay $76 for each Guidant share', ['money/USD 76 "$76 for each Guidant share"']],
    ['A Fool Such As I would become the 1,001st number one single', ['ordinal 1001 "1,001st" {number one single}']],
    ['We returned $1.5B to shareholders, and a bare 3b is no figure', ['money/USD 1500000000 "$1.5B"']],
    ['3Q24 revenue rose, and FY25 guidance was cut in 2H', ['ordinal/quarter 3 "3Q"', 'year 2024 "24"', 'year 2025 "FY25"', 'ordinal/half 2 "2H"']],
    ['Slovakia will play Argentina after beating Group B rivals the Netherlands 3-0.', ['score 3000 "3-0"']],
    ['Q3 same store sales up 4.1 pct', ['ordinal/quarter 3 "Q3" {same store sales}', 'percent 4.1 "4.1 pct"']],
    // Where a figure went is no bound; "two quarters" of a year are periods, "three quarters of" a share.
    ['GDP growth two quarters ahead edged up to 102.5', ['count 2 "two" {quarters ahead}', 'count 102.5 "102.5"']],
    ['three quarters of the staff', ['fraction 0.75 "three quarters"']],
    ['it saves up to 30%', ['percent 24..30 "up to 30%"']],
    // Temperatures, kept in Celsius; "12F" is a seat where nothing speaks of heat or cold.
    ['Temperatures reached 35C', ['measure/°C 35 "35C"']],
    ['temperatures fell to minus 5C', ['measure/°C -5 "minus 5C"']],
    ['35 degrees Celsius', ['measure/°C 35 "35 degrees Celsius"']],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(show(text), expected));

  it('widens approximations and bounds', () => {
    const [over] = extractFigures('over 94,000 troops');
    assert.equal(over.text, 'over 94,000');
    assert.equal(over.bound, 'over');
    assert.ok(over.min === 94000 && over.max > 94000 && over.max < 120000);
    const [nearly] = extractFigures('nearly 100,000');
    assert.ok(nearly.max === 100000 && nearly.min < 100000);
    const [about] = extractFigures('about 50 tanks');
    assert.ok(about.min < 50 && about.max > 50 && about.approximate);
    const [orMore] = extractFigures('holders of 5% or more of the firm');
    assert.equal(orMore.bound, 'over');
  });

  it('leaves out what is not a figure to check', () => {
    for (const text of ['in the Second World War', 'see page 4 and para. 7', 'one of the leaders', 'Novartis shares', 'They may agree', 'call (555) 123-4567 today', '2️⃣ Smart Navigation', 'Mr Howard told the Sunday Times']) {
      assert.deepEqual(show(text), [], text);
    }
  });
});

describe('figure recognition on real sentences', () => {
  it('reads weekdays, a bare May, and times of day', () => {
    assert.deepEqual(kinds('Oracle said it began notifying staff of redundancies on Friday.'), ['date "Friday"']);
    assert.equal(extractFigures('on Thursday')[0].date?.weekday, 4);
    assert.deepEqual(kinds('The election, which is widely tipped for May but could be any time before June 2006.'), ['date "May"', 'date "June 2006"']);
    assert.deepEqual(extractFigures('before June 2006')[0].date, { year: 2006, month: 6, day: undefined, dayTo: undefined });
    assert.deepEqual(extractFigures('"We have the problem from 11pm to 2am in any event.').map((f) => [f.kind, f.value]), [['time', 23 * 60], ['time', 120]]);
    assert.deepEqual(extractFigures('brought forward from 2115 GMT to 1945 GMT').map((f) => [f.kind, f.value]), [['time', 21 * 60 + 15], ['time', 19 * 60 + 45]]);
    assert.deepEqual(extractFigures('This year\'s Oscar ceremony will be held on Sunday 27 February.')[0].date, { year: undefined, month: 2, day: 27, dayTo: undefined, weekday: 7 });
  });

  it('reads ages as ages, never as counts', () => {
    assert.deepEqual(kinds('Joss Stone, 17, was nominated in four categories.'), ['age "17"', 'count "four"']);
    assert.deepEqual(kinds('The 29-year-old had a kidney transplant in July 2004.'), ['age "29-year-old"', 'date "July 2004"']);
    assert.deepEqual(extractFigures('a national minimum wage for 16 and 17-year-olds').map((f) => [f.kind, f.value, f.valueTo]), [['age', 16, 17]]);
    assert.deepEqual(kinds('Hazel Gilbert, 23, gave up ballet at the age of 10.'), ['age "23"', 'age "10"']);
  });

  it('tells metres from millions', () => {
    assert.deepEqual(show('The 32-year-old will race alongside Olympic 5,000m finalist Pavey in the women\'s 8km race.').slice(1), ['measure/m 5000 "5,000m" {finalist pavey}', 'measure/m 8000 "8km" {race}']);
    assert.deepEqual(show('Kelly Sotherton led with 6.43m'), ['measure/m 6.43 "6.43m"']);
    assert.deepEqual(show('Monsanto fined $1.5m for bribery'), ['money/USD 1500000 "$1.5m"']);
    assert.deepEqual(show('12m people'), ['count 12000000 "12m" {people}']);
  });

  it('joins ranges, not changes, and takes no scale from the next word', () => {
    assert.deepEqual(show('more than 60% kept 1,000 to 2,000 music files').slice(1), ['count 1000..2000 "1,000 to 2,000" {music files}']);
    assert.deepEqual(extractFigures('EBay now forecasts 2005 revenue of $4.2bn to $4.35bn').map((f) => [f.kind, f.value, f.valueTo]), [['year', 2005, 2005], ['money', 4.2e9, 4.35e9]]);
    assert.deepEqual(kinds('The EU expanded from 15 to 25 member states in May.'), ['count "15"', 'count "25"', 'date "May"']);
  });

  it('reads fractions, pence, scale words and multipliers', () => {
    const [third] = extractFigures('Almost a third of all the money spent online');
    assert.deepEqual([third.kind, third.text, third.bound], ['fraction', 'Almost a third', 'about']);
    assert.ok(Math.abs(third.value - 1 / 3) < 1e-9);
    assert.deepEqual(show('By 1700 GMT, Petrel\'s shares fell from 97p ($1.87) to 44p.').slice(1, 2), ['money/GBP 0.97 "97p"']);
    assert.notEqual(extractFigures('$1.8 million')[0].value, extractFigures('$1.8 billion')[0].value);
    assert.deepEqual(kinds('The country\'s banking market is three times the size of Hong Kong\'s.'), ['multiplier "three times"']);
  });

  it('reads quarters and halves as ordinals of the period', () => {
    assert.deepEqual(show('Unilever took a charge in the fourth quarter'), ['ordinal/quarter 4 "fourth quarter"']);
    assert.deepEqual(show('revenue in Q3'), ['ordinal/quarter 3 "Q3"']);
  });

  it('reads degrees Fahrenheit as Celsius, to the nearest degree, and a seat number as a name', () => {
    const [f] = extractFigures('Temperatures hit 95F');
    assert.equal(f.unit, '°C');
    assert.ok(f.min < 35 && f.max > 35 && f.max - f.min < 0.6, `${f.min}..${f.max}`);
    assert.deepEqual(extractLabels('He sat in seat 12F').map((l) => l.text), ['12F']);
  });

  it('keeps numbers inside names as labels, not figures', () => {
    const text = 'The details of PlayStation 3, Xbox 2 and COVID-19 tests on a Boeing 737 of SARS-CoV-2 in 3D';
    assert.deepEqual(extractFigures(text), []);
    assert.deepEqual(extractLabels(text).map((l) => l.text), ['PlayStation 3', 'Xbox 2', 'COVID-19', 'Boeing 737', 'SARS-CoV-2', '3D']);
    assert.deepEqual(extractFigures('Japan\'s 23,000 centenarians').map((f) => f.value), [23000]);
  });

  it('reads scores as scores', () => {
    assert.deepEqual(kinds('The French star was part of the Chelsea side crushed 5-1 at the Nou Camp.'), ['score "5-1"']);
    assert.deepEqual(kinds('to win 1-6 6-3 6-4 6-4'), ['score "1-6 6-3 6-4 6-4"']);
    assert.deepEqual(kinds('30-40 soldiers'), ['count "30-40"']);
  });

  it('gets at least 235 of the 250 hand-labelled values right, with precision of at least 0.95', () => {
    const score = scoreExtraction(join(repoRoot, 'test', 'fixtures', 'figure-extraction'));
    assert.ok(score.valuesRight >= 235, `${score.valuesRight}/${score.valued} values right:\n${score.wrongValues.join('\n')}`);
    assert.ok(score.precision >= 0.95, `precision ${score.precision.toFixed(3)}:\n${score.spuriousExamples.join('\n')}`);
    assert.ok(score.recall >= 0.95, `recall ${score.recall.toFixed(3)}:\n${score.missed.join('\n')}`);
  });
});
