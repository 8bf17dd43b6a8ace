import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';
import { grounded, poll, resetEditors, until, workspaceUri, utf8 } from './helpers';

const CITED = 'Ukraine put the build-up at over 94,000 troops [@putin-biden-talks, para. 7] near the border.';
const DRAFT = `# Draft\n\n${CITED}\n`;

/** Where the writer's cursor is in CITED's citation: in its key, in its locator, just after its `]`. */
const CURSORS: ReadonlyArray<[string, (line: string) => number]> = [
  ['inside the key', (line) => line.indexOf('putin-bi') + 'putin-bi'.length],
  ['inside the locator', (line) => line.indexOf('para. 7') + 2],
  ['right after ]', (line) => line.indexOf('para. 7]') + 'para. 7]'.length],
];

/** Each way Grounded inserts a citation, run as the writer runs it, with the cursor already placed. */
const ENTRY_POINTS: ReadonlyArray<{ name: string; outcome: string; expected: string; run: (api: GroundedApi, document: vscode.TextDocument) => Thenable<unknown> }> = [
  {
    name: 'Search Sources (Enter)',
    outcome: 'joins the citation’s group',
    expected: CITED.replace('para. 7]', 'para. 7; @putin-nato-scholz, para. 8]'),
    run: async (_api, document) => {
      const before = document.getText();
      const shown = vscode.commands.executeCommand('grounded.searchSources', 'critical unitz');
      // The QuickPick reports no event to extensions: accept as soon as it has items.
      await poll(async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return document.getText() !== before;
      }, 'the search to insert');
      await shown;
    },
  },
  {
    name: 'the preview’s Insert citation',
    outcome: 'joins the citation’s group',
    expected: CITED.replace('para. 7]', 'para. 7; @putin-biden-talks, para. 6]'),
    run: (api) => api.views.previewMessage({ what: 'citation', key: 'putin-biden-talks', paragraph: 6 }),
  },
  {
    name: 'the Sources view’s Insert Citation',
    outcome: 'joins the citation’s group',
    expected: CITED.replace('para. 7]', 'para. 7; @putin-nato-scholz, para. 4]'),
    run: () => vscode.commands.executeCommand('grounded.insertCitation', { kind: 'paragraph', source: { meta: { key: 'putin-nato-scholz' } }, paragraph: { index: 4 } }),
  },
  {
    name: 'the Figures view’s Insert Figure with Citation',
    outcome: 'goes after the citation',
    expected: CITED.replace('para. 7]', 'para. 7] 100,000 [@us-russia-talks-jan10, para. 2]'),
    run: async (api) => {
      const troops = (await api.views.figures()).find((g) => g.label === 'troops')!;
      return vscode.commands.executeCommand('grounded.insertFigure', { kind: 'value', group: troops, value: troops.values.find((v) => v.value === '100,000')! });
    },
  },
];

describe('Inserting citations in the extension host: never inside a citation or a word', () => {
  const uri = workspaceUri('drafts-insertion', 'draft.md');
  let api: GroundedApi;

  before(async () => {
    api = await grounded();
    await vscode.workspace.fs.writeFile(uri, utf8(DRAFT));
  });
  afterEach(resetEditors);
  after(async () => vscode.workspace.fs.delete(workspaceUri('drafts-insertion'), { recursive: true }));

  for (const entry of ENTRY_POINTS) {
    for (const [where, offsetIn] of CURSORS) {
      it(`${entry.name}, with the cursor ${where}: ${entry.outcome}, one undo takes it back, no new error`, async () => {
        const editor = await draftWithCursors(uri, (line) => [offsetIn(line)]);
        await entry.run(api, editor.document);
        assert.equal(lineOf(editor), entry.expected);
        await noUnknownSources(api, editor.document);
        await vscode.commands.executeCommand('undo');
        assert.equal(editor.document.getText(), DRAFT);
      });
    }
  }

  it('inserts at every cursor (one in the citation, one inside a word) as one undoable edit', async () => {
    const editor = await draftWithCursors(uri, (line) => [line.indexOf('para. 7') + 2, line.indexOf('bord') + 2]);
    await vscode.commands.executeCommand('grounded.insertCitation', { kind: 'paragraph', source: { meta: { key: 'putin-nato-scholz' } }, paragraph: { index: 4 } });
    assert.equal(lineOf(editor), CITED.replace('para. 7]', 'para. 7; @putin-nato-scholz, para. 4]').replace('border.', 'border [@putin-nato-scholz, para. 4].'));
    assert.equal(editor.selections.length, 2);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), DRAFT);
  });

  it('replaces the citation at the cursor with the preview’s Replace citation, and refuses where there is none', async () => {
    const editor = await draftWithCursors(uri, (line) => [line.indexOf('para. 7') + 2]);
    assert.equal(await api.views.previewMessage({ what: 'replacement', key: 'putin-biden-talks', paragraph: 6 }), true);
    assert.equal(lineOf(editor), CITED.replace('para. 7]', 'para. 6]'));
    await vscode.commands.executeCommand('undo');
    const start = new vscode.Position(2, 0);
    editor.selection = new vscode.Selection(start, start);
    assert.equal(await api.views.previewMessage({ what: 'replacement', key: 'putin-biden-talks', paragraph: 6 }), false);
    assert.equal(editor.document.getText(), DRAFT);
  });

  // Two sources that state the same fact with other values: the sample's estimate of the build-up, and another.
  const SAID = 'At the time of the talks, the number of Russian troops on the border was estimated at';
  const other = workspaceUri('corpus', 'other-estimate.md');
  for (const [ending, expected] of [
    ['to invade Ukraine.', 'to invade Ukraine [@KEY].'],
    ['to invade Ukraine [@].', 'to invade Ukraine [@KEY].'],
  ] as const) {
    it(`places the citation a "sources disagree" quick fix adds before the full stop: ${ending}`, async () => {
      await vscode.workspace.fs.writeFile(other, utf8(`---\nid: other-estimate\ntitle: Another estimate\n---\nTalks between the US and Russia opened in Geneva on Monday.\n\n${SAID} 120,000, which intensified fears that Moscow was preparing to invade Ukraine.\n`));
      await until(api.onDidChangeSources, () => api.sourceKeys().includes('other-estimate'), 'the other estimate indexed');
      const draft = `# Draft\n\n${SAID} 94,000, which intensified fears that Moscow was preparing ${ending}\n`;
      await vscode.workspace.fs.writeFile(uri, utf8(draft));
      try {
        // The editor may still hold the text of the test before: wait for the file's, then for its check.
        const document = await vscode.workspace.openTextDocument(uri);
        await poll(() => document.getText() === draft, 'the draft as written on disk');
        const editor = await vscode.window.showTextDocument(document);
        await until(api.onDidCheckReport, () => api.checkedVersion(uri) === editor.document.version && vscode.languages.getDiagnostics(uri).some((d) => d.code === 'sources-disagree'), 'a sources-disagree finding on the draft');
        const figure = editor.document.getText().indexOf('94,000');
        const at = new vscode.Range(editor.document.positionAt(figure), editor.document.positionAt(figure + 6));
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, at);
        const cite = actions.find((a) => a.title.startsWith('Cite @'));
        assert.ok(cite?.edit, `a "Cite" fix among ${actions.map((a) => a.title).join(', ')}`);
        const key = /^Cite @([\w-]+)/.exec(cite.title)![1];
        assert.ok(await vscode.workspace.applyEdit(cite.edit));
        assert.match(lineOf(editor), new RegExp(`^${escape(SAID)} 94,000, which intensified fears that Moscow was preparing ${escape(expected).replace('KEY', `${key}, para\\. \\d+`)}$`));
      } finally {
        await resetEditors();
        await vscode.workspace.fs.writeFile(uri, utf8(DRAFT));
        await vscode.workspace.fs.delete(other);
        await until(api.onDidChangeSources, () => !api.sourceKeys().includes('other-estimate'), 'the other estimate gone');
      }
    });
  }
});

/** Opens the draft (reverted to DRAFT) with cursors at offsets of its cited line. */
async function draftWithCursors(uri: vscode.Uri, offsets: (line: string) => number[]): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri);
  assert.equal(editor.document.getText(), DRAFT);
  editor.selections = offsets(CITED).map((o) => new vscode.Selection(2, o, 2, o));
  return editor;
}

function lineOf(editor: vscode.TextEditor): string {
  return editor.document.lineAt(2).text;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Waits for the check of the document as it is now, and asserts it names no unknown source. */
async function noUnknownSources(api: GroundedApi, document: vscode.TextDocument): Promise<void> {
  await until(api.onDidCheckReport, () => api.checkedVersion(document.uri) === document.version, 'the report checked');
  const unknown = vscode.languages.getDiagnostics(document.uri).filter((d) => d.code === 'unknown-source');
  assert.deepEqual(unknown.map((d) => d.message), []);
}
