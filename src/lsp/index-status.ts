// Tells the client how far indexing has got: a `grounded/indexStatus` notification at every
// step (what tests and status lines wait for) and, where the client shows them, work-done
// progress while a scan runs.
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import type { IndexState } from '../service/corpus-indexer';

export const INDEX_STATUS_NOTIFICATION = 'grounded/indexStatus';

export class IndexStatusReporter {
  private progress: Promise<WorkDoneProgressServerReporter | undefined> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly showsProgress: boolean,
  ) {}

  update(state: IndexState): void {
    void this.connection.sendNotification(INDEX_STATUS_NOTIFICATION, state);
    if (!this.showsProgress) return;
    if (!state.complete) {
      this.progress ??= this.connection.window.createWorkDoneProgress().then(
        (reporter) => {
          reporter.begin('Grounded: indexing sources', 0, undefined, false);
          return reporter;
        },
        () => undefined,
      );
      const percentage = state.filesTotal ? Math.round((100 * state.filesRead) / state.filesTotal) : 0;
      void this.progress.then((reporter) => reporter?.report(percentage, `${state.filesRead} of ${state.filesTotal} files`));
    } else if (this.progress) {
      const ending = this.progress;
      this.progress = undefined;
      void ending.then((reporter) => reporter?.done());
    }
  }
}
