import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { parseCitations } from '../../src/core/citations';

// The keys pandoc itself resolves, from its JSON AST.
function pandocKeys(markdown: string): string[] {
  const json = JSON.parse(execFileSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: markdown, encoding: 'utf8' })) as unknown;
  const keys: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as { t?: string; c?: unknown };
      if (n.t === 'Cite') for (const c of (n.c as [Array<{ citationId: string }>])[0]) keys.push(c.citationId);
      Object.values(n).forEach(walk);
    }
  };
  walk((json as { blocks: unknown }).blocks);
  return keys;
}

const CASES = [
  'see @doe99.',
  'mail john@example.com now',
  '[see @a, para. 2; -@b]',
  '`@code` and @real',
  '``code with ` inside @x`` and @y',
  '[@a](http://x) @b',
  '\\@esc @ok',
  'x [@a, paras. 4-5] y',
  '[foo; @bar]',
  '@doe [p. 3] says',
  '(@doe) starts an example list',
  'text\n(@doe) continues a paragraph',
  'a-@b',
  '@1999 was a year',
  'ends with @a:b:',
  'x@y @z',
  '[-@key]',
  '<!-- @c --> @d',
  'x.@a',
  'y @müller2020 z',
  '[text @a]',
  'a.b@c.d',
  '[@a, 4]',
  '**@a** and _@b_',
  '@a@b',
  'x (@a) y and (see @b, p. 3)',
  '@a [@b]',
  '[@a;@b] [ @c ]',
  '@a--b and @c-',
  '@{weird} key',
  'a @b.c.d. end',
  'x\n\n    @indented\n\n@real',
  '```\n@fenced\n```\n@r',
  '~~~md\n@fenced\n~~~\n@r',
  '---\ntitle: "@front"\n---\n\nBody @body.',
  'Unbalanced [@a, para. 2 and @b',
  'Troops massed [@putin-biden-talks, para. 7]; officials met [see @us-russia-talks-jan10; -@biden-zelenskyy-call, paras. 3–4].',
];

describe('citation keys agree with pandoc', function () {
  this.timeout(60_000);
  before(() => {
    try {
      execFileSync('pandoc', ['--version']);
    } catch {
      throw new Error('pandoc is not installed: run bash scripts/setup.sh (it installs Debian\'s pandoc)');
    }
  });

  for (const markdown of CASES) {
    it(JSON.stringify(markdown), () => {
      const ours = parseCitations(markdown).flatMap((c) => c.items.map((i) => i.key));
      assert.deepEqual(ours, pandocKeys(markdown));
    });
  }
});
