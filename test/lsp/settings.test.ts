// grounded-lsp's settings: the extension's names, through workspace/configuration (or what
// the client pushes when it does not answer that), changes applied, bad values named.
import assert from 'node:assert/strict';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { LspSession, makeWorkspace } from './harness';

const REPORT = 'Russia massed 120,000 troops on the border [@putin-biden-talks, para. 7].\n\nThe talks are due [@nosuch-key].\n';

/** The sample corpus in library/ rather than corpus/, which the default patterns do not name. */
function libraryWorkspace(): string {
  const folder = makeWorkspace({ 'report.md': REPORT });
  renameSync(join(folder, 'corpus'), join(folder, 'library'));
  return folder;
}

describe('grounded-lsp settings', function () {
  this.timeout(60_000);

  it('reads grounded.* through workspace/configuration, and again when told they changed', async () => {
    const folder = libraryWorkspace();
    const session = await LspSession.start(folder, { settings: { corpus: { include: ['**/library/*.txt'] }, diagnostics: { severity: { 'figure-mismatch': 'off' } } } });
    try {
      await session.until(() => session.statuses.some((s) => s.complete && s.sources === 5), 'the library to be indexed');
      const document = session.open(join(folder, 'report.md'));
      const quiet = await session.diagnosticsOf(document.uri);
      assert.deepEqual(
        quiet.map((d) => d.code),
        ['unknown-source'],
      );

      session.settings = { 'corpus.include': ['**/library/*.txt'], diagnostics: { severity: { 'figure-mismatch': 'error' } } };
      await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const loud = await session.diagnosticsOf(document.uri, (list) => list.some((d) => d.code === 'figure-mismatch'));
      assert.equal(loud.find((d) => d.code === 'figure-mismatch')?.severity, DiagnosticSeverity.Error);
    } finally {
      await session.close();
    }
  });

  it('names a setting of the wrong type, and goes on with its default', async () => {
    const folder = makeWorkspace({ 'report.md': REPORT });
    const session = await LspSession.start(folder, { settings: { corpus: { include: 'corpus' }, checks: { citationScope: 'chapter' }, diagnostics: { severity: { 'figure-wrong': 'error' } } } });
    try {
      await session.until(() => session.shown.length >= 3, 'the warnings about the settings');
      assert.ok(session.shown.some((m) => m.includes('grounded.corpus.include should be a list of glob patterns, not "corpus"; using its default.')), session.shown.join('\n'));
      assert.ok(session.shown.some((m) => m.includes('grounded.checks.citationScope should be "paragraph" or "sentence", not "chapter"')));
      assert.ok(session.shown.some((m) => m.includes('"figure-wrong" is no check of Grounded')));
      await session.until(() => session.statuses.some((s) => s.complete && s.sources === 5), 'the default corpus to be indexed');
      const document = session.open(join(folder, 'report.md'));
      const diagnostics = await session.diagnosticsOf(document.uri);
      assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['figure-mismatch', 'unknown-source']);
    } finally {
      await session.close();
    }
  });

  it('takes the settings a client sends when it does not answer workspace/configuration', async () => {
    const folder = libraryWorkspace();
    const session = await LspSession.start(folder, {
      capabilities: {},
      initializationOptions: { settings: { grounded: { corpus: { include: ['**/library/*.txt'] } } } },
    });
    try {
      await session.until(() => session.statuses.some((s) => s.complete && s.sources === 5), 'the library to be indexed');
      const statuses = session.statuses.length;
      await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { grounded: { corpus: { include: ['**/nowhere/*.txt'] } } } });
      await session.until(() => session.statuses.slice(statuses).some((s) => s.complete && s.sources === 0), 'the corpus to follow the new patterns');
    } finally {
      await session.close();
    }
  });

  it('says so when the client names no workspace folder, and answers without sources', async () => {
    const folder = makeWorkspace({ 'report.md': REPORT });
    const session = await LspSession.start(folder, { noFolder: true });
    try {
      await session.indexComplete();
      assert.ok(session.logs.some((l) => l.includes('The client named no workspace folder')), session.logs.join('\n'));
      const document = session.open(join(folder, 'report.md'));
      // No sources: no unknown-source errors for every citation of a writer without a corpus.
      assert.deepEqual(await session.diagnosticsOf(document.uri), []);
      const list = (await session.connection.sendRequest('textDocument/completion', { textDocument: { uri: document.uri }, position: { line: 0, character: 45 } })) as { items: unknown[] };
      assert.deepEqual(list.items, []);
    } finally {
      await session.close();
    }
  });

  it('works in a folder whose path has spaces and accents, which file URIs escape', async () => {
    const folder = makeWorkspace({ 'report.md': REPORT }, { prefix: 'grounded lsp – dossier é ' });
    const session = await LspSession.start(folder);
    try {
      await session.indexComplete();
      const document = session.open(join(folder, 'report.md'));
      assert.match(document.uri, /%20/);
      const codes = (await session.diagnosticsOf(document.uri)).map((d) => d.code).sort();
      assert.deepEqual(codes, ['figure-mismatch', 'unknown-source']);
      const [location] = (await session.connection.sendRequest('textDocument/definition', { textDocument: { uri: document.uri }, position: { line: 0, character: 50 } })) as Array<{ uri: string }>;
      assert.equal(fileURLToPath(location.uri), join(folder, 'corpus', '002_c369252dabbea5e4.txt'));
    } finally {
      await session.close();
    }
  });
});
