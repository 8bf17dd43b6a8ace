// textDocument/codeAction: the quick fixes of Grounded's findings, as WorkspaceEdits the
// client applies (and can undo).
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import { fixEdits } from '../service/fix-edits';
import { OPEN_SOURCE_COMMAND, type OpenSourceArgs } from './commands';
import type { ServerContext } from './context';
import type { ReportDiagnostics } from './diagnostics';
import { documentEdit } from './edits';

const PREFERRED = new Set(['figure-mismatch', 'unknown-source', 'quote-mismatch']);

/** Codes whose finding names the source passage it compared with: that passage can be opened. */
const OPENS_SOURCE = new Set(['figure-mismatch', 'quote-mismatch', 'sources-disagree']);

export class FindingCodeActions {
  constructor(
    private readonly context: ServerContext,
    private readonly diagnostics: ReportDiagnostics,
    private readonly versionedEdits: () => boolean,
    /** Can the client open a document the server names (window/showDocument)? */
    private readonly showsDocuments: () => boolean,
  ) {}

  provide(params: CodeActionParams): CodeAction[] {
    const document = this.context.documents.get(params.textDocument.uri);
    if (!document) return [];
    if (params.context.only && !params.context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
    const isKnownKey = (key: string) => this.context.indexer.corpus.get(key) !== undefined;
    const actions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics) {
      const finding = this.diagnostics.findingOf(document, diagnostic);
      finding?.fixes.forEach((fix, i) =>
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: i === 0 && PREFERRED.has(finding.code),
          edit: documentEdit(document, fixEdits(document.getText(), fix, isKnownKey), this.versionedEdits()),
        }),
      );
      if (!finding || !OPENS_SOURCE.has(finding.code) || !this.showsDocuments()) continue;
      for (const ref of finding.source ? [finding.source] : (finding.related ?? [])) {
        const title = `Open @${ref.key}${ref.locator ? `, ${ref.locator}` : ''}`;
        const args: OpenSourceArgs = { key: ref.key, start: ref.start, end: ref.end };
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: OPEN_SOURCE_COMMAND, arguments: [args] } });
      }
    }
    return actions;
  }
}
