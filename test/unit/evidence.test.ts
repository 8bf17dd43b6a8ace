import assert from 'node:assert/strict';
import { checkReport } from '../../src/core/check/check-report';
import { parseArticle } from '../../src/core/corpus/article';
import { Corpus } from '../../src/core/corpus/corpus';
import { loadCorpusDirectory } from '../../src/core/corpus/node-corpus';
import { proseOf } from '../../src/core/citations';
import { bestPassage } from '../../src/core/evidence/best-passage';
import { rankParagraphs } from '../../src/core/search/relevance';
import { SearchIndex } from '../../src/core/search/search-index';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, paraphraseDir } from './paths';

function corpusOf(articles: Record<string, string>): Corpus {
  const corpus = new Corpus();
  for (const [key, body] of Object.entries(articles)) corpus.upsert(parseArticle(`/c/${key}.md`, `---\nid: ${key}\ntitle: ${key}\n---\n${body}\n`, 'markdown'));
  return corpus;
}
const figureFindings = (report: string, corpus: Corpus, options = {}) => checkReport(report, { corpus }, options).filter((f) => f.code.startsWith('figure'));
/** The warnings that the source says otherwise: none is owed to a correct figure. */
const mismatchMessages = (report: string, corpus: Corpus) => figureFindings(report, corpus).filter((f) => f.code === 'figure-mismatch').map((f) => f.message);

describe('evidence: one engine for the hover, the preview and the checks', () => {
  const sentence = 'Ukraine said 120,000 Russian troops were at the border [@biden-zelenskyy-call].';

  it('does not count the words of the citation key as what the sentence says', async () => {
    const { corpus } = await loadCorpusDirectory(corpusDir);
    const source = corpus.get('biden-zelenskyy-call')!;
    const search = new SearchIndex(corpus.all());
    const [withKey] = rankParagraphs(search, source, sentence);
    const [prose] = rankParagraphs(search, source, proseOf(sentence));
    assert.equal(prose.paragraph.index, 5, 'the sentence without its citation matches para. 5');
    assert.notEqual(withKey.paragraph.index, prose.paragraph.index, 'the key "biden-zelenskyy-call" pulls the raw sentence elsewhere');
    assert.equal(proseOf(sentence).length, sentence.length);
    assert.equal(proseOf('troops [@put').trim(), 'troops');
  });

  it('points the hover and the preview where the figure finding points', async () => {
    const { corpus } = await loadCorpusDirectory(corpusDir);
    const source = corpus.get('biden-zelenskyy-call')!;
    const [finding] = figureFindings(sentence, corpus);
    assert.equal(finding?.code, 'figure-mismatch');
    const passage = bestPassage(sentence, sentence.indexOf('[@') + 3, source);
    assert.equal(`para. ${passage?.index}`, finding.source?.locator);
  });
});

describe('the passage behind a citation', () => {
  it('is where the sentence\'s quotation occurs, word for word', async () => {
    const { corpus } = await loadCorpusDirectory(corpusDir);
    const report = 'Secretary of State Antony Blinken said: "We continue to see critical units moving toward the border, not away from the border." [@putin-nato-scholz]';
    const source = corpus.get('putin-nato-scholz')!;
    const passage = bestPassage(report, report.indexOf('@putin') + 2, source);
    assert.ok(passage?.text.includes('critical units moving toward the border'), `para. ${passage?.index}`);
  });
});

describe('citation scope', () => {
  const corpus = corpusOf({ a: 'The council said 40 homes were flooded on Monday.\n\nRepairs will cost £2m, the mayor said.' });

  it('checks the uncited sentences of a paragraph against the citation at its end', () => {
    const report = 'The council said 400 homes were flooded on Monday. Repairs will cost £2m, the mayor said [@a].';
    const [f] = figureFindings(report, corpus);
    assert.equal(f?.code, 'figure-mismatch');
    assert.equal(report.slice(f.start, f.end), '400');
  });

  it('narrows to the sentence when the setting says so, and stops at the paragraph', () => {
    const report = 'The council said 400 homes were flooded on Monday. Repairs will cost £2m, the mayor said [@a].';
    assert.deepEqual(figureFindings(report, corpus, { citationScope: 'sentence' }).map((f) => f.code), []);
    assert.deepEqual(figureFindings('The council said 400 homes were flooded on Monday.\n\nRepairs will cost £2m, the mayor said [@a].', corpus).map((f) => f.code), []);
  });

  it('does not reach across list items', () => {
    assert.deepEqual(figureFindings('- The council said 400 homes were flooded on Monday.\n- Repairs will cost £2m [@a].', corpus).map((f) => f.code), []);
  });
});

describe('figures compared on the evidence (real sentences)', () => {
  it('prefers the source sentence that says the same thing with the same number', () => {
    const corpus = corpusOf({ w: 'Around 170 infections were reported in Europe last week. In total, 870 people worldwide have been infected, officials said.' });
    assert.deepEqual(figureFindings('Around 870 infections have been reported worldwide [@w].', corpus), []);
    assert.equal(figureFindings('Around 970 infections have been reported worldwide [@w].', corpus)[0]?.code, 'figure-mismatch');
  });

  it('never compares an age with a count, and never fixes across kinds', () => {
    const corpus = corpusOf({ b: 'Joss Stone, 17, was nominated in four categories at the Brit Awards.' });
    assert.deepEqual(figureFindings('Joss Stone, 17, was nominated in four categories [@b].', corpus), []);
    const [f] = figureFindings('Joss Stone, 17, was nominated in three categories [@b].', corpus);
    assert.equal(f.code, 'figure-mismatch');
    assert.equal(f.fixes[0]?.newText, 'four');
    const [age] = figureFindings('Joss Stone, 19, was nominated in four categories [@b].', corpus);
    assert.ok(age && age.fixes.every((x) => x.newText !== 'four'), 'an age is never replaced by a count');
  });

  it('reads whose figure it is: another athlete\'s jump does not contradict this one\'s', () => {
    const corpus = corpusOf({ j: 'Kelly Sotherton led with 6.43m in the long jump. Her rival Jade Johnson managed 6.50m in her last jump.' });
    assert.deepEqual(figureFindings('Kelly Sotherton led with 6.43m [@j].', corpus), []);
  });

  it('flags changed weekdays, years, quarters and scale words', () => {
    const corpus = corpusOf({ n: 'The company reported on Thursday that profits rose to $1.8 billion in the third quarter of 2004.' });
    assert.deepEqual(figureFindings('The company reported on Thursday that profits rose to $1.8 billion in the third quarter of 2004 [@n].', corpus), []);
    for (const changed of ['on Tuesday', '$1.8 million', 'second quarter', '2005']) {
      const report = 'The company reported on Thursday that profits rose to $1.8 billion in the third quarter of 2004 [@n].'.replace(/on Thursday|\$1\.8 billion|third quarter|2004/, (m) => ({ 'on Thursday': 'on Tuesday', '$1.8 billion': '$1.8 million', 'third quarter': 'second quarter', '2004': '2005' })[m]!);
      if (!report.includes(changed)) continue;
      assert.ok(figureFindings(report, corpus).length > 0, `${changed} was not flagged in: ${report}`);
    }
  });

  it('states a figure as unsupported when its value is nowhere in the source, whatever else the source counts', () => {
    const corpus = corpusOf({ s: 'The firm employs 300 people in Leeds.' });
    assert.deepEqual(figureFindings('The firm opened 12 offices [@s].', corpus).map((f) => f.code), ['figure-unsupported']);
  });

  it('checks a count against the list it introduces, in the claim and in the source', () => {
    const corpus = corpusOf({ l: 'Dear Jo, thank you for your time on the phone.\n\nWe offer a few key services:\n\n1. CRM integration, from $500/month.\n\n2. Data analysis, for a one-time fee of $2,500.\n\n3. Workflow automation, from $3,000.' });
    assert.deepEqual(figureFindings('He recommended three services: CRM integration, data analysis and workflow automation [@l].', corpus), []);
    const [listed] = figureFindings('He recommended two key services [@l].', corpus);
    assert.match(listed.message, /Source lists 3/);
    const [own] = figureFindings('He recommended two services: CRM integration, data analysis, and workflow automation [@l].', corpus);
    assert.match(own.message, /names 3/);
  });

  it('reads a small number said after "a" as a mark, compared only with marks', () => {
    // Real meeting transcript lines (SummEdits, QMSum): the team gives the remote a one; "the three" is a button.
    const corpus = corpusOf({
      m: "Project Manager: you place a regular remote control in front of the other one, hit the one or the two or the three, whatever, and it records the signal.\n\nMarketing: For this type of market, I think it's a one.",
    });
    // The words around the marks say little ("the type of market"): flagged, with the mark the source gives, but no warning that it says otherwise.
    const [f] = figureFindings('They rated the remote control a "three" for the type of market [@m].', corpus);
    assert.equal(f?.code, 'figure-unsupported');
    assert.match(f.message, /closest it comes is "one"/);
    assert.deepEqual(figureFindings('They rated the remote control a "one" for the type of market [@m].', corpus), []);
  });

  it('leaves a figure alone when the source figure it meets is the one another figure of the claim states', () => {
    // A real sales e-mail (SummEdits): "a one-time cost" where the source says "fee"; the $3,000 belongs to the workflow service.
    const corpus = corpusOf({
      e: 'Our data analysis and visualization service turns your data into insight. This service is available for a one-time fee of $2,500.\n\nOur workflow automation service is available for a starting price of $3,000.',
    });
    const report = 'He recommended Data Analysis and Visualization for a one-time cost of $2,500, and Workflow Automation starting at $3,000 [@e].';
    assert.deepEqual(figureFindings(report, corpus), []);
    // A figure the claim denies accounts for nothing: "$2,500 (instead of $3,000)" is still wrong.
    const [wrong] = figureFindings('Workflow Automation starts at $2,500 (instead of $3,000) [@e].', corpus);
    assert.equal(wrong?.code, 'figure-mismatch');
    // Only the very value accounts for a source figure: "4" does not account for "between 3 and 4".
    const poll = corpusOf({ b: 'The margin of error is between 3 and 4 points, depending on the country.' });
    assert.equal(figureFindings('The margin of error is between 7 and 4 points, depending on the country [@b].', poll)[0]?.code, 'figure-mismatch');
  });

  it('reads a value set aside with the words of the figure it is set against', () => {
    // The real e-mail and an edited summary sentence of it (SummEdits sales e-mails, doc-81cc0aa6).
    const file = join(paraphraseDir, 'summedits-sales-email', 'corpus', 'doc-81cc0aa6.md');
    const corpus = new Corpus();
    corpus.upsert(parseArticle(file, readFileSync(file, 'utf8'), 'markdown'));
    const report = 'He recommended two of OptimumSolutions\' services, which are Custom CRM Development and Integration starting at $800/month (instead of $500), Data Analysis starting for a one-time fee of $1,500 (instead of $2,500), with no mention of Visualization, and Workflow Automation starting at $2,500 (instead of $3,000), with a 30% increase in efficiency [@doc-81cc0aa6].';
    const denial = figureFindings(report, corpus).find((f) => f.start === report.indexOf('$2,500'));
    assert.match(denial?.message ?? 'no finding', /which the report denies/);
  });

  it('counts "one-time" as it counts "two-time": once', () => {
    // Lines of a real sales e-mail (SummEdits, doc-b7799da3) and of the real one behind doc-81cc0aa6.
    const corpus = corpusOf({ u: 'This package includes the following:\n\n- Professional installation and setup service\n\n- Free consultation on space optimization and interior design', f: 'This service is available for a one-time fee of $2,500.' });
    const report = 'The package includes professional installation and setup service and a one-time consultation [@u].';
    assert.deepEqual(figureFindings(report, corpus).map((f) => [f.code, report.slice(f.start, f.end)]), [['figure-unsupported', 'one']]);
    assert.deepEqual(figureFindings('Data analysis costs a one-time fee of $2,500 [@f].', corpus), []);
  });

  it('reads a range as both its ends, and a vague amount as the span it allows', () => {
    const corpus = corpusOf({ g: 'We are raising our full-year guidance to a range of $4.5 billion to $4.7 billion. Between 300 and 400 protesters gathered outside.' });
    assert.deepEqual(figureFindings('The company raised its guidance to $4.5-4.7bn [@g].', corpus), []);
    assert.equal(figureFindings('The company raised its guidance to $4.5-4.9 billion [@g].', corpus)[0]?.code, 'figure-mismatch');
    assert.deepEqual(figureFindings('Hundreds of protesters gathered outside [@g].', corpus), []);
    assert.equal(figureFindings('Between 300 and 500 protesters gathered outside [@g].', corpus)[0]?.code, 'figure-mismatch');
  });

  it('compares a share said as a fraction with one said as a percentage, and reads a sentence that states the value beside another', () => {
    const corpus = corpusOf({ v: 'The survey found 48% of adults had no savings, and 33% had debts. About 500,000 homes lost power.' });
    assert.deepEqual(figureFindings('A third of adults had debts [@v].', corpus), []);
    assert.deepEqual(figureFindings('33% of adults had debts [@v].', corpus), []);
    const [share] = figureFindings('Nearly three-quarters of adults had no savings [@v].', corpus);
    assert.equal(share?.code, 'figure-mismatch');
    assert.deepEqual(share.fixes, [], 'no fix across forms');
    assert.deepEqual(figureFindings('Half a million homes lost power [@v].', corpus), []);
  });

  it('meets a temperature in either scale, and a change in points said as per cent', () => {
    const corpus = corpusOf({ w: 'The jobless rate rose by 0.2 percentage points to 5.1% in March. Temperatures reached 35C on Tuesday.' });
    for (const ok of ['Temperatures hit 95F on Tuesday', 'Temperatures hit 35 degrees on Tuesday', 'The jobless rate rose 0.2% to 5.1%']) assert.deepEqual(figureFindings(`${ok} [@w].`, corpus), [], ok);
    assert.equal(figureFindings('Temperatures hit 100F on Tuesday [@w].', corpus)[0]?.code, 'figure-mismatch');
    assert.equal(figureFindings('The jobless rate rose 0.3% to 5.1% [@w].', corpus)[0]?.code, 'figure-unsupported');
  });

  it('flags a figure the report denies when the source states it', () => {
    const corpus = corpusOf({ d: 'She was born on 17 December 1983 in Colombia.' });
    assert.equal(figureFindings('She was born in 1990, not 1983 [@d].', corpus).find((f) => f.message.includes('denies'))?.code, 'figure-mismatch');
    // A value set aside that the source never states is no more grounded than one asserted.
    const report = 'She was born in 1983, not 1985 [@d].';
    assert.deepEqual(figureFindings(report, corpus).map((f) => [f.code, report.slice(f.start, f.end)]), [['figure-unsupported', '1985']]);
  });

  it('takes the parts of the document itself and an ordinal that points back for no figure', () => {
    const corpus = corpusOf({ p: 'The host talks about cooking. Later she answers questions from listeners.' });
    assert.deepEqual(figureFindings('The second half of the document covers questions from listeners [@p].', corpus), []);
    assert.deepEqual(figureFindings('The document is a conversation between two people about cooking [@p].', corpus), []);
  });
  it('reads the period an ordinal counts as part of it: the first quarter is not the first year', () => {
    const corpus = corpusOf({ q: "We're offering a 10% discount on your first year of subscription when you decide to get started with NovoIntel." });
    assert.deepEqual(figureFindings('NovoIntel offers a 10% discount on the first year of subscription [@q].', corpus), []);
    const streak = corpusOf({ r: 'Sales rose for the fourth quarter in a row, the company said.' });
    assert.deepEqual(figureFindings('Sales rose for a fourth straight quarter [@r].', streak), []);
    assert.equal(figureFindings('Sales rose for a third straight quarter [@r].', streak).length, 1, 'a third is not the fourth');
    const report = 'NovoIntel offers a 10% discount on the first quarter of subscription [@q].';
    assert.deepEqual(figureFindings(report, corpus).map((f) => [f.code, report.slice(f.start, f.end)]), [['figure-unsupported', 'first quarter']]);
  });

  it('backs an exact figure by an approximate one only at the value approximated', () => {
    const corpus = corpusOf({ a: 'Police said about 50 people were hurt in the clashes.', b: 'Police said 45 people were hurt in the clashes.' });
    for (const ok of ['About 50 people were hurt [@a].', '50 people were hurt [@a].', 'Around 50 people were hurt [@b].', '45 people were hurt [@b].']) assert.deepEqual(figureFindings(ok, corpus), [], ok);
    // The claim is more precise than its source: "about 50" does not say 45.
    assert.equal(figureFindings('Police said 45 people were hurt in the clashes [@a].', corpus)[0]?.code, 'figure-mismatch');
  });
  it('reads "start at" as the least of what it covers', () => {
    const plans = 'Additionally, we have three pricing plans tailored to suit your needs:\n\n1. Basic Plan: $300/month - Covers real-time monitoring and lighting control.\n2. Premium Plan: $600/month - Includes HVAC optimization in addition to Basic Plan features.\n3. Elite Plan: $900/month - Incorporates full suite of features.';
    const corpus = corpusOf({ e: plans, s: 'Our CRM development service is fully customised. Prices start at just $500/month.' });
    for (const ok of ['Their pricing plans start at $300/month [@e].', 'The Premium Plan costs $600/month [@e].', 'CRM development is offered starting at $500/month [@s].']) assert.deepEqual(figureFindings(ok, corpus), [], ok);
    const [finding] = figureFindings('Their pricing plans start at $600/month [@e].', corpus);
    assert.equal(finding?.code, 'figure-mismatch');
    assert.match(finding.message, /\$300\/month/);
  });
  it('does not read another fact of the same kind as a contradiction: BBC leads against their own bodies', () => {
    // Each lead is correct; its body gives other figures of the same kind for other years, other banks, other deals.
    const corpus = corpusOf({
      crops: 'In 2003, crop production totalled 11.49 million tonnes, the joint report from the Food and Agriculture Organisation and the World Food Programme said. Good rains, increased use of fertilizers and improved seeds contributed to the rise in production.',
      rates: 'The move had been widely expected by the markets. The Bank of England (BoE) has kept interest rates on hold at 4.75% for the past three months, leading some commentators to argue that rates may have peaked.',
      deal: 'The move by Johnson & Johnson has been widely expected and the firm will pay $76 for each Guidant share, 6% more than Wednesday\'s closing price.',
    });
    const leads = [
      ['Ethiopia produced 14.27 million tonnes of crops in 2004, 24% higher than in 2003 [@crops].', '14.27 million tonnes'],
      ['US interest rates are to rise to 2%, in a widely anticipated move [@rates].', '2%'],
      ['Johnson & Johnson has agreed to buy medical technology firm Guidant for $25.4bn [@deal].', '$25.4bn'],
    ] as const;
    for (const [lead, figure] of leads) {
      const found = figureFindings(lead, corpus).filter((f) => lead.slice(f.start, f.end) === figure);
      // Not in the source, so said plainly, as information: no warning that the source says otherwise, and no fix.
      assert.deepEqual(found.map((f) => [f.code, f.severity, f.fixes.length]), [['figure-unsupported', 'information', 0]], lead);
    }
    // The same year, the same thing: a changed value is still contradicted.
    const [wrong] = figureFindings('In 2003, crop production totalled 12.49 million tonnes [@crops].', corpus);
    assert.equal(wrong?.code, 'figure-mismatch');
    assert.equal(wrong.fixes[0]?.newText, '11.49 million tonnes');
  });

  it('names the closest figure when a weaker sentence gives another value and the claim\'s value is nowhere', () => {
    // A BBC lead and its body: the super union's two million members are the two unions' 1.2 million and 800,000.
    const corpus = corpusOf({ unions: 'Amicus has 1.2 million members and the TGWU has 800,000.' });
    const report = 'Two of Britain\'s big trade unions could merge to form a super union of two million members [@unions].';
    const f = figureFindings(report, corpus).find((x) => report.slice(x.start, x.end) === 'two million');
    assert.deepEqual([f?.code, f?.severity, f?.fixes.length], ['figure-unsupported', 'information', 0]);
    assert.match(f!.message, /closest it comes is "1\.2 million members"/);
  });

  it('reads a name with a number as written: "3G" is not the "5G" of "2.5G", and "A320" is not "a 25"', () => {
    // BBC sentences: a 2.5G smartphone and a 3G device; an airline that may sell a 25% stake.
    const corpus = corpusOf({ phone: 'The MDA IV is an upgrade to the company\'s existing smartphone, the 2.5G/wi-fi MDA III.', deccan: 'To help finance the expansion the company may sell a 25% stake to an investor for about $50m.' });
    const phone = 'T-Mobile has launched its latest third-generation (3G) device [@phone].';
    assert.deepEqual(figureFindings(phone, corpus).filter((f) => phone.slice(f.start, f.end) === '3G').map((f) => f.code), ['figure-unsupported']);
    const deccan = 'Air Deccan has ordered 30 Airbus A320 planes [@deccan].';
    assert.deepEqual(mismatchMessages(deccan, corpus), []);
  });

  it('reads a time in sport\'s abbreviations: 7.23secs, 90 mins', () => {
    const corpus = corpusOf({ race: 'There was a third success for Britain when she edged out Russia\'s Olga Fedorova to win the women\'s 60m race in 7.23secs.' });
    assert.deepEqual(figureFindings('She won the women\'s 60m race in 7.23 seconds [@race].', corpus), []);
    const [f] = figureFindings('She won the women\'s 60m race in 7.83secs [@race].', corpus);
    assert.equal(f?.code, 'figure-mismatch');
    assert.match(f.message, /7\.23secs/);
  });

  it('meets "2.3 points" of a margin in basis points, and flags other points', () => {
    const corpus = corpusOf({ call: 'Gross margin was 42.5%, up 230 basis points from a year ago, on lower freight costs.' });
    assert.deepEqual(figureFindings('Gross margin expanded 2.3 points to 42.5% [@call].', corpus), []);
    assert.equal(figureFindings('Gross margin expanded 3.2 points to 42.5% [@call].', corpus).length, 1);
  });

  it('reads quarters and fiscal years as results write them: 3Q24 is the third quarter of 2024', () => {
    const corpus = corpusOf({ q: 'Revenue in the third quarter of 2024 rose 8% to $1.2 billion, and the company raised its outlook for fiscal 2025.' });
    assert.deepEqual(figureFindings('3Q24 revenue rose 8% to $1.2bn, and FY25 guidance was raised [@q].', corpus), []);
    assert.equal(figureFindings('2Q24 revenue rose 8% to $1.2bn [@q].', corpus).length, 1);
  });

  it('reads ordinals and years as places in a sequence: another round of the cup is no contradiction', () => {
    // BBC leads and their bodies: the draw names the round Yeading won; the story of 2004's growth names 2003.
    const corpus = corpusOf({
      cup: 'The game - arguably the highlight of the draw - is a potential money-spinner for non-League Yeading, who beat Slough in the second round.',
      growth: 'The economy\'s poor performance in the July to September period followed four consecutive quarters of double-digit growth as Singapore bounced back strongly from the effects of the deadly Sars virus in 2003.',
    });
    for (const lead of ['Premiership side Newcastle United face a trip to Yeading in the FA Cup third round [@cup].', 'Singapore\'s economy grew by 8.1% in 2004, its best performance since 2000 [@growth].']) {
      assert.deepEqual(mismatchMessages(lead, corpus), [], lead);
    }
    // Said in the same words, a changed round is still contradicted.
    assert.equal(figureFindings('Non-League Yeading beat Slough in the third round [@cup].', corpus)[0]?.code, 'figure-mismatch');
  });

  it('reads a value inside the source\'s bound as another statement, not a contradiction', () => {
    // A BBC lead and its body: the suit's $28.3bn beside the back taxes of more than $27bn.
    const corpus = corpusOf({ yukos: "The Russian government's argument for selling Yuganskneftegaz was that Yukos owed more than $27bn in back taxes for the years from 2000 onwards." });
    const lead = 'The majority owner of embattled Russian oil firm Yukos has sued the Russian government for $28.3bn [@yukos].';
    assert.deepEqual(mismatchMessages(lead, corpus), []);
    assert.match(figureFindings(lead, corpus)[0]?.message ?? '', /not in the cited source.*closest it comes is "more than \$27bn"/);
    // A value the bound excludes is still contradicted.
    assert.equal(figureFindings('Yukos owed $25bn in back taxes for the years from 2000 onwards [@yukos].', corpus)[0]?.code, 'figure-mismatch');
  });

  it('reads the period a figure is of: a year against "this year" or "the quarter" is no contradiction', () => {
    // BBC leads and their bodies: 2004's growth beside the forecast for this year, and beside a quarter's.
    const corpus = corpusOf({
      forecast: 'Economic growth is set to halve in Singapore this year to between 3% and 5%.',
      quarter: 'Growth slowed to 0.3% in the quarter ending September 30, down from 6.3% in the first quarter of 2004.',
      base: 'Its share of the audience soared by 20% in January 2005 compared with last year, and currently stands at an average of 28.6%.',
    });
    for (const lead of ["Singapore's economy grew by 8.1% in 2004, its best performance since 2000 [@forecast].", 'Growth slowed to 1.2% in 2004 [@quarter].']) {
      assert.deepEqual(mismatchMessages(lead, corpus), [], lead);
    }
    // The same period, said the same way, is contradicted; a year compared with is a base, not a period.
    assert.equal(figureFindings('Growth in Singapore is set to halve this year to between 4% and 6% [@forecast].', corpus)[0]?.code, 'figure-mismatch');
    assert.equal(figureFindings('Growth slowed to 1.2% in the quarter ending September 30 [@quarter].', corpus)[0]?.code, 'figure-mismatch');
    // A quarter as results write it is a quarter too ("Q3 2004", "third-quarter"); another quarter is another period.
    const third = corpusOf({ q: 'Growth was at an annual rate of 4% in the third quarter of 2004 and for the year it came in at 4.4%, the best figure in five years.' });
    assert.deepEqual(figureFindings('Growth was at an annual rate of 4% in Q3 2004 [@q].', third), []);
    for (const wrong of ['Growth was at an annual rate of 3% in Q3 2004 [@q].', 'Third-quarter growth was 3% at an annual rate in 2004 [@q].']) assert.match(figureFindings(wrong, third)[0]?.message ?? '', /Source says "4%"/, wrong);
    // (The changed quarter itself is contradicted: the sentence says the rest in the same words.)
    assert.deepEqual(mismatchMessages('Growth was at an annual rate of 3% in the second quarter of 2004 [@q].', third), ['Source says "third quarter" [@q, para. 1], not "second quarter".']);
    assert.match(figureFindings('Its share of the audience rose by 12% in January 2005 compared with last year [@base].', corpus)[0]?.message ?? '', /Source says "20%"/);
  });

  it('reads a figure of someone else, whom the claim never names, as no contradiction', () => {
    // BBC leads and their bodies: the regiments' group's seats beside the SNP's; the band's Brit Awards beside its Grammy nominations.
    const corpus = corpusOf({
      snp: 'Scottish National Party leader Alex Salmond said it had received a "big boost" from the campaign\'s decision to endorse SNP candidates in four marginal seats.',
      band: 'They have been nominated for three Grammy awards in the US as well as the US music industry\'s Shortlist award, but lost the Shortlist prize to US band TV on the Radio.',
    });
    for (const lead of ["A regiments' campaign group is to target nine marginal Labour seats at the General Election [@snp].", 'Scottish rock band Franz Ferdinand, who shot to prominence in 2004, have won two Brit Awards [@band].']) {
      assert.deepEqual(mismatchMessages(lead, corpus), [], lead);
    }
    // Whose the figure is said the same way, it is contradicted.
    assert.equal(figureFindings('Alex Salmond said the SNP would endorse candidates in nine marginal seats [@snp].', corpus)[0]?.code, 'figure-mismatch');
    assert.equal(figureFindings('They have been nominated for two Grammy awards in the US [@band].', corpus)[0]?.code, 'figure-mismatch');
  });

  it('reads a bound or a vague amount as saying less than a value: another figure contradicts it only in nearly the same words', () => {
    // BBC leads and their bodies: hurricane Mitch's toll beside the tsunami's; the envelopes scanned beside the papers lost.
    const corpus = corpusOf({
      quake: 'Mitch killed about 10,000 people and caused damage of about $10bn in 1998.',
      ballots: 'So far a total of 569,072 ballot envelopes have been scanned by bar code at counting offices across the North East.',
    });
    for (const lead of ['An earthquake and giant waves killed at least 38,000 people in southern Asia [@quake].', 'Hundreds of ballot papers for the regional assembly referendum in the North East have disappeared [@ballots].']) {
      assert.deepEqual(mismatchMessages(lead, corpus), [], lead);
    }
    assert.equal(figureFindings('Mitch killed at least 20,000 people and caused damage of about $10bn in 1998 [@quake].', corpus)[0]?.code, 'figure-mismatch');
    // The same bound on both sides states the frame as the claim does: "over 12,000" against "over 94,000" is contradicted.
    const troops = corpusOf({ t: 'The Ukraine defense minister said that the Russian buildup of over 94,000 troops along the border could lead to a full-blown offensive by end-January.' });
    assert.equal(figureFindings('Russia massed over 12,000 troops on the border [@t].', troops)[0]?.code, 'figure-mismatch');
  });

});
