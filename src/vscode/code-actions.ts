import * as vscode from 'vscode';
import type { Finding, FindingCode, Fix } from '../core/check/findings';
import { fixEdits } from '../service/fix-edits';
import type { ReportDiagnostics } from './report-diagnostics';

/** Run after a quick fix's edit; not in the palette. */
export const FIX_APPLIED_COMMAND = 'grounded.fixApplied';

/** Codes whose first fix is the one to apply (Ctrl+. then Enter, or Auto Fix). */
const PREFERRED_FIRST = new Set<FindingCode>(['figure-mismatch', 'unknown-source', 'quote-mismatch', 'citation-unsupported', 'quote-misattributed', 'citation-missing']);

/** Quick fixes for Grounded's diagnostics, chosen by their stable codes. */
export class FindingCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly diagnostics: ReportDiagnostics,
    private readonly isKnownKey: (key: string) => boolean,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const findings = this.diagnostics.findingsFor(document.uri);
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'grounded') continue;
      const finding = findings.find((f) => f.code === diagnostic.code && document.offsetAt(diagnostic.range.start) === f.start && f.message === diagnostic.message);
      if (!finding) continue;
      actions.push(...this.actionsFor(document, diagnostic, finding));
    }
    return actions;
  }

  /** The fix's edits as src/service/fix-edits.ts plans them for every host (a citation is placed as every other insertion of one is). */
  private editFor(document: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit {
    const edit = new vscode.WorkspaceEdit();
    for (const e of fixEdits(document.getText(), fix, this.isKnownKey)) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
    return edit;
  }

  private actionsFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, finding: Finding): vscode.CodeAction[] {
    const code = finding.code as FindingCode;
    const actions = finding.fixes.map((fix, i) => {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.edit = this.editFor(document, fix);
      // Runs after the edit: records the fix (and completes the walkthrough's "Fix a figure" step).
      action.command = { command: FIX_APPLIED_COMMAND, title: fix.title, arguments: [{ code, title: fix.title }] };
      action.isPreferred = i === 0 && PREFERRED_FIRST.has(code);
      return action;
    });
    switch (code) {
      case 'figure-mismatch':
      case 'quote-mismatch':
      case 'sources-disagree':
      case 'citation-unsupported':
      case 'quote-misattributed':
      case 'citation-missing': {
        for (const ref of finding.source ? [finding.source] : (finding.related ?? [])) {
          const open = new vscode.CodeAction(`Open @${ref.key}${ref.locator ? `, ${ref.locator}` : ''}`, vscode.CodeActionKind.QuickFix);
          open.diagnostics = [diagnostic];
          open.command = { command: 'grounded.openSource', title: open.title, arguments: [{ key: ref.key, paragraph: ref.paragraph, start: ref.start, end: ref.end, beside: true }] };
          actions.push(open);
        }
        break;
      }
      case 'unknown-source':
      case 'unknown-locator':
      case 'figure-unsupported':
      case 'claim-unsupported':
        break;
    }
    return actions;
  }
}
