// The writer's bibliography in the real host: a .bib that bibutils wrote from a Zotero-style RIS
// export, named by the grounded.bibliography setting, with a `file` attachment outside corpus/;
// and a CSL-JSON bibliography that pandoc wrote, named by a report's front matter.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { checkedDraft, grounded, openReport, resetEditors, until, workspaceUri } from './helpers';

const repoRoot = join(__dirname, '..', '..', '..');
const ashley = readFileSync(join(repoRoot, 'test', 'fixtures', 'unbroken', 'laura-ashley-chief.txt'));

function bibutilsBib(ris: string): string {
  const xml = execFileSync('ris2xml', [], { input: ris, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
  return execFileSync('xml2bib', [], { input: xml, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
}

const hoverText = (hovers: vscode.Hover[]) =>
  hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
    .join('\n')
    .replace(/\\([-\\`*_{}[\]()#+.!])/g, '$1');
const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

describe('the writer’s bibliography in the extension host', () => {
  const library = workspaceUri('library');
  const config = () => vscode.workspace.getConfiguration('grounded');

  before(async () => {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(library, 'files', 'Laura Ashley chief (2005), Zotero copy!.txt'), ashley);
    const ris = [
      'TY  - NEWS\nID  - ashleyChief2005\nAU  - Brown, Ann\nTI  - Laura Ashley chief stepping down\nT2  - BBC News\nPY  - 2005/02/01\nL1  - files/Laura Ashley chief (2005), Zotero copy!.txt\nER  - \n',
      'TY  - BOOK\nID  - kahneman2011\nAU  - Kahneman, Daniel\nTI  - Thinking, Fast and Slow\nPB  - Farrar, Straus and Giroux\nPY  - 2011\nER  - \n',
    ].join('\n');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(library, 'library.bib'), Buffer.from(bibutilsBib(ris), 'utf8'));
  });

  after(async () => {
    await resetEditors();
    await config().update('bibliography', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(library, { recursive: true });
    const api = await grounded();
    await until(api.onDidChangeSources, () => !api.sourceKeys().some((k) => ['kahneman2011', 'ashleyChief2005', 'tversky1974'].includes(k)), 'the bibliographies’ sources to leave');
  });

  it('indexes the entries of grounded.bibliography under their keys, the attachment outside corpus/ as a source', async () => {
    const api = await grounded();
    await config().update('bibliography', ['library/library.bib'], vscode.ConfigurationTarget.Workspace);
    await until(api.onDidChangeSources, () => api.sourceKeys().includes('ashleyChief2005') && api.sourceKeys().includes('kahneman2011'), 'the bibliography’s entries', 30_000);
    assert.equal(api.sourceLocation('ashleyChief2005'), vscode.Uri.joinPath(library, 'files', 'Laura Ashley chief (2005), Zotero copy!.txt').toString());
    // The Sources view lists the entry with no text as such; a click opens the entry, not an empty preview.
    const row = api.views.sources().find((r) => r.key === 'kahneman2011');
    assert.match(row?.description ?? '', /no text/);
    assert.equal(row?.paragraphs, 0);
    // The worker names the attachment as the editor does (a space in its name), so both hold the same sources.
    assert.ok(!api.log.recent().some((l) => /indexing on this thread instead/.test(l.message)), api.log.recent().map((l) => l.message).join('\n'));
    const { editor, remove } = await checkedDraft(api, 'bib-drafts', 'Laura Ashley’s chief stepped down [@ashleyChief2005]. Kahneman wrote of two systems [@kahneman2011, p. 20]. ');
    try {
      // Known keys: no unknown-source; the entry with no text is never checked.
      assert.deepEqual(vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'grounded'), []);
      const doc = editor.document;
      const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('kahneman2011'))));
      assert.match(hover, /Thinking, Fast and Slow/);
      assert.match(hover, /Daniel Kahneman/);
      assert.match(hover, /no text to check against/);
      const attached = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('ashleyChief2005'))));
      assert.match(attached, /Laura Ashley chief stepping down/);
      // The attached article's own words: the sentence that backs the claim.
      assert.match(attached, /> .*is parting company with its .*chief.* executive Ainum Mohd-Saaid/, attached);
      assert.doesNotMatch(attached, /no text to check against/);
      // Go to Definition on an entry with no text: its entry in the .bib.
      const [definition] = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', doc.uri, doc.positionAt(doc.getText().indexOf('kahneman2011')));
      assert.equal(definition?.uri.toString(), vscode.Uri.joinPath(library, 'library.bib').toString());
      const bib = await vscode.workspace.openTextDocument(definition.uri);
      assert.match(bib.lineAt(definition.range.start.line).text, /^\W*@Book\{kahneman2011,/i);
      const end = doc.positionAt(doc.getText().length);
      await editor.edit((b) => b.insert(end, 'More [@'));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(doc.getText().length), '@');
      const labels = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference).map(labelOf);
      assert.ok(labels.includes('kahneman2011') && labels.includes('ashleyChief2005'), labels.join(' '));
    } finally {
      await remove();
    }
  });

  it('reads the bibliography a report names in its front matter', async () => {
    const api = await grounded();
    const csl = JSON.stringify([{ id: 'tversky1974', type: 'article-journal', title: 'Judgment under Uncertainty: Heuristics and Biases', author: [{ family: 'Tversky', given: 'Amos' }], 'container-title': 'Science', issued: { 'date-parts': [[1974]] } }]);
    // As pandoc writes CSL-JSON.
    const written = execFileSync('pandoc', ['-f', 'csljson', '-t', 'csljson'], { input: csl, encoding: 'utf8' });
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(library, 'science.json'), Buffer.from(written, 'utf8'));
    const report = workspaceUri('library', 'front-matter-report.md');
    await vscode.workspace.fs.writeFile(report, Buffer.from('---\nbibliography: science.json\n---\n\nPeople judge by heuristics [@tversky1974].\n', 'utf8'));
    await vscode.window.showTextDocument(report);
    await until(api.onDidChangeSources, () => api.sourceKeys().includes('tversky1974'), 'the front matter’s bibliography', 30_000);
    await until(api.onDidCheckReport, () => vscode.languages.getDiagnostics(report).filter((d) => d.code === 'unknown-source').length === 0 && api.checkedVersion(report) !== undefined, 'the report checked with the key known', 30_000);
  });

  it('exports only what the report’s own bibliography lacks, and adds the file to its bibliography: list', async () => {
    await grounded();
    const report = vscode.Uri.joinPath(library, 'mixed-report.md');
    await vscode.workspace.fs.writeFile(report, Buffer.from('---\ntitle: Mixed\nbibliography: library.bib\n---\n\nPeople think slowly [@kahneman2011, p. 20]. Putin asked for guarantees [@putin-biden-talks, para. 7].\n', 'utf8'));
    const editor = await vscode.window.showTextDocument(report);
    const target = vscode.Uri.joinPath(library, 'grounded.json');
    await vscode.commands.executeCommand('grounded.exportBibliography', { scope: 'cited', target: target.toString(), addToFrontMatter: true });
    const items = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8')) as Array<{ id: string }>;
    assert.deepEqual(items.map((i) => i.id), ['putin-biden-talks']);
    assert.match(editor.document.getText(), /^---\ntitle: Mixed\nbibliography: \[library\.bib, grounded\.json\]\n---/);
    await editor.document.save();
    const r = spawnSync('pandoc', ['--citeproc', '-t', 'plain', '--wrap=none', 'mixed-report.md'], { cwd: library.fsPath, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '', 'pandoc found every key in the two files');
    assert.match(r.stdout, /People think slowly \(Kahneman 2011, 20\)/);
  });
});

// Moved here from citations.test.ts, whole: it runs pandoc, which only the Node host can start
// (citations.test.ts now runs in the browser's host too).
describe('the exported bibliography with pandoc in the extension host', () => {
  afterEach(resetEditors);

  it('exports a bibliography that pandoc --citeproc resolves for every citation of the report', async () => {
    const api = await grounded();
    const editor = await openReport();
    const target = workspaceUri('bibliography.json');
    const written = await vscode.commands.executeCommand<vscode.Uri>('grounded.exportBibliography', { scope: 'cited', target: target.toString(), addToFrontMatter: true });
    assert.equal(written?.toString(), target.toString());
    const items = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8')) as Array<{ id: string; file?: string }>;
    assert.deepEqual(items.map((i) => i.id).sort(), ['biden-zelenskyy-call', 'putin-biden-talks', 'putin-nato-scholz', 'us-russia-talks-jan10']);
    assert.ok(items.every((i) => i.file === undefined));
    assert.match(editor.document.getText(), /^---\ntitle: "Border crisis brief"\nbibliography: bibliography\.json\n---/);
    await editor.document.save();

    const folder = workspaceUri().fsPath;
    const result = execFileSync('pandoc', ['--citeproc', '-t', 'plain', 'report.md'], { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const warnings = execFileSync('bash', ['-c', 'pandoc --citeproc -t plain report.md 2>&1 >/dev/null'], { cwd: folder, encoding: 'utf8' });
    assert.doesNotMatch(warnings, /not found/i);
    assert.doesNotMatch(result, /\?\?/);
    assert.match(result.replace(/\s+/g, ' '), /Vladimir Putin requests President Joe Biden/i);

    // Undo the front matter edit: it was one undoable edit.
    await vscode.commands.executeCommand('undo');
    assert.doesNotMatch(editor.document.getText(), /bibliography:/);
    await editor.document.save();
    await vscode.workspace.fs.delete(target);
    // While the saved report named it, the exported file was one of the writer's bibliographies
    // (its entries sources, the corpus article renamed putin-nato-scholz-2): the tests after this
    // one need the corpus back as it was, once the save's re-read has run.
    await api.ready();
    await until(api.onDidChangeSources, () => api.sourceKeys().includes('putin-nato-scholz') && !api.sourceKeys().includes('putin-nato-scholz-2'), 'the exported entries to leave the sources');
  });
});
