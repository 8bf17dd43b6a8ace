// Word documents as writers get them: pandoc writes a real BBC article, with a title, an author,
// a date and section headings, to .docx (as a converted draft or a saved web page would be).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedArticle } from '../../src/core/corpus/article';
import { checkReport } from '../../src/core/check/check-report';
import { loadCorpusDirectory } from '../../src/core/corpus/node-corpus';
import { parseFileAsync } from '../../src/core/corpus/parse-file';
import { repoRoot } from './paths';

const dir = mkdtempSync(join(tmpdir(), 'grounded-docx-'));
const article = readFileSync(join(repoRoot, 'test', 'fixtures', 'unbroken', 'mixed-christmas-for-us-retailers.txt'), 'utf8').replace(/^Mixed Christmas for US retailers /, '').trim();
const sentences = article.split(/(?<=[.!?]"?) (?=[A-Z"])/);
const paragraphs = Array.from({ length: Math.ceil(sentences.length / 3) }, (_, i) => sentences.slice(i * 3, i * 3 + 3).join(' '));

describe('Word documents', function () {
  this.timeout(60_000);
  let parsed: ParsedArticle;
  const docx = join(dir, 'christmas.docx');

  before(async () => {
    const markdown = `---\ntitle: Mixed Christmas for US retailers\nauthor: Jane Smith\ndate: 2005-01-07\n---\n\n${paragraphs.slice(0, 3).join('\n\n')}\n\n# What analysts said\n\n${paragraphs.slice(3).join('\n\n')}\n`;
    writeFileSync(join(dir, 'in.md'), markdown);
    // Without pandoc's smart quotes, so the document says what the article says, character for character.
    execFileSync('pandoc', ['-f', 'markdown-smart', '-o', docx, join(dir, 'in.md')]);
    parsed = ((await parseFileAsync(docx, readFileSync(docx))) as { article: ParsedArticle }).article;
  });

  it('keeps the paragraphs and the headings, in order', () => {
    assert.deepEqual(parsed.paragraphs.map((p) => p.text), [...paragraphs.slice(0, 3), 'What analysts said', ...paragraphs.slice(3)]);
    assert.equal(parsed.format, 'docx');
    assert.equal(parsed.locators, undefined, 'cited by paragraph');
  });

  it('takes the title, author and date from their paragraphs, which are not passages', () => {
    assert.equal(parsed.meta.title, 'Mixed Christmas for US retailers');
    assert.deepEqual(parsed.meta.authors, ['Jane Smith']);
    assert.equal(parsed.meta.issued, '2005-01-07');
    assert.ok(!parsed.paragraphs.some((p) => /Jane Smith|2005-01-07/.test(p.text)));
  });

  it('is checked like any source by grounded check', async () => {
    const { corpus, problems } = await loadCorpusDirectory(dir);
    assert.deepEqual(problems.filter((p) => p.location === docx), []);
    const [source] = corpus.all();
    const [f] = checkReport(`Upscale department store Nordstrom said same store sales were 8.3% higher [@${source.meta.key}, para. 1].`, { corpus });
    assert.equal(f?.code, 'figure-mismatch');
    assert.match(f.message, new RegExp(`\\[@${source.meta.key}, para\\. 1\\]`));
  });

  it('says a file that is not a Word document cannot be read, and indexes it empty', async () => {
    const fake = join(dir, 'not-really.docx');
    writeFileSync(fake, 'This was saved as plain text with a .docx name.');
    const broken = ((await parseFileAsync(fake, readFileSync(fake))) as { article: ParsedArticle }).article;
    assert.equal(broken.paragraphs.length, 0);
    assert.equal(broken.problems[0].location, fake);
    assert.match(broken.problems[0].message, /The Word document cannot be read .*save it again as \.docx/);
  });
});
