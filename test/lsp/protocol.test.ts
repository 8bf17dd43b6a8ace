// The language server over the protocol, as a Node LSP client talks to it: the features,
// the same findings as the CLI, edits the client applies, sync, watching and settings.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, CompletionList, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspSession, makeWorkspace, repoRoot, uriOf } from './harness';

const REPORT = [
  'Russia massed 120,000 troops on the border [@putin-biden-talks, para. 7].',
  '',
  'Zelensky called for direct talks with Putin [@',
  '',
  'Ukraine put the build-up at over 94,000 troops [@putin-biden-talks, ',
  '',
  'The talks are due [@nosuch-key].',
  '',
].join('\n');

describe('grounded-lsp over the protocol', function () {
  this.timeout(60_000);
  let session: LspSession;
  let reportPath: string;
  let reportUri: string;

  before(async () => {
    // Two source files Grounded cannot use: their diagnostics say why, and the rest is indexed.
    const folder = makeWorkspace({ 'report.md': REPORT, 'corpus/binary.txt': 'PK\u0000\u0003\u0004 not text', 'corpus/blank.md': '   \n' });
    reportPath = join(folder, 'report.md');
    reportUri = uriOf(reportPath);
    session = await LspSession.start(folder);
    await session.indexComplete();
    session.open(reportPath);
  });
  after(() => session.close());

  const position = (line: number, character: number) => ({ textDocument: { uri: reportUri }, position: { line, character } });

  it('completes citation keys after [@, best match for the sentence first', async () => {
    const list = (await session.connection.sendRequest('textDocument/completion', position(2, REPORT.split('\n')[2].length))) as CompletionList;
    assert.equal(list.isIncomplete, false, 'the index is complete, so is the list');
    assert.equal(list.items.length, 5);
    assert.equal(list.items[0].label, 'zelensky-direct-talks');
    assert.equal(list.items[0].preselect, true);
    const edit = list.items[0].textEdit as { range: { start: { character: number } } };
    assert.equal(edit.range.start.character, REPORT.split('\n')[2].length, 'the key goes right after the @');
    assert.match((list.items[0].documentation as MarkupContent).value, /Zelensky/);
  });

  it('completes locators after [@key, , the passage that backs the sentence first', async () => {
    const list = (await session.connection.sendRequest('textDocument/completion', position(4, REPORT.split('\n')[4].length))) as CompletionList;
    assert.ok(list.items.length >= 10, `a locator per paragraph, got ${list.items.length}`);
    assert.equal(list.items[0].label, 'para. 7');
    assert.ok(list.items.every((i) => /^para\. \d+$/.test(i.label)));
  });

  it("hovers a citation with the source's own words, shared words in bold", async () => {
    const hover = (await session.connection.sendRequest('textDocument/hover', position(0, 50))) as Hover;
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /Vladimir Putin requests President Joe Biden/);
    assert.match(value, /\*\*troops\*\*/);
    assert.match(value, /94,000/);
    assert.doesNotMatch(value, /still indexing/);
    assert.deepEqual(hover.range?.start, { line: 0, character: 43 });
  });

  it('goes to the cited paragraph in the source file', async () => {
    const [location] = (await session.connection.sendRequest('textDocument/definition', position(0, 50))) as Location[];
    assert.equal(location.uri, uriOf(join(session.folder, 'corpus', '002_c369252dabbea5e4.txt')));
    const line = readFileSync(join(session.folder, 'corpus', '002_c369252dabbea5e4.txt'), 'utf8').split('\n')[location.range.start.line];
    assert.match(line, /over 94,000 troops along the border/);
  });

  it('publishes the same findings as `grounded check` on the same files', async () => {
    const diagnostics = await session.diagnosticsOf(reportUri);
    const cli = JSON.parse(execFileSync(process.execPath, [join(repoRoot, 'bin', 'grounded.js'), 'check', 'report.md', '--corpus', 'corpus', '--format', 'json', '--fail-on', 'none'], { cwd: session.folder, encoding: 'utf8' })) as {
      files: Array<{ diagnostics: Array<{ code: string; message: string; range: unknown }> }>;
    };
    const fromCli = cli.files[0].diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range }));
    assert.deepEqual(
      diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range })),
      fromCli,
    );
    assert.ok(fromCli.some((d) => d.code === 'figure-mismatch') && fromCli.some((d) => d.code === 'unknown-source'));
    const figure = diagnostics.find((d) => d.code === 'figure-mismatch')!;
    assert.equal(figure.source, 'grounded');
    assert.match(figure.relatedInformation?.[0].message ?? '', /over 94,000 troops/);
  });

  it('offers a quick fix as a WorkspaceEdit that puts in the source figure', async () => {
    const diagnostics = await session.diagnosticsOf(reportUri);
    const figure = diagnostics.find((d) => d.code === 'figure-mismatch')!;
    const actions = (await session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: reportUri }, range: figure.range, context: { diagnostics: [figure] } })) as CodeAction[];
    assert.ok(actions.length > 0);
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal(actions[0].isPreferred, true);
    session.apply(actions[0].edit!);
    assert.match(session.documents.get(reportUri)!.getText().split('\n')[0], /94,000/);
    const after = await session.diagnosticsOf(reportUri);
    assert.equal(after.filter((d) => d.code === 'figure-mismatch').length, 0);
    assert.equal(after.filter((d) => d.code === 'unknown-source').length, 1);
  });

  it('offers to open the source passage a finding compared with, and the client is asked to show it', async () => {
    const source = join(session.folder, 'corpus', '002_c369252dabbea5e4.txt');
    const report = join(session.folder, 'figures.md');
    writeFileSync(report, 'Russia massed 120,000 troops on the border [@putin-biden-talks, para. 7].\n');
    const document = session.open(report);
    const figure = (await session.diagnosticsOf(document.uri)).find((d) => d.code === 'figure-mismatch')!;
    const actions = (await session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: document.uri }, range: figure.range, context: { diagnostics: [figure] } })) as CodeAction[];
    const open = actions.find((a) => a.title === 'Open @putin-biden-talks, para. 7');
    assert.ok(open?.command, actions.map((a) => a.title).join(', '));
    const answer = (await session.connection.sendRequest('workspace/executeCommand', { command: open.command.command, arguments: open.command.arguments })) as { shown: boolean };
    assert.equal(answer.shown, true);
    const shown = session.shownDocuments.at(-1)!;
    assert.equal(shown.uri, uriOf(source));
    const line = readFileSync(source, 'utf8').split('\n')[shown.selection!.start.line];
    assert.equal(line.slice(shown.selection!.start.character, shown.selection!.end.character), 'over 94,000 troops');
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: document.uri } });
  });

  it('follows incremental edits: a figure made wrong mid-line is flagged in the new version', async () => {
    const document = session.documents.get(reportUri)!;
    const line = document.getText().split('\n')[0];
    const at = line.indexOf('94,000');
    session.edit(reportUri, [{ range: { start: { line: 0, character: at }, end: { line: 0, character: at + 2 } }, newText: '12' }]);
    const diagnostics = await session.diagnosticsOf(reportUri, (d) => d.some((x) => x.code === 'figure-mismatch'));
    const figure = diagnostics.find((d) => d.code === 'figure-mismatch')!;
    assert.equal(figure.range.start.line, 0);
    assert.match(figure.message, /12,000/);
  });

  it('searches the sources through workspace/executeCommand', async () => {
    const answer = (await session.connection.sendRequest('workspace/executeCommand', { command: 'grounded.searchSources', arguments: ['94,000 troops border', 3] })) as {
      complete: boolean;
      passages: Array<{ key: string; citation: string; text: string; range: { start: { line: number } } }>;
    };
    assert.equal(answer.complete, true);
    assert.ok(answer.passages.length >= 1 && answer.passages.length <= 3);
    assert.equal(answer.passages[0].citation, '[@putin-biden-talks, para. 7]');
    assert.equal(answer.passages[0].range.start.line, 17);
  });

  it('inserts a citation as an edit the client applies, and never into a source', async () => {
    const before = session.documents.get(reportUri)!;
    const lines = before.getText().split('\n');
    const applied = session.events.filter((e) => e === 'applyEdit').length;
    const result = (await session.connection.sendRequest('workspace/executeCommand', {
      command: 'grounded.insertCitation',
      arguments: [{ uri: reportUri, position: { line: 6, character: lines[6].length }, key: 'us-russia-talks-jan10', locator: 'para. 1' }],
    })) as { applied: boolean; text: string };
    assert.equal(result.applied, true);
    assert.equal(session.events.filter((e) => e === 'applyEdit').length, applied + 1);
    assert.match(session.documents.get(reportUri)!.getText().split('\n')[6], /\[@us-russia-talks-jan10, para\. 1\]/);

    const source = join(session.folder, 'corpus', '001_9d7a239e33f26daf.txt');
    session.open(source, readFileSync(source, 'utf8'), 'plaintext');
    await assert.rejects(
      session.connection.sendRequest('workspace/executeCommand', { command: 'grounded.insertCitation', arguments: [{ uri: uriOf(source), position: { line: 0, character: 0 }, key: 'putin-biden-talks' }] }),
      /never writes to sources/,
    );
  });

  it('completes nothing in a source, nor in a document it was never sent, and takes a position past the end', async () => {
    const source = join(session.folder, 'corpus', '004_e677b73b8ed45b60.txt');
    const text = `${readFileSync(source, 'utf8')}\nSee [@`;
    session.open(source, text, 'plaintext');
    const lastLine = text.split('\n').length - 1;
    assert.equal(await session.connection.sendRequest('textDocument/completion', { textDocument: { uri: uriOf(source) }, position: { line: lastLine, character: 6 } }), null);
    assert.equal(await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(join(session.folder, 'never-opened.md')) }, position: { line: 0, character: 0 } }), null);
    const past = (await session.connection.sendRequest('textDocument/completion', position(2, 500))) as CompletionList;
    assert.equal(past.items.length, 5, 'a character past the line end counts as the line end');
  });

  it('checks every report of the workspace on grounded.checkWorkspace, open or not', async () => {
    const unopened = join(session.folder, 'notes', 'unopened.md');
    mkdirSync(join(session.folder, 'notes'));
    writeFileSync(unopened, 'Russia massed 120,000 troops on the border [@putin-biden-talks, para. 7].\n');
    const answer = (await session.connection.sendRequest('workspace/executeCommand', { command: 'grounded.checkWorkspace' })) as { reports: number; findings: number };
    assert.ok(answer.reports >= 2, JSON.stringify(answer));
    const published = session.diagnostics.get(uriOf(unopened));
    assert.deepEqual(
      published?.diagnostics.map((d) => [d.code, d.range.start.character]),
      [['figure-mismatch', 14]],
    );
    assert.ok(answer.findings >= 1);
    // A source is no report: the corpus's blank.md keeps its one diagnostic, that it was skipped.
    const blank = session.diagnostics.get(uriOf(join(session.folder, 'corpus', 'blank.md')))!.diagnostics;
    assert.deepEqual(
      blank.map((d) => d.code),
      [undefined],
    );
  });

  it('reads every source again, without the caches, on grounded.reindex', async () => {
    const logged = session.logs.length;
    const state = (await session.connection.sendRequest('workspace/executeCommand', { command: 'grounded.reindex' })) as { complete: boolean; sources: number };
    assert.equal(state.complete, true);
    assert.ok(state.sources >= 5);
    const scan = session.logs.slice(logged).find((l) => l.startsWith('Indexed '));
    assert.match(scan ?? '', /\(\d+ parsed, 0 from the cache; index built by the worker\)/);
  });

  it('answers bad command arguments with a message naming the argument', async () => {
    await assert.rejects(session.connection.sendRequest('workspace/executeCommand', { command: 'grounded.searchSources', arguments: [42] }), /first argument, a string/);
    await assert.rejects(session.connection.sendRequest('workspace/executeCommand', { command: 'grounded.insertCitation', arguments: [{ uri: reportUri, key: 'x' }] }), /"position" should be/);
    await assert.rejects(session.connection.sendRequest('workspace/executeCommand', { command: 'grounded.insertCitation', arguments: [{ uri: reportUri, position: { line: 0, character: 0 }, key: 'no-such' }] }), /no indexed source has the key "no-such"/);
    // And the server still answers.
    const list = (await session.connection.sendRequest('textDocument/completion', position(2, REPORT.split('\n')[2].length))) as CompletionList;
    assert.equal(list.items.length, 5);
  });

  it('registers file watchers with the client and re-indexes on workspace/didChangeWatchedFiles', async () => {
    const registration = session.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(registration, 'the server asked the client to watch the sources');
    const globs = (registration.registerOptions as { watchers: Array<{ globPattern: string }> }).watchers.map((w) => w.globPattern);
    assert.ok(globs.includes('**/corpus/**/*.{txt,md,markdown,html,htm,pdf,docx}'));
    const statuses = session.statuses.length;
    const path = join(session.folder, 'corpus', 'grain-exports.txt');
    writeFileSync(path, 'Grain exports resume from Odesa\n\nUkraine shipped 26,000 tonnes of maize from Odesa on Monday.\n');
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path), type: 1 }] });
    await session.until(() => session.statuses.slice(statuses).some((s) => s.complete && s.sources === 6), 'the new source to be indexed');
    const answer = (await session.connection.sendRequest('workspace/executeCommand', { command: 'grounded.searchSources', arguments: ['maize Odesa'] })) as { passages: Array<{ key: string }> };
    assert.equal(answer.passages[0]?.key, 'grain-exports-resume-odesa');
  });

  it('reads a folder the client reports created without its files, and drops its files when it reports the folder deleted', async () => {
    const registration = session.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')!;
    const watchers = (registration.registerOptions as { watchers: Array<{ globPattern: string; kind?: number }> }).watchers;
    assert.ok(watchers.some((w) => w.globPattern === '**/*' && w.kind === 5), 'every path\'s creation and deletion is watched');
    const sources = session.statuses.filter((s) => s.complete).at(-1)!.sources;
    // As code-server's watcher reports a folder of sources copied in at once: the folder alone.
    const folder = join(session.folder, 'copied');
    mkdirSync(join(folder, 'corpus'), { recursive: true });
    writeFileSync(join(folder, 'corpus', 'wheat.txt'), 'Wheat prices fall\n\nWheat fell 3% on Monday in Chicago.\n');
    writeFileSync(join(folder, 'corpus', 'barley.txt'), 'Barley harvest late\n\nThe barley harvest started two weeks late.\n');
    const created = session.statuses.length;
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(folder), type: 1 }] });
    await session.until(() => session.statuses.slice(created).some((s) => s.complete && s.sources === sources + 2), 'the files of the folder to be indexed');
    const answer = (await session.connection.sendRequest('workspace/executeCommand', { command: 'grounded.searchSources', arguments: ['barley harvest'] })) as { passages: Array<{ key: string }> };
    assert.equal(answer.passages[0]?.key, 'barley-harvest-late');
    rmSync(folder, { recursive: true });
    const deleted = session.statuses.length;
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(folder), type: 3 }] });
    await session.until(() => session.statuses.slice(deleted).some((s) => s.complete && s.sources === sources), 'the folder\'s files to leave the index');
  });

  it('says on each source file it could not use why, and indexes the rest', async () => {
    const binary = uriOf(join(session.folder, 'corpus', 'binary.txt'));
    const blank = uriOf(join(session.folder, 'corpus', 'blank.md'));
    await session.until(() => session.diagnostics.has(binary) && session.diagnostics.has(blank), 'the diagnostics of the unusable sources');
    assert.match(session.diagnostics.get(binary)!.diagnostics[0].message, /Skipped: it looks like a binary file/);
    assert.match(session.diagnostics.get(blank)!.diagnostics[0].message, /Skipped: the file has only white space/);
    assert.equal(session.statuses.filter((s) => s.complete)[0].sources, 5);
  });

  it('clears the diagnostics of a report when it is closed', async () => {
    const other = join(session.folder, 'draft.md');
    writeFileSync(other, 'A draft [@nobody].\n');
    const document = session.open(other);
    assert.equal((await session.diagnosticsOf(document.uri)).length, 1);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: document.uri } });
    await session.until(() => session.diagnostics.get(document.uri)?.diagnostics.length === 0, 'the diagnostics to be cleared');
  });
});

describe('grounded-lsp on the command line', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'bin', 'grounded-lsp.js'), ...args], { encoding: 'utf8', input: '' });

  it('prints its usage and its version', () => {
    assert.match(run('--help').stdout, /^Usage: grounded-lsp \[--stdio\]/);
    const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    assert.equal(run('--version').stdout.trim(), version);
  });

  it('names an argument it does not take, and exits 2', () => {
    const result = run('--socket=9000');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown argument "--socket=9000"/);
  });
});
