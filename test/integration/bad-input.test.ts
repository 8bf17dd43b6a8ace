import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { grounded, resetEditors, until, workspaceUri, utf8 } from './helpers';

const SEED_KEYS = ['biden-zelenskyy-call', 'putin-biden-talks', 'putin-nato-scholz', 'us-russia-talks-jan10', 'zelensky-direct-talks'];

/** A text's UTF-16 code units as bytes, with a byte order mark (by hand: the browser's host has no Node buffers). */
function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, order === 'le');
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), order === 'le');
  return bytes;
}

/** The bad files, each with what must be said about it (or found of it) once indexed. */
const FILES: Record<string, Uint8Array> = {
  'bad-empty.txt': new Uint8Array(0),
  // A PNG header: NUL bytes and control characters behind a .txt name.
  'bad-binary.txt': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  // Over a 1 MB limit set below; real text, so only its size keeps it out.
  'bad-oversized.txt': utf8('Convoys of trucks crossed the river at dawn.\n\n'.repeat(34_000)),
  'bad-latin1.txt': Uint8Array.from('Caf\xe9 owners met in Kyiv on Monday to discuss the blackout.\n', (c) => c.charCodeAt(0)),
  'bad-utf16le.txt': utf16('Talks in Geneva resumed on Tuesday after a pause.\n', 'le'),
  'bad-utf16be.txt': utf16('Negotiators in Vienna adjourned on Wednesday evening.\n', 'be'),
  'bad-dup-a.md': utf8('---\nid: same-key\ntitle: First claim\n---\nThe first article about the same key.\n'),
  'bad-dup-b.md': utf8('---\nid: same-key\ntitle: Second claim\n---\nThe second article about the same key.\n'),
};

describe('bad corpus input in the extension host', () => {
  const uri = (name: string) => workspaceUri('corpus', name);
  const config = () => vscode.workspace.getConfiguration('grounded.corpus');

  after(async () => {
    const api = await grounded();
    await resetEditors();
    for (const name of Object.keys(FILES)) await vscode.workspace.fs.delete(uri(name)).then(undefined, () => undefined);
    await config().update('maxFileSizeMB', undefined, vscode.ConfigurationTarget.Workspace);
    await until(api.onDidChangeSources, () => api.sourceKeys().sort().join() === SEED_KEYS.join(), 'the sample corpus alone again');
    await until(api.onDidChangeSources, () => Object.keys(FILES).every((name) => vscode.languages.getDiagnostics(uri(name)).length === 0), 'the diagnostics of the removed files to go');
  });

  it('names each bad file in the output channel and on the file, and keeps every other source indexed', async function () {
    this.timeout(120_000);
    const api = await grounded();
    // The limit first (the rescan it causes is awaited), so the oversized file is never indexed at all.
    const rescanned = new Promise<void>((resolve) => {
      const sub = api.onDidChangeSources(() => {
        sub.dispose();
        resolve();
      });
    });
    await config().update('maxFileSizeMB', 1, vscode.ConfigurationTarget.Workspace);
    await rescanned;
    for (const [name, bytes] of Object.entries(FILES)) await vscode.workspace.fs.writeFile(uri(name), bytes);

    const diagnostic = (name: string) => vscode.languages.getDiagnostics(uri(name)).map((d) => d.message).join(' | ');
    const logged = (name: string, pattern: RegExp) => api.log.recent().some((l) => l.message.includes(uri(name).fsPath) && pattern.test(l.message));
    const expected: Array<[string, RegExp]> = [
      ['bad-empty.txt', /Skipped: the file is empty\./],
      ['bad-binary.txt', /Skipped: it looks like a binary file/],
      ['bad-oversized.txt', /File is 1\.5 MB, over the 1\.0 MB limit of grounded\.corpus\.maxFileSizeMB; skipped\./],
      ['bad-latin1.txt', /not valid UTF-8; read as Windows-1252 \(Latin-1\)/],
      ['bad-dup-b.md', /Key "same-key" is also claimed by \S*bad-dup-a\.md; this source is cited as "same-key-2"/],
    ];
    const keysOf = () => new Map(api.sourceKeys().map((k) => [api.sourceLocation(k), k]));
    await until(
      api.onDidChangeSources,
      () => expected.every(([name, pattern]) => pattern.test(diagnostic(name)) && logged(name, pattern)) && !keysOf().has(uri('bad-oversized.txt').toString()),
      'a message on each bad file, the oversized one skipped',
      60_000,
    );

    const byLocation = keysOf();
    for (const name of ['bad-empty.txt', 'bad-binary.txt', 'bad-oversized.txt']) assert.equal(byLocation.get(uri(name).toString()), undefined, `${name} is not indexed`);
    assert.equal(byLocation.get(uri('bad-dup-a.md').toString()), 'same-key');
    assert.equal(byLocation.get(uri('bad-dup-b.md').toString()), 'same-key-2');
    for (const key of SEED_KEYS) assert.ok(api.sourceKeys().includes(key), `${key} is still indexed`);
    // Decoded, not garbled: each text is found as written.
    for (const [name, words] of [
      ['bad-latin1.txt', 'Café owners met in Kyiv'],
      ['bad-utf16le.txt', 'Talks in Geneva resumed on Tuesday'],
      ['bad-utf16be.txt', 'Negotiators in Vienna adjourned on Wednesday'],
    ]) {
      const key = byLocation.get(uri(name).toString());
      assert.ok(key, `${name} is indexed`);
      assert.ok(api.search(words, 5).some((hit) => hit.key === key && hit.text.includes(words)), `"${words}" found in ${name}`);
    }
    assert.equal(vscode.languages.getDiagnostics(uri('bad-dup-b.md'))[0]?.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(vscode.languages.getDiagnostics(uri('bad-empty.txt'))[0]?.source, 'grounded');

    // A source Grounded skipped is still a source: nothing is inserted into it.
    await vscode.window.showTextDocument(uri('bad-empty.txt'));
    assert.equal(await vscode.commands.executeCommand('grounded.insertCitation', { kind: 'source', source: { meta: { key: 'putin-biden-talks' } } }), false);
    assert.equal(vscode.window.activeTextEditor?.document.getText(), '');
  });
});
