// Indexing in grounded-lsp: answers do not wait for the corpus and say when they are partial;
// the server watches the sources itself when the client offers no watcher.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspSession, makeWorkspace, uriOf } from './harness';

const SOURCES = 3000;

/** A workspace with many small sources, so that a scan takes a while. */
function largeWorkspace(report: string): string {
  const folder = makeWorkspace({ 'report.md': report }, { corpus: false });
  mkdirSync(join(folder, 'corpus'));
  for (let i = 0; i < SOURCES; i++) {
    writeFileSync(
      join(folder, 'corpus', `article-${String(i).padStart(4, '0')}.txt`),
      `Harbour report number ${i}\n\nThe harbour at town ${i} handled ${1000 + i} containers in March, officials said.\n\nDock workers at town ${i} asked for ${i % 9} more cranes.\n`,
    );
  }
  return folder;
}

describe('grounded-lsp while indexing', function () {
  this.timeout(120_000);

  it('answers before the corpus is read, says the answer is partial, and completes it later', async () => {
    const report = 'The harbour at town 7 handled 1007 containers [@harbour-report-number-7].\n\nDock workers at town 2999 asked for cranes [@harbour-report-number-2999\n\nThe harbour at town 12 handled 1012 containers [@\n';
    const folder = largeWorkspace(report);
    const session = await LspSession.start(folder);
    try {
      const document = session.open(join(folder, 'report.md'));
      const at = (line: number, character: number) => ({ textDocument: { uri: document.uri }, position: { line, character } });
      const lines = report.split('\n');
      const typed = at(2, lines[2].length);
      const early = (await session.connection.sendRequest('textDocument/completion', typed)) as CompletionList;
      const hover = (await session.connection.sendRequest('textDocument/hover', at(0, 50))) as Hover;
      const completeBefore = session.statuses.some((s) => s.complete);
      assert.equal(completeBefore, false, 'the answers came before the index was complete');
      assert.equal(early.isIncomplete, true, 'a partial completion list says so');
      assert.ok(early.items.length <= 1);
      assert.match((hover.contents as MarkupContent).value, /Grounded is still (looking for|indexing) the sources/);

      await session.indexComplete();
      // On the way the server said how far it had got, in steps.
      assert.ok(
        session.statuses.some((s) => !s.complete && s.filesTotal === SOURCES + 1 && s.filesRead > 0 && s.filesRead < SOURCES),
        JSON.stringify(session.statuses.slice(0, 5)),
      );
      const late = (await session.connection.sendRequest('textDocument/completion', typed)) as CompletionList;
      assert.equal(late.isIncomplete, false, 'complete now: the one source whose key holds what is typed');
      assert.deepEqual(
        late.items.map((i) => i.label),
        ['harbour-report-number-2999'],
      );
      // Nothing typed yet: the best-ranked hundred, and the client is told to ask again as the writer types.
      const all = (await session.connection.sendRequest('textDocument/completion', at(4, lines[4].length))) as CompletionList;
      assert.equal(all.items.length, 100);
      assert.equal(all.isIncomplete, true);
      assert.equal(all.items[0].label, 'harbour-report-number-12');
      const hoverLate = (await session.connection.sendRequest('textDocument/hover', at(0, 50))) as Hover;
      const value = (hoverLate.contents as MarkupContent).value;
      assert.doesNotMatch(value, /still indexing/);
      assert.match(value, /Harbour report number 7\*\*/);
      // Diagnostics come only once the sources are all read: no false unknown-source on the way.
      const diagnostics = await session.diagnosticsOf(document.uri);
      assert.equal(diagnostics.filter((d) => d.code === 'unknown-source').length, 0, JSON.stringify(diagnostics));
    } finally {
      await session.close();
    }
  });

  it('watches the sources itself when the client has no file watcher', async () => {
    const folder = makeWorkspace({ 'report.md': 'Grain flows again [@grain-exports-resume-odesa].\n' });
    const session = await LspSession.start(folder, { capabilities: { workspace: { configuration: true } } });
    try {
      await session.indexComplete();
      assert.equal(session.registrations.length, 0, 'nothing registered with a client that cannot watch');
      const document = session.open(join(folder, 'report.md'));
      const before = await session.diagnosticsOf(document.uri);
      assert.deepEqual(
        before.map((d) => d.code),
        ['unknown-source'],
      );
      const statuses = session.statuses.length;
      const path = join(folder, 'corpus', 'grain.txt');
      writeFileSync(path, 'Grain exports resume from Odesa\n\nUkraine shipped 26,000 tonnes of maize from Odesa on Monday.\n');
      await session.until(() => session.statuses.slice(statuses).some((s) => s.complete && s.sources === 6), 'the new file to be indexed');
      // The report is checked again against the new source: its citation now resolves.
      await session.until(() => session.diagnostics.get(document.uri)?.diagnostics.length === 0, 'the report to be checked again');

      const removed = session.statuses.length;
      unlinkSync(path);
      await session.until(() => session.statuses.slice(removed).some((s) => s.complete && s.sources === 5), 'the deleted file to leave the index');
      await session.until(() => session.diagnostics.get(document.uri)?.diagnostics.length === 1, 'the citation to be unknown again');

      // A folder of sources moved in is read whole; deleted, it leaves the index whole.
      const outside = makeWorkspace({ 'more/grain.txt': 'Grain exports resume from Odesa\n\nUkraine shipped 26,000 tonnes of maize.\n', 'more/wheat.txt': 'Wheat prices fall\n\nWheat fell 3% on Monday.\n' }, { corpus: false });
      const moved = session.statuses.length;
      renameSync(join(outside, 'more'), join(folder, 'corpus', 'more'));
      rmSync(outside, { recursive: true, force: true });
      await session.until(() => session.statuses.slice(moved).some((s) => s.complete && s.sources === 7), 'the moved-in folder to be indexed');
      const deleted = session.statuses.length;
      rmSync(join(folder, 'corpus', 'more'), { recursive: true });
      await session.until(() => session.statuses.slice(deleted).some((s) => s.complete && s.sources === 5), 'the deleted folder to leave the index');
    } finally {
      await session.close();
    }
  });

  it('indexes a workspace folder the client adds, and drops one it removes', async () => {
    const first = makeWorkspace();
    const second = makeWorkspace({ 'sources/harbour.txt': 'Harbour report\n\nThe harbour handled 1,000 containers in March.\n' }, { corpus: false });
    const session = await LspSession.start(first);
    try {
      await session.indexComplete();
      const seen = session.statuses.length;
      await session.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(second), name: 'second' }], removed: [] } });
      await session.until(() => session.statuses.slice(seen).some((s) => s.complete && s.sources === 6), 'the second folder to be indexed');
      const later = session.statuses.length;
      await session.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uriOf(first), name: 'workspace' }] } });
      await session.until(() => session.statuses.slice(later).some((s) => s.complete && s.sources === 1), 'the first folder to be dropped');
    } finally {
      await session.close();
      rmSync(second, { recursive: true, force: true });
    }
  });

  it('writes its caches when shut down, and a restart reads the sources from them', async () => {
    const folder = makeWorkspace();
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'grounded-lsp-caches-'));
    try {
      const first = await LspSession.start(folder, { initializationOptions: { cacheDirectory } });
      await first.indexComplete();
      assert.match(first.logs.find((l) => l.startsWith('Indexed '))!, /\(6 parsed, 0 from the cache; index built by the worker\)/);
      // Stopped at once, before the caches' own timer would write them.
      await first.stop();
      const second = await LspSession.start(folder, { initializationOptions: { cacheDirectory } });
      try {
        await second.indexComplete();
        assert.match(second.logs.find((l) => l.startsWith('Indexed '))!, /\(0 parsed, 6 from the cache; index from the cache\)/);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
      rmSync(cacheDirectory, { recursive: true, force: true });
    }
  });
});
