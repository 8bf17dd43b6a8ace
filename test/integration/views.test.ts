import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { checkedDraft, grounded, openReport, resetEditors, until, workspaceUri, utf8 } from './helpers';

/** Citations of each key in a report, counted with a plain regex (not Grounded's parser). */
function regexCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/@([a-z0-9][\w-]*[a-z0-9])/g)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  return counts;
}

describe('Views in the extension host', () => {
  afterEach(resetEditors);

  it('lists every source with how often the open report cites it', async () => {
    const api = await grounded();
    const editor = await openReport();
    const expected = regexCounts(editor.document.getText());
    const counted = (key: string) => Number(/(\d+) citations?/.exec(api.views.sources().find((s) => s.key === key)!.description)?.[1] ?? 0);
    await until(api.views.onDidChangeSources, () => api.views.sources().every((s) => counted(s.key) === (expected.get(s.key) ?? 0)), 'citation counts of report.md');
    const rows = api.views.sources();
    assert.equal(rows.length, 5);
    assert.deepEqual(rows.map((r) => r.key).sort(), [...api.sourceKeys()].sort());
    for (const row of rows) {
      // The count is also the row's badge, which a narrow side bar does not cut (the UI test looks).
      assert.equal(row.badge, counted(row.key) ? String(counted(row.key)) : undefined, `${row.key}'s badge`);
      assert.ok(row.label.length > 10, `a title for ${row.key}`);
      assert.ok(row.paragraphs > 3, `${row.key} expands to its paragraphs`);
    }

    // The count follows the report as it is edited.
    const before = counted('putin-nato-scholz');
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\nMore on the talks [@putin-nato-scholz, para. 2].\n'));
    await until(api.views.onDidChangeSources, () => counted('putin-nato-scholz') === before + 1, 'the new citation counted');
  });

  it('sorts sources by title, date and citations, and filters them', async () => {
    const api = await grounded();
    await openReport();
    await vscode.commands.executeCommand('grounded.sources.sortByTitle');
    const titles = api.views.sources().map((s) => s.label);
    assert.deepEqual(titles, [...titles].sort((a, b) => a.localeCompare(b)));

    await vscode.commands.executeCommand('grounded.sources.sortByCitations');
    const counts = api.views.sources().map((s) => Number(/(\d+) citations?/.exec(s.description)?.[1] ?? 0));
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    assert.ok(counts[0] >= 2, 'the most cited source first');

    await vscode.commands.executeCommand('grounded.sources.sortByDate');
    const dates = api.views.sources().map((s) => /\d{4}-\d{2}(-\d{2})?/.exec(s.description)?.[0] ?? '');
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');

    await vscode.commands.executeCommand('grounded.sources.filter', 'scholz');
    assert.deepEqual(api.views.sources().map((s) => s.key), ['putin-nato-scholz']);
    await vscode.commands.executeCommand('grounded.sources.clearFilter');
    assert.equal(api.views.sources().length, 5);
    await vscode.commands.executeCommand('grounded.sources.sortByTitle');
  });

  it('shows a source’s publisher and date from its front matter, sorts by date, and opens the file from the context menu', async () => {
    const api = await grounded();
    const files = {
      older: workspaceUri('corpus', 'views-dated-older.md'),
      newer: workspaceUri('corpus', 'views-dated-newer.md'),
    };
    await vscode.workspace.fs.writeFile(files.older, utf8('---\nid: dated-older\ntitle: Dated older report\npublisher: Kyiv Independent\ndate: 2021-11-03\n---\nTroops moved north.\n\nTanks followed them.\n'));
    await vscode.workspace.fs.writeFile(files.newer, utf8('---\nid: dated-newer\ntitle: Dated newer report\ncontainer-title: Reuters\nissued: 2022-01-15\n---\nTalks resumed in Geneva.\n'));
    try {
      const row = (key: string) => api.views.sources().find((s) => s.key === key);
      await until(api.views.onDidChangeSources, () => !!row('dated-older') && !!row('dated-newer'), 'the dated sources in the view');
      assert.equal(row('dated-older')!.description, 'Kyiv Independent · 2021-11-03');
      assert.equal(row('dated-newer')!.description, 'Reuters · 2022-01-15');
      assert.equal(row('dated-older')!.label, 'Dated older report');

      await vscode.commands.executeCommand('grounded.sources.sortByDate');
      const keys = api.views.sources().map((s) => s.key);
      assert.deepEqual(keys.slice(0, 2), ['dated-newer', 'dated-older'], 'newest first, undated after');
      await vscode.commands.executeCommand('grounded.sources.sortByTitle');

      // "Open Source File" from the context menu gets the tree node.
      await vscode.commands.executeCommand('grounded.openSourceFile', { kind: 'source', source: { meta: { key: 'dated-older' } } });
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), files.older.toString());
      await vscode.commands.executeCommand('grounded.openSourceFile', { kind: 'paragraph', source: { meta: { key: 'dated-older' } }, paragraph: { index: 2 } });
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.uri.toString(), files.older.toString());
      assert.equal(editor.document.getText(editor.selection), 'Tanks followed them.');
      assert.equal(editor.document.isDirty, false);
    } finally {
      await resetEditors();
      for (const uri of Object.values(files)) await vscode.workspace.fs.delete(uri);
      await until(api.onDidChangeSources, () => !api.sourceKeys().some((k) => k.startsWith('dated-')), 'the dated sources to leave');
    }
  });

  it('groups the figures of the corpus by what they count, marking where sources disagree', async () => {
    const api = await grounded();
    const troops = (await api.views.figures()).find((g) => g.label === 'troops' && g.kind === 'count');
    assert.ok(troops, `a troops group among ${(await api.views.figures()).map((g) => g.label).join(', ')}`);
    assert.equal(troops.disagree, true);
    assert.equal((await api.views.figures())[0], troops, 'disagreements come first');
    const value = (v: string) => troops.values.find((x) => x.value === v);
    assert.deepEqual(value('94,000')?.keys.sort(), ['biden-zelenskyy-call', 'putin-biden-talks']);
    assert.deepEqual(value('100,000')?.keys, ['us-russia-talks-jan10']);
    assert.equal(value('175,000')?.projection, true, '175,000 is a projection ("may be in a position to launch")');
    assert.equal(value('94,000')?.projection, false);
    // The index worker leaves sentences out of its message; the item still shows the source's sentence.
    const place = value('175,000')!.places[0];
    const tooltip = api.views.figureTreeItem({ kind: 'place', group: troops, value: value('175,000')!, place }).tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /175,000 troops/);
  });

  it('previews the passage of a figure value or place when it is clicked', async () => {
    const api = await grounded();
    await openReport();
    const troops = (await api.views.figures()).find((g) => g.label === 'troops')!;
    const value = troops.values.find((v) => v.value === '100,000')!;
    const place = troops.values.find((v) => v.value === '175,000')!.places[0];
    for (const [node, key, paragraph, words] of [
      [{ kind: 'value', group: troops, value }, 'us-russia-talks-jan10', value.places[0].paragraph, '100,000'],
      [{ kind: 'place', group: troops, value: troops.values.find((v) => v.value === '175,000')!, place }, place.key, place.paragraph, '175,000'],
    ] as const) {
      const { command } = api.views.figureTreeItem(node);
      assert.ok(command, `${node.kind} items have a click command`);
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      await until(api.views.onDidRenderPreview, () => api.views.preview()?.key === key && api.views.preview()?.cited === paragraph, `the preview of ${key}, para. ${paragraph}`);
      assert.match(api.views.preview()!.shownText, new RegExp(words));
    }
  });

  it('inserts a figure with its citation, and a citation of a paragraph, as undoable edits', async () => {
    const api = await grounded();
    const { editor, original } = await reportWithCursorAtEnd();
    const troops = (await api.views.figures()).find((g) => g.label === 'troops')!;
    const value = troops.values.find((v) => v.value === '100,000')!;
    await vscode.commands.executeCommand('grounded.insertFigure', { kind: 'value', group: troops, value });
    assert.ok(editor.document.getText().endsWith('100,000 [@us-russia-talks-jan10, para. 2]'), editor.document.getText().slice(-80));
    await vscode.commands.executeCommand('grounded.insertCitation', { kind: 'paragraph', source: { meta: { key: 'putin-nato-scholz' } }, paragraph: { index: 4 } });
    // The cursor is just after the figure's citation, so the new source joins it.
    assert.ok(editor.document.getText().endsWith('100,000 [@us-russia-talks-jan10, para. 2; @putin-nato-scholz, para. 4]'), editor.document.getText().slice(-80));
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  it('previews a source beside the report, with a strict Content-Security-Policy', async () => {
    const api = await grounded();
    await openReport();
    await vscode.commands.executeCommand('grounded.previewSource', { key: 'putin-biden-talks', paragraph: 7 });
    await until(api.views.onDidRenderPreview, () => api.views.preview()?.key === 'putin-biden-talks' && api.views.preview()?.cited === 7, 'the page to show para. 7');
    assert.match(api.views.preview()!.shownText, /94,000/);
    const html = api.views.previewHtml()!;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, csp);
    assert.match(csp, /default-src 'none'/);
    // Every allowed source is the webview's own origin (VS Code's cspSource) or the nonce.
    const sources = csp.split(';').flatMap((d) => d.trim().split(/\s+/).slice(1));
    for (const allowed of sources) assert.ok(["'none'", "'self'", 'https://*.vscode-cdn.net', `'nonce-${nonce}'`].includes(allowed), `${allowed} in ${csp}`);
    for (const script of html.match(/<script[^>]*>/g) ?? []) assert.ok(script.includes(`nonce="${nonce}"`), script);
    assert.doesNotMatch(html, /<script[^>]*>[^<]+<\/script>/, 'no inline script');
    const options = api.views.previewOptions()!;
    assert.equal(options.enableCommandUris, false);
    assert.deepEqual(options.localResourceRoots?.map((u) => u.path.split('/').slice(-1)[0]), ['media']);
  });

  it('moves the preview highlight with the cursor from citation to citation', async () => {
    const api = await grounded();
    const editor = await openReport();
    await vscode.commands.executeCommand('grounded.previewSource', { key: 'putin-biden-talks' });
    await until(api.views.onDidRenderPreview, () => api.views.preview()?.key === 'putin-biden-talks', 'the preview');
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    const at = (needle: string) => {
      const offset = editor.document.getText().indexOf(needle) + 3;
      editor.selection = new vscode.Selection(editor.document.positionAt(offset), editor.document.positionAt(offset));
    };
    at('[@putin-biden-talks, para. 7]');
    await until(api.views.onDidRenderPreview, () => api.views.preview()?.cited === 7, 'para. 7 highlighted');
    at('[@putin-nato-scholz]');
    await until(api.views.onDidRenderPreview, () => api.views.preview()?.key === 'putin-nato-scholz' && api.views.preview()?.cited !== undefined, 'the Scholz source, at its best-matching paragraph');
    assert.match(api.views.preview()!.shownText, /critical units|border/i);
  });

  it('inserts what the preview asks for only when it is really in the source', async () => {
    const api = await grounded();
    const { editor, original } = await reportWithCursorAtEnd();
    await vscode.commands.executeCommand('grounded.previewSource', { key: 'putin-biden-talks', paragraph: 7 });
    assert.equal(await api.views.previewMessage({ what: 'citation', key: 'no-such-key', paragraph: 1 }), false);
    assert.equal(await api.views.previewMessage({ what: 'citation', key: 'putin-biden-talks', paragraph: 999 }), false);
    assert.equal(await api.views.previewMessage({ what: 'quotation', key: 'putin-biden-talks', paragraph: 7, text: 'words the article never wrote' }), false);
    assert.equal(editor.document.getText(), original, 'nothing inserted for bad requests');
    assert.equal(await api.views.previewMessage({ what: 'quotation', key: 'putin-biden-talks', paragraph: 7, text: 'over 94,000 troops' }), true);
    assert.ok(editor.document.getText().endsWith('“over 94,000 troops” [@putin-biden-talks, para. 7]'), editor.document.getText().slice(-80));
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  it('shows the figure warnings of the report being written in the status bar, and opens the Problems panel on click', async () => {
    const api = await grounded();
    const { editor, remove } = await checkedDraft(api, 'drafts-status', '# Draft\n\nUkraine put the build-up at 50,000 troops [@putin-biden-talks, para. 7].\n');
    try {
      const checked = () => until(api.onDidCheckReport, () => api.checkedVersion(editor.document.uri) === editor.document.version, 'the report checked');
      // The item is updated from the diagnostics' change event, which follows the check.
      await until(vscode.languages.onDidChangeDiagnostics, () => api.statusBar().findings.text !== '$(check) Figures agree', 'the status bar to count the warning');
      const { findings, sources } = api.statusBar();
      assert.equal(findings.text, '$(warning) 1 figure warning');
      assert.equal(findings.visible, true);
      assert.equal(findings.command, 'grounded.showProblems');
      assert.match(findings.tooltip, /draft\.md: 1 figure warning, 1 Grounded finding in all/);
      assert.equal(sources.text, `$(book) ${api.sourceKeys().length} sources`);
      assert.equal(sources.command, 'grounded.searchSources');

      // Corrected to the source's figure, the warning goes.
      const at = editor.document.getText().indexOf('50,000');
      await editor.edit((b) => b.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 6)), 'over 94,000'));
      await checked();
      await until(vscode.languages.onDidChangeDiagnostics, () => api.statusBar().findings.text === '$(check) Figures agree', 'the status bar to clear');
      // The click's command runs (the panel itself is checked in the UI test).
      await vscode.commands.executeCommand(findings.command!);
    } finally {
      await remove();
    }
  });

  it('says the figures wait for the index while sources are being indexed, not that they agree', async () => {
    const api = await grounded();
    const { remove } = await checkedDraft(api, 'drafts-waiting', '# Draft\n\nUkraine put the build-up at over 94,000 troops [@putin-biden-talks, para. 7].\n');
    try {
      await until(vscode.languages.onDidChangeDiagnostics, () => api.statusBar().findings.text === '$(check) Figures agree', 'the figures to agree');
      const whileIndexing: string[] = [];
      const watch = api.onDidChangeIndexing((busy) => void (busy && whileIndexing.push(api.statusBar().findings.text)));
      try {
        await vscode.commands.executeCommand('grounded.reindex');
      } finally {
        watch.dispose();
      }
      assert.ok(whileIndexing.length > 0, 'indexing started');
      for (const text of whileIndexing) assert.equal(text, '$(sync~spin) Figures: waiting for the index');
      await until(api.onDidCheckReport, () => api.statusBar().findings.text === '$(check) Figures agree', 'the figures checked again');
    } finally {
      await remove();
    }
  });
});

/** The report with the cursor after its last line, and its text before the test edits it. */
async function reportWithCursorAtEnd(): Promise<{ editor: vscode.TextEditor; original: string }> {
  const editor = await openReport();
  const end = new vscode.Position(editor.document.lineCount, 0);
  editor.selection = new vscode.Selection(end, end);
  return { editor, original: editor.document.getText() };
}
