import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, grounded } from './helpers';

interface Manifest {
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    menus: Record<string, Array<{ command: string }>>;
    keybindings: Keybinding[];
    viewsWelcome: Array<{ contents: string }>;
    walkthroughs: Array<{ steps: Array<{ id: string; description: string; media: { markdown?: string; image?: string; svg?: string }; completionEvents?: string[] }> }>;
  };
}

interface Keybinding {
  command: string;
  key: string;
  mac?: string;
  win?: string;
  linux?: string;
  when?: string;
}

function manifest(): Manifest {
  return vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
}

/** Commands named in `command:` links of Markdown text. */
function linkedCommands(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(command:([\w.-]+)/g)].map((m) => m[1]);
}

describe('Grounded’s manifest in the extension host', () => {
  it('binds keys that no default keybinding of this VS Code uses, and no Ctrl+Alt (AltGr on Windows)', async () => {
    await grounded();
    const ours = manifest().contributes.keybindings;
    assert.ok(ours.length >= 2);
    for (const k of ours) {
      const windows = k.win ?? k.key;
      assert.doesNotMatch(windows, /ctrl\+(shift\+)?alt\+|alt\+(shift\+)?ctrl\+/, `${k.command}: Ctrl+Alt is AltGr on Windows`);
    }
    // VS Code's own list of its defaults, resolved for the platform it runs on (extensions' bindings included).
    const defaults = (await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'))).getText();
    const entries = [...defaults.matchAll(/\{\s*"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"/g)].map((m) => ({ key: m[1], command: m[2] }));
    assert.ok(entries.length > 500, `only ${entries.length} default keybindings read`);
    for (const k of ours) {
      const mine = entries.filter((e) => e.command === k.command).map((e) => e.key);
      assert.equal(mine.length, 1, `${k.command} is bound once: ${mine.join(', ')}`);
      const clashes = entries.filter((e) => e.key === mine[0] && e.command !== k.command);
      assert.deepEqual(clashes, [], `${mine[0]} is also bound to ${clashes.map((c) => c.command).join(', ')}`);
    }
  });

  it('puts every command in the Grounded category', async () => {
    await grounded();
    const commands = manifest().contributes.commands;
    assert.ok(commands.length > 10);
    assert.deepEqual(commands.filter((c) => c.category !== 'Grounded').map((c) => c.command), []);
  });

  it('names only commands that exist: in menus and keybindings its own, in the walkthrough and welcome views any registered one', async () => {
    await grounded();
    const { contributes } = manifest();
    const contributed = new Set(contributes.commands.map((c) => c.command));
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of contributed) assert.ok(registered.has(id), `${id} is contributed but not registered`);
    const fromMenus = Object.entries(contributes.menus).flatMap(([menu, items]) => items.map((i) => [menu, i.command] as const));
    assert.deepEqual(fromMenus.filter(([, id]) => !contributed.has(id)), [], 'menu items of commands Grounded does not contribute');
    assert.deepEqual(contributes.keybindings.map((k) => k.command).filter((id) => !contributed.has(id)), []);
    const steps = contributes.walkthroughs.flatMap((w) => w.steps);
    const fromWalkthrough = steps.flatMap((s) => [...linkedCommands(s.description), ...(s.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length))]);
    const fromWelcome = contributes.viewsWelcome.flatMap((v) => linkedCommands(v.contents));
    assert.ok(fromWalkthrough.length >= steps.length, 'the walkthrough names commands');
    assert.deepEqual([...fromWalkthrough, ...fromWelcome].filter((id) => !registered.has(id)), []);
  });

  it('has a media file for every walkthrough step, and a completion event for each', async () => {
    await grounded();
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    for (const step of manifest().contributes.walkthroughs.flatMap((w) => w.steps)) {
      const media = step.media.markdown ?? step.media.image ?? step.media.svg;
      assert.ok(media, `${step.id} has no media`);
      const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(root, media)).then(undefined, () => undefined);
      assert.ok(stat && stat.size > 0, `${step.id}: ${media} is missing or empty`);
      assert.ok(step.completionEvents?.length, `${step.id} has no completion event`);
    }
  });

  it('declares that it works in untrusted workspaces and in virtual ones, with no setting that runs or fetches anything', async () => {
    await grounded();
    const json = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      capabilities: { untrustedWorkspaces: { supported: boolean | string }; virtualWorkspaces: { supported: boolean | string } };
      contributes: { configuration: { properties: Record<string, { type: string | string[] }> } };
    };
    // Grounded only reads the workspace: nothing in it can make Grounded run code, so trust changes nothing.
    assert.equal(json.capabilities.untrustedWorkspaces.supported, true);
    // It finds sources with findFiles and reads what is not on this machine's disk through workspace.fs (all of it in the browser).
    assert.equal(json.capabilities.virtualWorkspaces.supported, true);
    // Each setting is a pattern, a size, a severity, what a citation covers or how a hint shows; a new one must be looked at for trust here.
    // grounded.bibliography names files to read, never to run; in an untrusted workspace only those inside it are read.
    const settings = Object.keys(json.contributes.configuration.properties);
    assert.deepEqual(settings.sort(), ['grounded.bibliography', 'grounded.checks.citationMissing', 'grounded.checks.citationScope', 'grounded.corpus.exclude', 'grounded.corpus.include', 'grounded.corpus.maxFileSizeMB', 'grounded.diagnostics.severity']);
  });
});
