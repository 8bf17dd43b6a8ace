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
export function summarize(report: TestReport | undefined, problem?: string): number {
  if (!report) {
    console.error(`No test results: ${problem ?? 'the tests did not report'}`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  for (const t of report.tests) {
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
