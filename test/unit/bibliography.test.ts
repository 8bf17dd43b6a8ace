// The writer's own bibliography, in files made by real tools: bibutils turns a Zotero-style RIS
// export (with `L1` attachments) into BibTeX with `file` fields, pandoc writes BibLaTeX and
// CSL-YAML from CSL-JSON, headless Chromium prints the attached articles to PDF, and pandoc
// --citeproc renders a report against the bibliography Grounded exports.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachmentPaths } from '../../src/core/bib/attachments';
import { parseBibliography } from '../../src/core/bib/parse-bibliography';
import { bibliographyJson, cslItemsOf } from '../../src/core/bibliography';
import { checkReport } from '../../src/core/check/check-report';
import { parseCitations } from '../../src/core/citations';
import { locatorOf } from '../../src/core/corpus/locators';
import { loadBibliographyInto, loadFileInto } from '../../src/core/corpus/node-corpus';
import { Corpus } from '../../src/core/corpus/corpus';
import { parseArticle } from '../../src/core/corpus/article';
import { repoRoot } from './paths';
import { addBibliography, reportBibliographies } from '../../src/core/front-matter';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const fixture = (name: string) => readFileSync(join(repoRoot, 'test', 'fixtures', 'unbroken', `${name}.txt`), 'utf8');
const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A real BBC article printed to PDF as "Save as PDF" does, its headline as the title. */
function printArticle(out: string, title: string, body: string): void {
  const sentences = body.split(/(?<=[.!?]"?) (?=[A-Z"])/);
  const paragraphs = Array.from({ length: Math.ceil(sentences.length / 3) }, (_, i) => sentences.slice(i * 3, i * 3 + 3).join(' '));
  const page = `${out}.html`;
  writeFileSync(page, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title><style>@page { size: A6; margin: 12mm; } body { font: 11pt/1.4 serif; }</style></head><body><h1>${escape(title)}</h1>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}</body></html>`);
  execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${out}`, page], { stdio: 'ignore', timeout: 60_000 });
}

/** RIS as Zotero exports it (attachments as `L1`), through bibutils into BibTeX. */
function bibutilsBib(ris: string): string {
  const xml = execFileSync('ris2xml', [], { input: ris, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
  return execFileSync('xml2bib', [], { input: xml, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
}

const pandoc = (args: string[], input?: string) => execFileSync('pandoc', args, { input, encoding: 'utf8' });

describe('the writer’s bibliography', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'grounded-bib-'));
  const library = join(dir, 'library');
  const christmasTitle = 'Mixed Christmas for US retailers';
  const novartisTitle = 'Novartis hits acquisition trail';
  let bibFile: string;
  let bookBib: string;

  before(() => {
    mkdirSync(join(library, 'files'), { recursive: true });
    printArticle(join(library, 'files', 'christmas.pdf'), christmasTitle, fixture('mixed-christmas-for-us-retailers').replace(`${christmasTitle} `, ''));
    printArticle(join(dir, 'novartis elsewhere.pdf'), novartisTitle, fixture('novartis-hits-acquisition-trail').replace(`${novartisTitle} `, ''));
    // One attachment relative to the .bib, one absolute (with a space), one entry matched by its
    // title to an article of the corpus, one missing file, and one with nothing attached.
    const ris = [
      ['NEWS', 'smithChristmas2005', 'Smith, Jane', christmasTitle, '2005/01/07', 'files/christmas.pdf'],
      ['NEWS', 'jonesNovartis2005', 'Jones, Tom', novartisTitle, '2005/01/10', join(dir, 'novartis elsewhere.pdf')],
      ['NEWS', 'ashleyChief2005', 'Brown, Ann', 'Laura Ashley chief stepping down', '2005/02/01', ''],
      ['NEWS', 'lostArticle2005', 'Gray, Lee', 'An article whose file was moved away', '2005/03/01', 'files/gone.pdf'],
    ]
      .map(([type, id, author, title, date, file]) => `TY  - ${type}\nID  - ${id}\nAU  - ${author}\nTI  - ${title}\nT2  - BBC News\nPY  - ${date}\n${file ? `L1  - ${file}\n` : ''}ER  - \n`)
      .join('\n');
    bibFile = join(library, 'library.bib');
    writeFileSync(bibFile, bibutilsBib(ris));
    // A book with no attachment, as pandoc writes BibLaTeX from CSL-JSON.
    const csl = [{ id: 'kahneman2011', type: 'book', title: 'Thinking, Fast and Slow', author: [{ family: 'Kahneman', given: 'Daniel' }], publisher: 'Farrar, Straus and Giroux', 'publisher-place': 'New York', issued: { 'date-parts': [[2011, 10, 25]] }, ISBN: '978-0374275631' }];
    bookBib = join(dir, 'books.bib');
    writeFileSync(bookBib, pandoc(['-s', '-f', 'csljson', '-t', 'biblatex'], JSON.stringify(csl)));
  });

  it('reads the file fields that Zotero, Better BibTeX, JabRef and bibutils write', () => {
    assert.deepEqual(attachmentPaths(':files/christmas.pdf:PDF'), ['files/christmas.pdf']);
    assert.deepEqual(attachmentPaths('Full Text PDF:files/12/Smith - 2005.pdf:application/pdf;Snapshot:files/12/snap.html:text/html'), ['files/12/Smith - 2005.pdf', 'files/12/snap.html']);
    assert.deepEqual(attachmentPaths('/home/u/Zotero/storage/ABC/a.pdf;/home/u/b.pdf'), ['/home/u/Zotero/storage/ABC/a.pdf', '/home/u/b.pdf']);
    assert.deepEqual(attachmentPaths('C\\:\\\\Users\\\\me\\\\a.pdf'), ['C:\\Users\\me\\a.pdf']);
    const bib = readFileSync(bibFile, 'utf8');
    assert.match(bib, /file="?:files\/christmas\.pdf:PDF/, 'bibutils writes the Zotero form');
  });

  it('reads BibLaTeX as pandoc does: the same CSL fields, the writer’s citekey', () => {
    const ours = parseBibliography(bookBib, readFileSync(bookBib, 'utf8'));
    assert.deepEqual(ours.problems, []);
    const theirs = JSON.parse(pandoc(['-s', '-f', 'biblatex', '-t', 'csljson', bookBib])) as Array<Record<string, unknown>>;
    const [entry] = ours.entries;
    assert.equal(entry.key, 'kahneman2011');
    for (const field of ['id', 'type', 'title', 'author', 'publisher', 'publisher-place', 'issued', 'ISBN']) assert.deepEqual(entry.csl[field], theirs[0][field], field);
  });

  it('reads CSL-YAML as pandoc writes it, and CSL-JSON', () => {
    const json = pandoc(['-s', '-f', 'biblatex', '-t', 'csljson', bookBib]);
    const yamlFile = join(dir, 'refs.yaml');
    // pandoc writes a bibliography as Markdown front matter: that is CSL-YAML.
    writeFileSync(yamlFile, pandoc(['-s', '-f', 'csljson', '-t', 'markdown'], json));
    const fromYaml = parseBibliography(yamlFile, readFileSync(yamlFile, 'utf8'));
    const fromJson = parseBibliography(join(dir, 'refs.json'), json);
    assert.deepEqual(fromYaml.problems, []);
    assert.deepEqual(fromYaml.entries.map((e) => [e.key, e.meta.title, e.meta.authors]), [['kahneman2011', 'Thinking, Fast and Slow', ['Daniel Kahneman']]]);
    // pandoc writes the date in YAML as `2011-10-25`; both forms are CSL's.
    assert.deepEqual(fromJson.entries.map((e) => e.meta), fromYaml.entries.map((e) => e.meta));
  });

  it('says what is wrong with a bad bibliography, and where', () => {
    const broken = parseBibliography('/w/refs.bib', '@article{good, title={Good}}\n@misc{bad title={No comma}\n');
    assert.deepEqual(broken.entries.map((e) => e.key).slice(0, 1), ['good']);
    assert.ok(broken.problems.some((p) => p.location === '/w/refs.bib' && /BibTeX: .*line 3|BibTeX: Token mismatch/.test(p.message)), JSON.stringify(broken.problems));
    assert.match(parseBibliography('/w/refs.json', '{"id": 1').problems[0].message, /CSL-JSON file cannot be read/);
    assert.match(parseBibliography('/w/refs.json', '{"id": "a"}').problems[0].message, /must be an array/);
    assert.match(parseBibliography('/w/refs.yaml', 'title: x\n').problems[0].message, /`references:` list/);
    assert.match(parseBibliography('/w/refs.json', '[{"title": "x"}]').problems[0].message, /Item 1 has no "id"/);
    assert.match(parseBibliography('/w/refs.ris', 'TY  - NEWS').problems[0].message, /Not a bibliography Grounded reads/);
    const twice = parseBibliography('/w/refs.json', '[{"id": "a", "title": "One"}, {"id": "a", "title": "Two"}]');
    assert.deepEqual(twice.entries.map((e) => e.meta.title), ['One']);
    assert.match(twice.problems[0].message, /Key "a" is given twice/);
  });

  it('indexes attached files wherever they lie, under the writer’s keys; an entry without text still is a source', async () => {
    const corpus = new Corpus();
    const corpusFolder = join(dir, 'corpus');
    mkdirSync(corpusFolder, { recursive: true });
    writeFileSync(join(corpusFolder, 'laura-ashley-chief.txt'), fixture('laura-ashley-chief'));
    await loadFileInto(corpus, join(corpusFolder, 'laura-ashley-chief.txt'));
    const problems = await loadBibliographyInto(corpus, bibFile);
    problems.push(...(await loadBibliographyInto(corpus, bookBib)));
    const byKey = (key: string) => corpus.get(key);
    assert.equal(byKey('smithChristmas2005')?.location, join(library, 'files', 'christmas.pdf'));
    assert.equal(byKey('smithChristmas2005')?.format, 'pdf');
    assert.equal(byKey('jonesNovartis2005')?.location, join(dir, 'novartis elsewhere.pdf'));
    // The corpus article whose title is the entry's takes the entry's key.
    assert.equal(byKey('ashleyChief2005')?.location, join(corpusFolder, 'laura-ashley-chief.txt'));
    assert.ok(byKey('ashleyChief2005')!.paragraphs.length > 5);
    assert.equal(corpus.all().filter((s) => s.location.endsWith('laura-ashley-chief.txt')).length, 1, 'the article is one source');
    // No text: still a source, with its fields, and nothing to check.
    const book = byKey('kahneman2011')!;
    assert.equal(book.format, 'reference');
    assert.equal(book.paragraphs.length, 0);
    assert.deepEqual(book.meta.authors, ['Daniel Kahneman']);
    // Where the entry is written, for Go to Definition.
    assert.equal(book.entry?.location, bookBib);
    assert.match(readFileSync(bookBib, 'utf8').slice(book.entry!.start, book.entry!.end), /^@book\{kahneman2011,$/);
    assert.equal(byKey('lostArticle2005')?.format, 'reference');
    assert.ok(problems.some((p) => p.location === bibFile && /attaches .*gone\.pdf, which does not exist/.test(p.message)), JSON.stringify(problems));
    const findings = checkReport('Kahneman wrote of 2 systems [@kahneman2011, p. 20]. Prices fell 50% [@lostArticle2005].', { corpus });
    assert.deepEqual(findings, []);
  });

  it('gives a corpus article the key of the entry with its DOI or URL, whatever its title says', () => {
    const bib = parseBibliography('/w/refs.json', JSON.stringify([
      { id: 'byDoi2020', type: 'article-journal', title: 'The entry’s own wording of the title', DOI: '10.1234/ABC.5' },
      { id: 'byUrl2021', type: 'webpage', title: 'Another wording', URL: 'https://www.example.org/news/story-1/' },
    ]));
    const corpus = new Corpus();
    corpus.setBibliography(bib, (f) => f);
    // The DOI as a publisher's page gives it (citation_doi), and a URL given with http and no trailing slash.
    corpus.upsert(parseArticle('/c/paper.html', '<html><head><meta name="citation_doi" content="doi:10.1234/abc.5"><title>Paper</title></head><body><h1>A title the page gives</h1><p>Some findings of the paper, in a sentence.</p></body></html>', 'html'));
    corpus.upsert(parseArticle('/c/story.md', '---\ntitle: What the page calls itself\nURL: http://example.org/news/story-1\n---\nThe story says one thing.\n', 'markdown'));
    corpus.upsert(parseArticle('/c/other.md', '---\ntitle: Unrelated\nURL: http://example.org/news/story-2\n---\nAnother story.\n', 'markdown'));
    assert.equal(corpus.get('byDoi2020')?.location, '/c/paper.html');
    assert.equal(corpus.get('byUrl2021')?.location, '/c/story.md');
    assert.equal(corpus.get('byDoi2020')?.meta.title, 'The entry’s own wording of the title', 'the entry’s fields win');
    assert.equal(corpus.all().length, 3, 'no entry is a source twice');
    assert.equal(corpus.cslFor('/c/paper.html')?.DOI, '10.1234/ABC.5');
  });

  it('adds an exported file to the report’s bibliography: rather than replacing the writer’s own', () => {
    const apply = (text: string, file: string) => {
      const e = addBibliography(text, file);
      return text.slice(0, e.start) + e.newText + text.slice(e.end);
    };
    assert.equal(apply('---\ntitle: T\nbibliography: library.bib\n---\nText\n', 'grounded.json'), '---\ntitle: T\nbibliography: [library.bib, grounded.json]\n---\nText\n');
    assert.equal(apply('---\nbibliography:\n  - a.bib\n  - b.yaml\n---\n', 'grounded.json'), '---\nbibliography:\n  - a.bib\n  - b.yaml\n  - grounded.json\n---\n');
    assert.equal(apply('---\ntitle: T\n---\n', 'grounded.json'), '---\ntitle: T\nbibliography: grounded.json\n---\n');
    assert.equal(apply('---\nbibliography: grounded.json\n---\n', 'grounded.json'), '---\nbibliography: grounded.json\n---\n');
    // What pandoc reads back is both files.
    assert.deepEqual(reportBibliographies(apply('---\nbibliography: [a.bib]\n---\n', 'my refs.json')).files, ['a.bib', 'my refs.json']);
  });

  it('exports the cited entries so pandoc --citeproc renders the report with page locators', async () => {
    const corpus = new Corpus();
    await loadBibliographyInto(corpus, bibFile);
    await loadBibliographyInto(corpus, bookBib);
    const christmas = corpus.get('smithChristmas2005')!;
    const passage = christmas.paragraphs.find((p) => p.text.includes('Nordstrom'))!;
    const locator = locatorOf(christmas, passage)!;
    assert.match(locator, /^p\. \d+$/);
    const report = `---\ntitle: Retail\nbibliography: exported.json\n---\n\nNordstrom did well [@smithChristmas2005, ${locator}]. People think slowly [@kahneman2011, p. 20].\n`;
    // The figure check reads the PDF at the cited page.
    assert.deepEqual(checkReport('Nordstrom said same store sales were 9.3% higher [@smithChristmas2005, ' + locator + '].', { corpus }), []);
    assert.equal(checkReport('Nordstrom said same store sales were 8.3% higher [@smithChristmas2005, ' + locator + '].', { corpus })[0]?.code, 'figure-mismatch');
    const cited = new Set(parseCitations(report).flatMap((c) => c.items.map((i) => i.key)));
    const items = cslItemsOf(corpus.all().filter((s) => cited.has(s.meta.key)), (l) => corpus.cslFor(l));
    writeFileSync(join(dir, 'exported.json'), bibliographyJson(items));
    writeFileSync(join(dir, 'report.md'), report);
    const r = spawnSync('pandoc', ['report.md', '--citeproc', '-t', 'plain', '--wrap=none'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '', 'pandoc found every key');
    // Chicago author-date, pandoc's default style, writes a page locator as the bare number.
    assert.match(r.stdout, new RegExp(`Nordstrom did well \\(Smith 2005, ${locator.slice(3)}\\)`));
    assert.match(r.stdout, /People think slowly \(Kahneman 2011, 20\)/);
    assert.match(r.stdout, /Kahneman, Daniel\. 2011\. Thinking, Fast and Slow\. New York: Farrar, Straus; Giroux\./);
    assert.match(r.stdout, /Smith, Jane\. 2005\. “Mixed Christmas for US Retailers\.” BBC News/);
  });

  it('grounded check reads the report’s bibliography: front matter, and --bibliography, with no --corpus', () => {
    const report = join(dir, 'check-me.md');
    writeFileSync(report, '---\nbibliography: library/library.bib\n---\n\nNordstrom said same store sales were 8.3% higher [@smithChristmas2005]. Kahneman wrote a book [@kahneman2011].\n');
    const run = (...args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'bin', 'grounded.js'), 'check', '--format', 'json', ...args], { cwd: dir, encoding: 'utf8' });
    const withBook = run('--bibliography', 'books.bib', 'check-me.md');
    assert.equal(withBook.status, 1, withBook.stderr);
    const findings = (JSON.parse(withBook.stdout) as { files: Array<{ diagnostics: Array<{ code: string; message: string }> }> }).files[0].diagnostics;
    assert.deepEqual(findings.map((f) => f.code), ['figure-mismatch']);
    assert.match(findings[0].message, /Source says "9\.3% higher" \[@smithChristmas2005, p\. 1\]/);
    // The book, the entry whose file is gone, and one that only a corpus article would match.
    assert.match(withBook.stderr, /grounded: 3 bibliography entries have no attached text; citations of them are not checked\./);
    assert.doesNotMatch(withBook.stderr, /Cannot access the `require`/, 'PDF.js’s load-time warning is not the writer’s concern');
    // Without the book's bibliography its key is unknown.
    const withoutBook = run('check-me.md');
    assert.deepEqual((JSON.parse(withoutBook.stdout) as { files: Array<{ diagnostics: Array<{ code: string }> }> }).files[0].diagnostics.map((f) => f.code), ['figure-mismatch', 'unknown-source']);
    const missing = run('--bibliography', 'nowhere.bib', 'check-me.md');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /Bibliography .*nowhere\.bib: no such file/);
  });
});
