// Runs a real editor headless for the language server's editor tests: with `grounded-lsp` on
// its PATH and a home of its own, and reads the JSON its script wrote.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './harness';

export interface EditorRun<T> {
  results: T;
  code: number | null;
  stderr: string;
}

/** A fresh folder for the editor's home, config and caches. */
export function editorHome(): string {
  return mkdtempSync(join(tmpdir(), 'grounded-editor-home-'));
}

/**
 * Runs `command args` in `workspace` until it exits (killed after 90 s) and returns the JSON it
 * wrote to $GROUNDED_RESULTS; fails naming the editor when it wrote none.
 */
export async function runEditor<T>(command: string, args: string[], workspace: string, home: string, env: Record<string, string> = {}): Promise<EditorRun<T>> {
  const bin = mkdtempSync(join(tmpdir(), 'grounded-editor-bin-'));
  symlinkSync(join(repoRoot, 'bin', 'grounded-lsp.js'), join(bin, 'grounded-lsp'));
  const out = join(home, 'results.json');
  const child = spawn(command, args, {
    cwd: workspace,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, XDG_STATE_HOME: home, XDG_CACHE_HOME: home, PATH: `${bin}:${process.env.PATH ?? ''}`, GROUNDED_RESULTS: out, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill(), 90_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  let text: string;
  try {
    text = readFileSync(out, 'utf8');
  } catch {
    assert.fail(`${command} wrote no results (exit ${code}): ${stderr}`);
  }
  return { results: JSON.parse(text) as T, code, stderr };
}

/** The first fenced block of `language` after `heading` in the README: a snippet as written there. */
export function readmeSnippet(heading: string, language: string): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const at = readme.indexOf(heading);
  assert.ok(at >= 0, `the README has no "${heading}"`);
  const block = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(readme.slice(at));
  assert.ok(block, `no ${language} block after "${heading}" in the README`);
  return block[1];
}
