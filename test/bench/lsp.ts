// npm run bench:lsp: grounded-lsp's answer times over the protocol, as an editor sees them
// (request to response, JSON and pipe included), at 50,000 passages of BBC News text; beside
// them, the same work done in-process as the extension's providers do it. A benchmark, not
// a test: it reports numbers and the machine, it asserts nothing.
// Options: --articles DIR, --passages N (50000).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { CompletionList, Hover } from 'vscode-languageserver-protocol/node';
import { loadCorpusDirectory } from '../../src/core/corpus/node-corpus';
import { SearchIndex } from '../../src/core/search/search-index';
import { citationCompletions } from '../../src/service/completions';
import { hoverContent } from '../../src/service/hover-content';
import { LspSession } from '../lsp/harness';
import { buildSources, loadArticles } from './bbc';
import { articlesFolder, option, repoRoot } from './options';
import { median, percentile, round } from './stats';

const articlesDir = articlesFolder();
const passages = Number(option('--passages', '50000'));
const SAMPLES = 60;

async function main(): Promise<void> {
  const workspace = mkdtempSync(join(tmpdir(), 'grounded-bench-lsp-'));
  mkdirSync(join(workspace, 'corpus'));
  const sources = buildSources(loadArticles(articlesDir), passages);
  // A source file as a writer's corpus holds it: the title, then one paragraph a line.
  for (const s of sources) writeFileSync(join(workspace, 'corpus', `${s.meta.key}.txt`), [s.meta.title, ...s.paragraphs.map((p) => p.text)].join('\n'));
  // The report: a sentence of a source with its citation, then the same sentence being cited (`[@`).
  const lines: string[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const s = sources[(i * 7919) % sources.length];
    const p = s.paragraphs[i % s.paragraphs.length];
    const sentence = (p.sentences[0]?.text ?? p.text).replace(/[.!?]$/, '');
    lines.push(`${sentence} [@CITED].`, '', `${sentence} [@`, '');
  }

  const started = performance.now();
  const session = await LspSession.start(workspace);
  await session.indexComplete(0, 600_000);
  const indexMs = performance.now() - started;
  const status = session.statuses.at(-1)!;
  // Keys are the server's (from each file's title): cite the source of each sentence by the key it got.
  const { corpus } = await loadCorpusDirectory(join(workspace, 'corpus'));
  const keyOf = new Map(corpus.all().map((s) => [s.location.split('/').pop()!.replace(/\.txt$/, ''), s.meta.key]));
  const report = lines.map((l, n) => (n % 4 === 0 ? l.replace('@CITED', `@${keyOf.get(sources[((n / 4) * 7919) % sources.length].meta.key)}`) : l)).join('\n');
  const document = session.open(join(workspace, 'report.md'), report);
  const at = (line: number, character: number) => ({ textDocument: { uri: document.uri }, position: { line, character } });
  const timed = async <T>(method: string, params: unknown): Promise<[T, number]> => {
    const t = performance.now();
    const result = (await session.connection.sendRequest(method, params)) as T;
    return [result, performance.now() - t];
  };

  const completionMs: number[] = [];
  const hoverMs: number[] = [];
  let items = 0;
  let bytes = 0;
  // The first requests wake the JIT up, as a writer's first keystrokes would; they are not counted.
  for (let round_ = 0; round_ < 2; round_++) {
    for (let i = 0; i < SAMPLES; i++) {
      const completionLine = lines[i * 4 + 2];
      const [list, cms] = await timed<CompletionList>('textDocument/completion', at(i * 4 + 2, completionLine.length));
      const [hover, hms] = await timed<Hover>('textDocument/hover', at(i * 4, lines[i * 4].indexOf('[@') + 2));
      if (round_ === 0) continue;
      completionMs.push(cms);
      hoverMs.push(hms);
      items += list.items.length;
      bytes += JSON.stringify(list).length + JSON.stringify(hover).length;
    }
  }
  await session.close();

  // The same answers in-process, as the extension's providers compute them (no protocol).
  const search = new SearchIndex(corpus.all());
  const text = report;
  const offsets = (line: number, character: number) => text.split('\n').slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
  const inProcess = { completionMs: [] as number[], hoverMs: [] as number[] };
  for (let round_ = 0; round_ < 2; round_++) {
    for (let i = 0; i < SAMPLES; i++) {
      const c = performance.now();
      citationCompletions(text, offsets(i * 4 + 2, lines[i * 4 + 2].length), corpus, search);
      const h = performance.now();
      hoverContent(text, offsets(i * 4, lines[i * 4].indexOf('[@') + 2), corpus);
      const e = performance.now();
      if (round_ === 0) continue;
      inProcess.completionMs.push(h - c);
      inProcess.hoverMs.push(e - h);
    }
  }
  rmSync(workspace, { recursive: true, force: true });

  const p = (xs: number[]) => ({ p50: round(median(xs)), p95: round(percentile(xs, 95)) });
  const result = {
    date: new Date().toISOString().slice(0, 10),
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGB: round(totalmem() / 2 ** 30, 1), node: process.version },
    sources: status.sources,
    passages: status.passages,
    indexMs: Math.round(indexMs),
    samples: SAMPLES,
    lsp: { completion: p(completionMs), hover: p(hoverMs), completionItemsMean: Math.round(items / SAMPLES), responseKBMean: Math.round(bytes / SAMPLES / 1024) },
    inProcess: { completion: p(inProcess.completionMs), hover: p(inProcess.hoverMs) },
  };
  mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
  writeFileSync(join(repoRoot, 'test-results', 'bench-lsp.json'), JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result, null, 2));
  console.log(`\n| passages | sources | first index (ms) | LSP completion p50 / p95 (ms) | LSP hover p50 / p95 (ms) | in-process completion p50 / p95 (ms) | in-process hover p50 / p95 (ms) |`);
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  const r = result;
  console.log(`| ${r.passages} | ${r.sources} | ${r.indexMs} | ${r.lsp.completion.p50} / ${r.lsp.completion.p95} | ${r.lsp.hover.p50} / ${r.lsp.hover.p95} | ${r.inProcess.completion.p50} / ${r.inProcess.completion.p95} | ${r.inProcess.hover.p50} / ${r.inProcess.hover.p95} |`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
