import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Corpus } from '../../src/core/corpus/corpus';
import { loadCorpusDirectory, loadFileInto } from '../../src/core/corpus/node-corpus';

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-bad-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const good = 'A headline about troops\n\nRussia massed 94,000 troops at the border on Monday.\n';

describe('bad corpus input: a clear message, and every other source indexed', () => {
  it('names empty, binary and oversized files, and decodes Latin-1 and UTF-16', async () => {
    const dir = folder({
      'good.txt': good,
      'empty.txt': '',
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'latin1.txt': Buffer.from('Caf\xe9 owners met in Kyiv on Monday.\n', 'latin1'),
      'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Talks in Geneva resumed on Tuesday.\n', 'utf16le')]),
      'big.txt': 'x'.repeat(3000),
    });
    const { sources, problems } = await loadCorpusDirectory(dir, { maxBytes: 2048 });
    const byFile = (name: string) => problems.filter((p) => p.location.endsWith(`/${name}`)).map((p) => p.message).join(' | ');
    assert.match(byFile('empty.txt'), /Skipped: the file is empty/);
    assert.ok(!sources.some((s) => s.location.endsWith('/empty.txt')), 'an empty file is not indexed');
    assert.match(byFile('binary.txt'), /binary file/);
    assert.match(byFile('big.txt'), /File is 2\.9 KB, over the 2\.0 KB limit; skipped/);
    assert.match(byFile('latin1.txt'), /Windows-1252/);
    const texts = sources.flatMap((s) => s.paragraphs.map((p) => p.text));
    assert.ok(texts.includes('Café owners met in Kyiv on Monday.'));
    assert.ok(texts.includes('Talks in Geneva resumed on Tuesday.'));
    assert.ok(texts.includes('Russia massed 94,000 troops at the border on Monday.'));
  });

  it('reports malformed front matter and a broken metadata file without losing the articles', async () => {
    const dir = folder({ 'a.md': '---\ntitle: [oops\n---\nBody of a.\n', 'b.txt': good, 'references.json': '[{"id": "x", "file": "b.txt"' });
    const { sources, problems } = await loadCorpusDirectory(dir);
    assert.equal(sources.length, 2);
    assert.ok(problems.some((p) => p.location.endsWith('a.md') && /Malformed YAML/.test(p.message)));
    assert.ok(problems.some((p) => p.location.endsWith('references.json') && /not valid JSON/.test(p.message)));
  });

  it('does not follow a symbolic link loop, and says which links are broken', async () => {
    const dir = folder({ 'sub/a.txt': good });
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    symlinkSync(join(dir, 'missing.txt'), join(dir, 'dangling.txt'));
    const { sources, problems } = await loadCorpusDirectory(dir);
    assert.equal(sources.length, 1);
    assert.ok(problems.some((p) => p.location.endsWith('dangling.txt') && /Broken symbolic link/.test(p.message)));
  });

  it('says so when a file vanishes between listing and reading', async () => {
    const corpus = new Corpus();
    const problems = await loadFileInto(corpus, join(tmpdir(), 'grounded-no-such-file.txt'));
    assert.equal(corpus.size, 0);
    assert.match(problems[0].message, /Cannot read file/);
  });

  it('indexes 10,000 small files', async function () {
    this.timeout(60_000);
    const files: Record<string, string> = {};
    for (let i = 0; i < 10_000; i++) files[`f${i}.txt`] = `Report number ${i} on the border\n\nTroops moved ${i} km on day ${i % 30}.\n`;
    const dir = folder(files);
    const { sources, problems } = await loadCorpusDirectory(dir);
    assert.equal(sources.length, 10_000);
    assert.equal(new Set(sources.map((s) => s.meta.key)).size, 10_000);
    assert.deepEqual(problems, []);
  });
});
