// textDocument/codeAction: the quick fixes of Grounded's findings, as WorkspaceEdits the
// client applies (and can undo).
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit as OffsetEdit } from '../core/citation-insert';
import { fixEdits } from '../service/fix-edits';
import type { ServerContext } from './context';
import type { ReportDiagnostics } from './diagnostics';

const PREFERRED = new Set(['figure-mismatch', 'unknown-source', 'quote-mismatch']);

/** A WorkspaceEdit of offset edits to one document: versioned when the client takes document changes. */
export function documentEdit(document: TextDocument, edits: readonly OffsetEdit[], versioned: boolean): WorkspaceEdit {
  const textEdits: TextEdit[] = edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.newText }));
  return versioned ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: textEdits }] } : { changes: { [document.uri]: textEdits } };
}

export class FindingCodeActions {
  constructor(
    private readonly context: ServerContext,
    private readonly diagnostics: ReportDiagnostics,
    private readonly versionedEdits: () => boolean,
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
    }
    return actions;
  }
}
