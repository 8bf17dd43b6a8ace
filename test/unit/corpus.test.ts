import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle, formatOf } from '../../src/core/corpus/article';
import { Corpus } from '../../src/core/corpus/corpus';
import { decodeBytes } from '../../src/core/corpus/decode';
import { isPandocBareKey, keyFromTitle } from '../../src/core/corpus/keys';
import { loadCorpusDirectory } from '../../src/core/corpus/node-corpus';
import { parseReferences } from '../../src/core/corpus/references';
import { splitSentences } from '../../src/core/corpus/segment';
import { corpusDir, repoRoot } from './paths';

const seedKeys: Record<string, string> = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/eval/seed-keys.json'), 'utf8'));

describe('the seed corpus', () => {
  it('loads the five articles with the keys of seed-keys.json and no problems', async () => {
    const { sources, problems } = await loadCorpusDirectory(corpusDir);
    assert.deepEqual(problems, []);
    const byFile = Object.fromEntries(sources.map((s) => [s.location.slice(s.location.lastIndexOf('/') + 1), s.meta.key]));
    assert.deepEqual(byFile, seedKeys);
  });

  it('keeps no boilerplate and no trailing headline in any passage', async () => {
    const { sources } = await loadCorpusDirectory(corpusDir);
    const all = sources.flatMap((s) => s.paragraphs.map((p) => p.text)).join('\n');
    for (const junk of ['[ad_', 'Header Ads', 'Powered by Blogger', 'Source link', 'Related Articles', 'Back to top', 'Salvador Nasralla', 'Najib Razak', 'Planned Parenthood', 'AUKUS']) {
      assert.ok(!all.includes(junk), `"${junk}" reached the index`);
    }
  });

  it('points every paragraph at its exact text in the file', async () => {
    const { sources } = await loadCorpusDirectory(corpusDir);
    for (const s of sources) {
      const text = readFileSync(s.location, 'utf8');
      for (const p of s.paragraphs) assert.equal(text.slice(p.start, p.end), p.text, `${s.meta.key} para. ${p.index}`);
    }
  });

  it('numbers paragraphs from 1 so that para. 7 of putin-biden-talks is the 94,000 figure', async () => {
    const { corpus } = await loadCorpusDirectory(corpusDir);
    const p = corpus.get('putin-biden-talks')!.paragraphs[6];
    assert.equal(p.index, 7);
    assert.match(p.text, /over 94,000 troops/);
  });
});

describe('Markdown sources', () => {
  it('reads YAML front matter (id, title, container-title, issued, URL, author)', () => {
    const md = '---\nid: smith-border\ntitle: "Troops at the border"\ncontainer-title: The Daily\nissued: 2021-12-09\nURL: https://example.org/a\nauthor:\n  - family: Smith\n    given: Jane\n---\n# Troops at the border\n\nFirst paragraph of the body.\n\nSecond paragraph\nwrapped over two lines.\n';
    const a = parseArticle('mem://a.md', md, 'markdown');
    assert.deepEqual(a.meta, { key: 'smith-border', title: 'Troops at the border', publisher: 'The Daily', issued: '2021-12-09', url: 'https://example.org/a', authors: ['Jane Smith'] });
    assert.deepEqual(a.paragraphs.map((p) => p.text), ['First paragraph of the body.', 'Second paragraph wrapped over two lines.']);
    assert.equal(md.slice(a.paragraphs[1].start, a.paragraphs[1].end), 'Second paragraph\nwrapped over two lines.');
  });

  it('reports malformed front matter and still indexes the body', () => {
    const md = '---\nid: ok\ntitle: [unclosed\n---\nBody text of the article.\n';
    const a = parseArticle('mem://bad.md', md, 'markdown');
    assert.equal(a.problems.length, 1);
    assert.match(a.problems[0].message, /Malformed YAML front matter/);
    // The problem points into the front matter, past the good first line.
    assert.ok(a.problems[0].start! >= md.indexOf('title') && a.problems[0].end! <= md.indexOf('\n---\nBody'), JSON.stringify(a.problems[0]));
    assert.equal(a.paragraphs[0].text, 'Body text of the article.');
  });
});

describe('HTML sources', () => {
  const html = `<!doctype html><html><head><title>Site | Troops mass</title>
<meta property="og:title" content="Troops mass at the border">
<meta property="og:site_name" content="The Daily">
<meta property="article:published_time" content="2021-12-09T10:00:00Z">
<meta name="author" content="Jane Smith">
<link rel="canonical" href="https://example.org/troops">
<script>var ads = "Buy now!";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header><p>Subscribe to our newsletter today</p></header>
<article><h1>Troops mass at the border</h1>
<p>Russia has massed <b>94,000</b> troops &amp; tanks near the border.</p>
<div class="share-bar"><p>Share this on Facebook</p></div>
<p>Officials said talks would follow.</p>
<aside><p>Related: other story</p></aside></article>
<footer><p>Copyright 2021 The Daily</p></footer></body></html>`;

  it('takes the article text and metadata, leaving navigation, ads and sharing out', () => {
    const a = parseArticle('mem://a.html', html, 'html');
    assert.deepEqual(a.paragraphs.map((p) => p.text), ['Russia has massed 94,000 troops & tanks near the border.', 'Officials said talks would follow.']);
    assert.deepEqual(a.meta, { title: 'Troops mass at the border', publisher: 'The Daily', issued: '2021-12-09', url: 'https://example.org/troops', authors: ['Jane Smith'] });
  });

  it('maps each paragraph to its element in the file', () => {
    const a = parseArticle('mem://a.html', html, 'html');
    assert.ok(html.slice(a.paragraphs[0].start, a.paragraphs[0].end).startsWith('<p>Russia has massed'));
  });

  it('survives deeply nested and unclosed markup', () => {
    const deep = '<div>'.repeat(20000) + '<p>Deep text survives.' + '</span>'.repeat(10);
    const a = parseArticle('mem://deep.html', deep, 'html');
    assert.deepEqual(a.paragraphs.map((p) => p.text), ['Deep text survives.']);
  });
});

describe('keys', () => {
  it('derives readable, pandoc-valid keys from title words', () => {
    assert.equal(keyFromTitle('US And Russia Agree To Hold Talks On Jan 10 Amid Growing Tensions Over Ukraine'), 'us-russia-agree-hold');
    assert.equal(keyFromTitle('Zelenskyy’s call with Biden', '2021'), 'zelenskyy-call-biden-2021');
    assert.equal(keyFromTitle('Émigrés return to Kyiv'), 'emigres-return-kyiv');
    for (const k of ['us-russia-agree-hold', 'doe:2020', 'a.b', '_x']) assert.ok(isPandocBareKey(k), k);
    for (const k of ['doe.', '-x', 'a b', 'a..b', '']) assert.ok(!isPandocBareKey(k), k);
  });

  it('keeps both sources that claim one key, makes the second unique, and warns naming both', () => {
    const corpus = new Corpus();
    for (const name of ['a', 'b']) corpus.upsert(parseArticle(`/c/${name}.md`, '---\nid: same\ntitle: T\n---\nText.\n', 'markdown'));
    assert.deepEqual(corpus.all().map((s) => s.meta.key).sort(), ['same', 'same-2']);
    const warning = corpus.problems().find((p) => /also claimed/.test(p.message));
    assert.ok(warning && warning.location === '/c/b.md' && warning.message.includes('/c/a.md'));
  });

  it('gives raw articles with the same title distinct, stable keys', () => {
    const make = () => {
      const corpus = new Corpus();
      for (const name of ['z', 'y', 'x']) corpus.upsert(parseArticle(`/c/${name}.txt`, 'Troops Mass At The Border\n\nBody.\n', 'text'));
      return Object.fromEntries(corpus.all().map((s) => [s.location, s.meta.key]));
    };
    assert.deepEqual(make(), { '/c/x.txt': 'troops-mass-border', '/c/y.txt': 'troops-mass-border-2', '/c/z.txt': 'troops-mass-border-3' });
    assert.deepEqual(make(), make());
  });

  it('settles keys in steps to the same result as at once, and drops steps a change overtook', () => {
    const articles = Array.from({ length: 700 }, (_, i) => parseArticle(`/c/${String(i).padStart(3, '0')}.txt`, `Troops Mass At The Border ${i % 3}\n\nBody.\n`, 'text'));
    const keysOf = (c: Corpus) => Object.fromEntries(c.all().map((s) => [s.location, s.meta.key]));
    const atOnce = new Corpus();
    for (const a of articles) atOnce.upsert(a);

    const stepped = new Corpus();
    for (const a of articles) stepped.upsert(a);
    const steps = stepped.settle();
    let count = 0;
    while (!steps.next().done) count++;
    assert.ok(count >= 3, `settled in ${count} steps`);
    const version = stepped.version;
    assert.deepEqual(keysOf(stepped), keysOf(atOnce));
    assert.equal(stepped.version, version, 'reading after settling assigns nothing again');

    // A change between steps: the steps' result is dropped and the next read sees the change.
    const overtaken = stepped.settle();
    assert.ok(overtaken.next().done, 'nothing to settle when nothing changed');
    stepped.upsert(parseArticle('/c/000.txt', 'Another Title\n\nBody.\n', 'text'));
    const again = stepped.settle();
    again.next();
    stepped.remove('/c/001.txt');
    while (!again.next().done);
    assert.equal(stepped.atLocation('/c/000.txt')?.meta.key, 'another-title');
    assert.equal(stepped.atLocation('/c/001.txt'), undefined);
    assert.equal(stepped.all().length, 699);
  });

  it('replaces keys pandoc does not allow and says so', () => {
    const corpus = new Corpus();
    corpus.upsert(parseArticle('/c/a.md', '---\nid: "bad key!"\n---\nText.\n', 'markdown'));
    assert.equal(corpus.all()[0].meta.key, 'bad-key');
    assert.match(corpus.problems()[0].message, /pandoc does not allow/);
  });

  it('reads keys and titles from a CSL-JSON metadata file and reports bad items', () => {
    const { entries, problems } = parseReferences('/c/references.json', JSON.stringify([{ id: 'k', title: 'T', file: 'sub/a.txt', issued: { 'date-parts': [[2021, 12, 9]] } }, { id: 'nofile' }]));
    assert.deepEqual(entries.map((e) => [e.location, e.meta]), [['/c/sub/a.txt', { key: 'k', title: 'T', issued: '2021-12-09' }]]);
    assert.match(problems[0].message, /Item 2 \(nofile\) has no "file"/);
  });
});

describe('segmentation and decoding', () => {
  it('splits sentences without breaking at abbreviations', () => {
    assert.deepEqual(splitSentences('Officials meet on Jan. 10 in Geneva. The U.S. team said so.').map((s) => s.text), ['Officials meet on Jan. 10 in Geneva.', 'The U.S. team said so.']);
  });

  it('splits a long text in pieces with the same sentences and offsets', () => {
    const line = (i: number) => `Troops reached ${i},000 on Jan. ${(i % 28) + 1} near the border [@k, para. ${i % 9}].`;
    const text = Array.from({ length: 5000 }, (_, i) => line(i)).join('\r\n');
    const sentences = splitSentences(text);
    assert.equal(sentences.length, 5000);
    sentences.forEach((s, i) => {
      assert.equal(s.text, line(i));
      assert.equal(text.slice(s.start, s.end), s.text);
    });
  });

  it('knows which files are sources', () => {
    assert.deepEqual(['a.txt', 'b.MD', 'c.markdown', 'd.htm', 'e.html', 'f.pdf', 'g'].map(formatOf), ['text', 'markdown', 'markdown', 'html', 'html', undefined, undefined]);
  });

  it('decodes UTF-8 with BOM, UTF-16 with BOM and Latin-1, and refuses binaries', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kyiv talks', 'utf16le')]);
    assert.deepEqual(decodeBytes(utf16), { ok: true, text: 'Kyiv talks', encoding: 'utf-16le' });
    assert.equal((decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x41])) as { text: string }).text, 'A');
    const latin = decodeBytes(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    assert.ok(latin.ok && latin.text === 'café' && latin.note);
    assert.equal(decodeBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])).ok, false);
  });
});
