// The citation checks of issue 13 on real sentences of the seed articles (corpus/).
import assert from 'node:assert/strict';
import { checkReport, type CheckContext } from '../../src/core/check/check-report';
import type { Finding } from '../../src/core/check/findings';
import { parseArticle } from '../../src/core/corpus/article';
import { loadCorpusDirectory } from '../../src/core/corpus/node-corpus';
import type { Source } from '../../src/core/model';
import { rankSources } from '../../src/core/search/relevance';
import { SearchIndex } from '../../src/core/search/search-index';
import { planSupportingCitations } from '../../src/core/check/cite-supporting';
import { bestPassage } from '../../src/core/evidence/best-passage';
import { corpusDir } from './paths';

function applied(report: string, f: Finding, fix = 0): string {
  const { start, end, newText } = f.fixes[fix];
  return report.slice(0, start) + newText + report.slice(end);
}

describe('citations checked by meaning (real sentences)', () => {
  let sources: Source[];
  let context: CheckContext;
  before(async () => {
    const loaded = await loadCorpusDirectory(corpusDir);
    sources = loaded.sources;
    context = { corpus: loaded.corpus, search: new SearchIndex(sources) };
  });
  const check = (report: string, code: string) => checkReport(report, context).filter((f) => f.code === code);

  describe('citation-unsupported', () => {
    const wrong = 'Blinken said Russia was still moving critical units toward the border and had not pulled back its forces [@zelensky-direct-talks].';

    it('names the source that says it, quotes its sentence, and squiggles the cited key', () => {
      const [f] = check(wrong, 'citation-unsupported');
      assert.ok(f, 'no citation-unsupported');
      assert.equal(f.severity, 'warning');
      assert.equal(wrong.slice(f.start, f.end), 'zelensky-direct-talks');
      assert.equal(f.source?.key, 'putin-nato-scholz');
      assert.match(f.message, /^@zelensky-direct-talks says nothing like this; @putin-nato-scholz does: "[^"“”]*(?:critical units|pullback)[^"“”]*" \(para\. \d+\)$/);
    });

    it('replaces the key with the better one and its locator, or adds it', () => {
      const [f] = check(wrong, 'citation-unsupported');
      const locator = f.source!.locator!;
      assert.equal(applied(wrong, f, 0), wrong.replace('@zelensky-direct-talks', `@putin-nato-scholz, ${locator}`));
      assert.equal(applied(wrong, f, 1), wrong.replace('@zelensky-direct-talks', `@zelensky-direct-talks; @putin-nato-scholz, ${locator}`));
      assert.deepEqual(check(applied(wrong, f, 0), 'citation-unsupported'), []);
    });

    it('leaves a citation of the source that says it alone', () => {
      assert.deepEqual(check(wrong.replace('zelensky-direct-talks', 'putin-nato-scholz'), 'citation-unsupported'), []);
      assert.deepEqual(check('Zelensky told parliament he was not afraid of a direct dialogue with Russia [@zelensky-direct-talks].', 'citation-unsupported'), []);
    });

    it('reads the uncited sentences before a citation as what it covers', () => {
      const report = 'Blinken said Russia was still moving critical units toward the border. He had seen no pullback of its forces. That is the view from Washington [@zelensky-direct-talks].';
      const [f] = check(report, 'citation-unsupported');
      assert.equal(f?.source?.key, 'putin-nato-scholz');
    });

    it("the hover's passage of the suggested source, cited bare, is the paragraph the fix cites", () => {
      const [f] = check(wrong, 'citation-unsupported');
      const bare = wrong.replace('zelensky-direct-talks', 'putin-nato-scholz');
      const passage = bestPassage(bare, bare.indexOf('@putin') + 2, sources.find((s) => s.meta.key === 'putin-nato-scholz')!, context.search);
      assert.equal(`para. ${passage?.index}`, f.source?.locator);
    });

    it('suggests the source that completion offers first for the same sentence', () => {
      const sentence = 'Blinken said Russia was still moving critical units toward the border and had not pulled back its forces';
      const [f] = check(`${sentence} [@zelensky-direct-talks].`, 'citation-unsupported');
      assert.equal(rankSources(context.search!, sources, sentence)[0].source.meta.key, f.source?.key);
    });

    it('offers two sources, naming neither as the source, when they say it about as well as each other', async () => {
      // A syndicated copy of the article that says it: the same paragraph under another key.
      const loaded = await loadCorpusDirectory(corpusDir);
      const original = loaded.corpus.get('putin-nato-scholz')!;
      const said = original.paragraphs.find((p) => p.text.includes('critical units'))!;
      loaded.corpus.upsert(parseArticle('/c/wire-copy.md', `---\nid: wire-copy\ntitle: Wire copy\n---\n\n${said.text}\n`, 'markdown'));
      const both: CheckContext = { corpus: loaded.corpus, search: new SearchIndex(loaded.corpus.all()) };
      const [f] = checkReport(wrong, both).filter((x) => x.code === 'citation-unsupported');
      assert.ok(f, 'the cited source is still wrong');
      assert.equal(f.source, undefined, 'no one source is named as the one that says it');
      assert.deepEqual(f.related?.map((r) => r.key).sort(), ['putin-nato-scholz', 'wire-copy']);
      assert.match(f.message, /^@zelensky-direct-talks says nothing like this; @(putin-nato-scholz|wire-copy) and @(putin-nato-scholz|wire-copy) say more of it, about as much as each other: /);
      assert.deepEqual(f.fixes.map((x) => x.title.replace(/, para\. \d+$/, '')).sort(), ['Replace with @putin-nato-scholz', 'Replace with @wire-copy']);
    });
  });

  describe('claim-unsupported', () => {
    it('marks a cited sentence that no source says', () => {
      const report = 'The orchestra rehearsed the ninth symphony in a cold concert hall all weekend [@putin-nato-scholz].';
      const [f] = check(report, 'claim-unsupported');
      assert.ok(f, 'no claim-unsupported');
      assert.equal(f.severity, 'information');
      assert.equal(report.slice(f.start, f.end).trim(), 'The orchestra rehearsed the ninth symphony in a cold concert hall all weekend');
      assert.deepEqual(check(report, 'citation-unsupported'), []);
    });

    it('is not said of a sentence its source says', () => {
      assert.deepEqual(check('US intelligence warned of an offensive involving 175,000 troops [@biden-zelenskyy-call].', 'claim-unsupported'), []);
    });
  });

  describe('quote-misattributed', () => {
    const report = 'Psaki said: "There\'s what Russia says. And there\'s what Russia does." [@putin-nato-scholz]';

    it("names the source's speaker and fixes the name", () => {
      const [f] = check(report, 'quote-misattributed');
      assert.ok(f, 'no quote-misattributed');
      assert.equal(f.severity, 'warning');
      assert.equal(report.slice(f.start, f.end), 'Psaki');
      assert.match(f.message, /attributes these words to Blinken, not Psaki/);
      assert.equal(applied(report, f), report.replace('Psaki', 'Blinken'));
      assert.deepEqual(check(applied(report, f), 'quote-misattributed'), []);
    });

    it('reads "according to" and a speaker after the quotation', () => {
      assert.equal(check('According to Psaki, "There\'s what Russia says. And there\'s what Russia does." [@putin-nato-scholz]', 'quote-misattributed').length, 1);
      assert.equal(check('"We need to resolve this question now," Scholz said [@putin-nato-scholz].', 'quote-misattributed')[0]?.fixes[0]?.newText, 'Putin');
    });

    it('says nothing when the names agree or the report names no one', () => {
      assert.deepEqual(check(report.replace('Psaki', 'Antony Blinken'), 'quote-misattributed'), []);
      assert.deepEqual(check(report.replace('Psaki said', 'He said'), 'quote-misattributed'), []);
    });
  });

  describe('citation-missing', () => {
    const report = 'US intelligence warned of an offensive involving 175,000 troops.';

    it('offers the one source that says an uncited figure, as a hint', () => {
      const [f] = check(report, 'citation-missing');
      assert.ok(f, 'no citation-missing');
      assert.equal(f.severity, 'hint');
      assert.equal(f.source?.key, 'biden-zelenskyy-call');
      assert.equal(f.fixes[0].title, `Cite @biden-zelenskyy-call, ${f.source!.locator}`);
      assert.equal(applied(report, f), `US intelligence warned of an offensive involving 175,000 troops [@biden-zelenskyy-call, ${f.source!.locator}].`);
      assert.deepEqual(check(applied(report, f), 'citation-missing'), []);
    });

    it('stays quiet on a sentence with no figure or quotation, and on one no source clearly says', () => {
      assert.deepEqual(check('US intelligence warned of an offensive at the border.', 'citation-missing'), []);
      assert.deepEqual(check('The orchestra played 9 symphonies in a cold concert hall.', 'citation-missing'), []);
    });
  });

  describe('Cite Supporting Sources', () => {
    const report = 'US intelligence warned of an offensive involving 175,000 troops.\n\nZelensky told parliament he was not afraid of a direct dialogue with Russia.\n\nThe orchestra rehearsed the ninth symphony all weekend.\n';

    it('plans a citation for each uncited sentence one source clearly says, and none for the rest', () => {
      const plan = planSupportingCitations(report, context);
      assert.deepEqual(plan.map((p) => p.cite.key), ['biden-zelenskyy-call', 'zelensky-direct-talks']);
      let text = report;
      for (const { edit } of [...plan].reverse()) text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
      assert.match(text, /175,000 troops \[@biden-zelenskyy-call, para\. \d+\]\.\n/);
      assert.match(text, /with Russia \[@zelensky-direct-talks, para\. \d+\]\.\n/);
    });

    it('plans only within the selection, and nothing for a sentence already covered by a citation', () => {
      const second = report.indexOf('Zelensky');
      assert.deepEqual(planSupportingCitations(report, context, { start: second, end: second + 10 }).map((p) => p.cite.key), ['zelensky-direct-talks']);
      assert.deepEqual(planSupportingCitations('US intelligence warned of an offensive involving 175,000 troops. It was in December [@biden-zelenskyy-call].', context), []);
    });
  });

  describe('quote-mismatch', () => {
    it('shows the closest wording only up to where the quotation stops', () => {
      const report = 'Biden said "I made it clear that if Russia invades Ukraine, there will be serious consequences" [@biden-zelenskyy-call].';
      const [f] = check(report, 'quote-mismatch');
      assert.ok(f, 'no quote-mismatch');
      assert.match(f.message, /Closest wording .*"I made it very clear that if it really invades Ukraine, it will have serious consequences,?"$/);
      assert.doesNotMatch(f.message, /told reporters/);
    });
  });
});
