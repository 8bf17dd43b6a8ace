import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { grounded, resetEditors, workspaceUri, utf8 } from './helpers';

let drafts = 0;

/** Writes a Markdown report with `text` into the workspace and opens it; `|` marks the cursor. */
async function draft(textWithCursor: string): Promise<{ doc: vscode.TextDocument; position: vscode.Position }> {
  const offset = textWithCursor.indexOf('|');
  const uri = workspaceUri('drafts', `draft-${++drafts}.md`);
  await vscode.workspace.fs.writeFile(uri, utf8(textWithCursor.replace('|', '')));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return { doc, position: doc.positionAt(Math.max(0, offset)) };
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function sorted(list: vscode.CompletionList): vscode.CompletionItem[] {
  return [...list.items].sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)));
}

/** The hover's Markdown with VS Code's escaping of plain text undone, for matching. */
function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([-\\`*_{}[\]()#+.!])/g, '$1');
}

describe('citations in the extension host', () => {
  afterEach(resetEditors);
  after(async () => vscode.workspace.fs.delete(workspaceUri('drafts'), { recursive: true }));

  it('completes keys ranked by the sentence: the source that backs the claim comes first', async () => {
    await grounded();
    const { doc, position } = await draft('US intelligence warned of an offensive involving 175,000 troops [@|');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position, '@');
    const ours = sorted(list).filter((i) => i.kind === vscode.CompletionItemKind.Reference);
    assert.equal(ours.length, 5);
    assert.equal(labelOf(ours[0]), 'biden-zelenskyy-call');
    assert.equal(ours[0].detail, 'Biden talks with Ukrainian President over Russian tensions');
    assert.match(ours[0].filterText ?? '', /Biden talks with Ukrainian President/);
  });

  it('ranks another source first for another claim', async () => {
    await grounded();
    const { doc, position } = await draft('Zelensky told parliament he was not afraid of a direct dialogue with Russia; @|');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position, '@');
    const ours = sorted(list).filter((i) => i.kind === vscode.CompletionItemKind.Reference);
    assert.equal(labelOf(ours[0]), 'zelensky-direct-talks', ours.map((i) => `${labelOf(i)}:${i.sortText}`).join(' '));
  });

  it('completes paragraphs after [@key, ranked by the sentence', async () => {
    await grounded();
    const { doc, position } = await draft('Zelenskyy said he had a 90-minute conversation with Biden [@biden-zelenskyy-call, |]');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position, ' ');
    const ours = sorted(list).filter((i) => labelOf(i).startsWith('para. '));
    assert.equal(ours.length, 23);
    assert.equal(labelOf(ours[0]), 'para. 3');
  });

  it('offers no citation completion inside code', async () => {
    await grounded();
    const { doc, position } = await draft('Some `code [@|` here');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position, '@');
    assert.equal(list.items.filter((i) => labelOf(i) === 'biden-zelenskyy-call').length, 0);
  });

  it('hovers a citation with the located paragraph and a link that opens the source', async () => {
    await grounded();
    const { doc } = await draft('The build-up was over 94,000 troops [@putin-biden-talks, para. 7].');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('putin-biden')));
    const text = hoverText(hovers);
    assert.match(text, /Vladimir Putin requests President Joe Biden/i);
    assert.match(text, /over \*\*94,000\*\* \*\*troops\*\*/);
    assert.match(text, /command:grounded\.openSource\?/);
  });

  it('hovers a citation without locator with the passage that best supports the sentence', async () => {
    await grounded();
    const { doc } = await draft('US intelligence warned of an offensive involving 175,000 troops [@biden-zelenskyy-call].');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('@biden')));
    assert.match(hoverText(hovers), /large-scale \*\*offensive\*\* \*\*involving\*\* \*\*175,000\*\* \*\*troops\*\*/);
  });

  it('hovers a quotation with where it occurs, or that it occurs nowhere', async () => {
    await grounded();
    const { doc } = await draft('Blinken: "We continue to see critical units moving toward the border" and "Russia says one thing".');
    const found = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('critical'))));
    assert.match(found, /Quotation found/);
    assert.match(found, /@putin-nato-scholz, para\. 8/);
    const missing = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('one thing'))));
    assert.match(missing, /occur in no indexed source/);
  });

  it('goes to the cited passage with Go to Definition', async () => {
    await grounded();
    const { doc } = await draft('See [@putin-biden-talks, para. 10].');
    const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', doc.uri, doc.positionAt(doc.getText().indexOf('putin')));
    assert.equal(locations.length, 1);
    const loc = locations[0] as vscode.Location;
    assert.ok(loc.uri.path.endsWith('/corpus/002_c369252dabbea5e4.txt'));
    const target = await vscode.workspace.openTextDocument(loc.uri);
    assert.ok(target.getText(loc.range).startsWith('Russian officials will meet the Americans in Geneva on January 10.'));
  });
});
