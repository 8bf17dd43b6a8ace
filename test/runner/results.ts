import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// The result file the in-host test entry writes and the Node-side runners read: the
// extension host exits with code 0 even when tests fail, so results travel by file.

export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface TestReport {
  done: boolean;
  passed: number;
  failed: number;
  pending: number;
  tests: TestResult[];
}

/** Prints a report like mocha does and returns the process exit code it deserves. */
export function summarize(report: TestReport | undefined, problem?: string, listTests = true): number {
  if (!report) {
    console.error(`No test results: ${problem ?? 'the tests did not report'}`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  for (const t of report.tests) {
    if (!listTests && t.state === 'passed') continue;
    const mark = t.state === 'passed' ? '  ✔' : t.state === 'failed' ? '  ✖' : '  -';
    console.log(`${mark} ${t.title}${t.durationMs !== undefined && t.durationMs > 75 ? ` (${t.durationMs}ms)` : ''}`);
    if (t.error) console.log(t.error.split('\n').map((l) => `      ${l}`).join('\n'));
  }
  const failed = report.failed + (problem ? 1 : 0);
  if (problem) console.error(problem);
  if (report.tests.length === 0) console.error('No test ran.');
  console.log(`${report.passed} passed, ${failed} failed${report.pending ? `, ${report.pending} skipped` : ''}`);
  return failed > 0 || report.passed === 0 || report.pending > 0 || !report.done ? 1 : 0;
}

const stagesDir = join(__dirname, '..', '..', '..', 'test-results', 'stages');

/** Records a stage's counts so `npm test` can close with one line for every test it ran. */
export function recordStage(stage: string, report: TestReport | undefined, problem?: string): void {
  mkdirSync(stagesDir, { recursive: true });
  const failed = (report?.failed ?? 0) + (problem || !report ? 1 : 0);
  writeFileSync(join(stagesDir, `${stage}.json`), JSON.stringify({ stage, passed: report?.passed ?? 0, failed, pending: report?.pending ?? 0 }));
}

export function clearStages(): void {
  rmSync(stagesDir, { recursive: true, force: true });
}

export function readStages(): Array<{ stage: string; passed: number; failed: number; pending: number }> {
  if (!existsSync(stagesDir)) return [];
  return readdirSync(stagesDir).map((f) => JSON.parse(readFileSync(join(stagesDir, f), 'utf8')) as { stage: string; passed: number; failed: number; pending: number });
}
