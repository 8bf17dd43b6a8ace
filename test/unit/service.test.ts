// The host-neutral service layer (src/service) in plain Node: settings, fix edits, the
// features as plain data, and corpus indexing over the real index worker.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import manifest from '../../package.json';
import type { Corpus } from '../../src/core/corpus/corpus';
import { loadCorpusDirectory } from '../../src/core/corpus/node-corpus';
import { SearchIndex } from '../../src/core/search/search-index';
import { citationCompletions, narrowCompletions } from '../../src/service/completions';
import { CorpusIndexer } from '../../src/service/corpus-indexer';
import { citationTarget } from '../../src/service/definitions';
import { DiskFileTree } from '../../src/service/file-tree';
import { fixEdits } from '../../src/service/fix-edits';
import { hoverContent } from '../../src/service/hover-content';
import { ReportChecker } from '../../src/service/report-checker';
import { readSettings } from '../../src/service/settings';
import { IndexWorkerClient } from '../../src/worker/index-client';
import { corpusDir, repoRoot } from './paths';

function applyEdits(text: string, edits: Array<{ start: number; end: number; newText: string }>): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

describe('service: settings', () => {
  const properties = manifest.contributes.configuration.properties;

  it("defaults to the extension's manifest", () => {
    const settings = readSettings(undefined);
    assert.deepEqual(settings.corpus.include, properties['grounded.corpus.include'].default);
    assert.deepEqual(settings.corpus.exclude, properties['grounded.corpus.exclude'].default);
    assert.equal(settings.corpus.maxBytes, properties['grounded.corpus.maxFileSizeMB'].default * 1024 * 1024);
    assert.equal(settings.check.citationScope, 'paragraph');
  });

  it('reads nested and dotted names alike', () => {
    const nested = readSettings({ corpus: { include: ['a/**'] }, checks: { citationScope: 'sentence' }, diagnostics: { severity: { 'figure-mismatch': 'off' } } });
    const dotted = readSettings({ 'corpus.include': ['a/**'], 'checks.citationScope': 'sentence', 'diagnostics.severity': { 'figure-mismatch': 'off' } });
    assert.deepEqual(nested, dotted);
    assert.deepEqual(nested.corpus.include, ['a/**']);
    assert.equal(nested.check.severity?.['figure-mismatch'], 'off');
  });

  it('names every value of the wrong type and keeps its default', () => {
    const problems: string[] = [];
    const settings = readSettings({ corpus: { include: [1], maxFileSizeMB: -3 }, diagnostics: { severity: { 'quote-mismatch': 'loud' } } }, problems);
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems[0], /grounded\.corpus\.maxFileSizeMB should be a number of megabytes, at least 1, not -3/);
    assert.ok(problems.some((p) => p.startsWith('grounded.corpus.include should be a list of glob patterns, not [1]')));
    assert.ok(problems.some((p) => p.includes('grounded.diagnostics.severity.quote-mismatch should be')));
    assert.deepEqual(settings.corpus.include, properties['grounded.corpus.include'].default);
    assert.equal(settings.check.severity?.['quote-mismatch'], undefined);
  });
});

describe('service: features as plain data', () => {
  let corpus: Corpus;
  let search: SearchIndex;
  before(async () => {
    ({ corpus } = await loadCorpusDirectory(corpusDir));
    search = new SearchIndex(corpus.all());
  });

  it('completes keys ranked by the sentence, then locators', () => {
    const report = 'Zelensky called for direct talks with Putin [@';
    const keys = citationCompletions(report, report.length, corpus, search)!;
    assert.equal(keys[0].label, 'zelensky-direct-talks');
    assert.equal(keys[0].start, report.length);
    const located = 'The build-up was over 94,000 troops [@putin-biden-talks, ';
    const locators = citationCompletions(located, located.length, corpus, search)!;
    assert.equal(locators[0].label, 'para. 7');
    assert.equal(citationCompletions('No citation here.', 5, corpus, search), undefined);
  });

  it('narrows completions to what is typed, best first, and says when it cut the list', () => {
    const report = 'Talks with Putin [@';
    const all = citationCompletions(report, report.length, corpus, search)!;
    const cut = narrowCompletions(all, '', 2);
    assert.deepEqual(
      cut.items.map((i) => i.label),
      all.slice(0, 2).map((i) => i.label),
    );
    assert.equal(cut.truncated, true);
    const putin = narrowCompletions(all, 'putin', 10);
    assert.deepEqual(putin.items.map((i) => i.label).sort(), ['putin-biden-talks', 'putin-nato-scholz', 'zelensky-direct-talks']);
    assert.equal(putin.truncated, false);
    // Words of the title count too ("Zelensky calls for direct talks…"), as typed.
    assert.deepEqual(
      narrowCompletions(all, 'direct talks', 10).items.map((i) => i.label),
      ['zelensky-direct-talks'],
    );
  });

  it('hovers a citation with its passage and a quotation with where it occurs', () => {
    const report = 'Over 94,000 troops [@putin-biden-talks, para. 7] and [@nobody]. "direct talks"';
    const cited = hoverContent(report, report.indexOf('@putin'), corpus);
    assert.equal(cited?.kind, 'citation');
    if (cited?.kind !== 'citation') return;
    const [source] = cited.sources;
    assert.ok(source.known && source.passages[0].paragraph === 7 && /94,000/.test(source.passages[0].text));
    const unknown = hoverContent(report, report.indexOf('@nobody'), corpus);
    assert.deepEqual(unknown?.kind === 'citation' && unknown.sources, [{ key: 'nobody', known: false }]);
    const quote = hoverContent(report, report.indexOf('direct'), corpus);
    assert.ok(quote?.kind === 'quotation' && quote.found.length > 0);
  });

  it('leads a citation to its source passage', () => {
    const report = 'Over 94,000 troops [@putin-biden-talks, para. 7].';
    const target = citationTarget(report, report.indexOf('@'), corpus)!;
    assert.equal(target.source.meta.key, 'putin-biden-talks');
    assert.deepEqual(
      target.passages.map((p) => p.index),
      [7],
    );
  });

  it('turns a fix that adds a citation into an insertion that joins the citation beside it', () => {
    const report = 'Russia massed troops [@biden-zelenskyy-call].';
    const at = report.indexOf(']') + 1;
    const edits = fixEdits(report, { title: 'Cite', start: at, end: at, newText: ' [@putin-biden-talks, para. 7]' }, (key) => corpus.get(key) !== undefined);
    assert.equal(applyEdits(report, edits), 'Russia massed troops [@biden-zelenskyy-call; @putin-biden-talks, para. 7].');
    const replace = fixEdits(report, { title: 'Use', start: 0, end: 6, newText: 'Moscow' }, () => true);
    assert.deepEqual(replace, [{ start: 0, end: 6, newText: 'Moscow' }]);
  });
});

describe('service: corpus indexing and report checks', function () {
  this.timeout(30_000);
  let folder: string;
  let indexer: CorpusIndexer;
  const logged: string[] = [];

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'grounded-service-'));
    cpSync(corpusDir, join(folder, 'corpus'), { recursive: true });
    const worker = new IndexWorkerClient(join(repoRoot, 'dist', 'index-worker.js'), { cacheVersion: 'test' }, (m) => logged.push(m));
    indexer = new CorpusIndexer(worker, new DiskFileTree(), readSettings(undefined).corpus, { info: (m) => logged.push(m), warn: (m) => logged.push(m), error: (m) => logged.push(m) });
  });
  after(async () => {
    await indexer.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('scans the folders the settings name, reporting its state as it goes', async () => {
    const states: boolean[] = [];
    indexer.onDidChangeState((s) => states.push(s.complete));
    await indexer.configure([folder], readSettings(undefined).corpus);
    await indexer.firstScan();
    assert.equal(indexer.state.complete, true);
    assert.equal(indexer.corpus.size, 5);
    assert.equal(indexer.searchIndex().passageCount, indexer.corpus.all().reduce((n, s) => n + s.paragraphs.length, 0));
    assert.equal(states[0], false);
    assert.equal(states.at(-1), true);
    assert.ok(indexer.wants(join(folder, 'corpus', 'new.txt')));
    assert.ok(!indexer.wants(join(folder, 'report.md')));
  });

  it('reads a changed file and checks the open report again', async () => {
    const report = { uri: 'untitled:report', version: 1, text: 'Grain flows [@grain-exports-resume-odesa].' };
    const published: number[] = [];
    const checker = new ReportChecker(
      indexer,
      () => ({ uri: report.uri, version: report.version, getText: () => report.text }),
      () => [{ uri: report.uri, version: report.version, getText: () => report.text }],
      () => ({}),
      (checked) => published.push(checked.findings.length),
    );
    try {
      const first = await checker.check(report.uri);
      assert.deepEqual(
        first?.findings.map((f) => f.code),
        ['unknown-source'],
      );
      const changed = new Promise<void>((resolve) => indexer.onDidChange(() => resolve()));
      const path = join(folder, 'corpus', 'grain.txt');
      writeFileSync(path, 'Grain exports resume from Odesa\n\nUkraine shipped 26,000 tonnes of maize.\n');
      indexer.fileChanged(path, 'update');
      await changed;
      assert.ok(indexer.corpus.atLocation(pathToFileURL(path).href));
      const again = await checker.check(report.uri);
      assert.deepEqual(again?.findings, []);
      assert.deepEqual(published.slice(0, 1), [1]);
    } finally {
      checker.dispose();
    }
  });
});
