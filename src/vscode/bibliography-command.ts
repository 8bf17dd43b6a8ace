import * as vscode from 'vscode';
import { bibliographyJson, cslItemsOf } from '../core/bibliography';
import { parseCitations } from '../core/citations';
import { addBibliography, reportBibliographies } from '../core/front-matter';
import type { Source } from '../core/model';
import { bibliographyUri, type CorpusService } from './corpus-service';
import { escapeThemeIcons } from './markdown-text';

export interface ExportBibliographyArgs {
  scope?: 'cited' | 'all';
  /** Where to write (a URI string); asked for when missing. */
  target?: string;
  /** Add `bibliography:` to the report's front matter without asking. */
  addToFrontMatter?: boolean;
}

/** Grounded: Export Bibliography — CSL-JSON that `pandoc --citeproc` reads. */
export class ExportBibliographyCommand {
  constructor(
    private readonly corpus: CorpusService,
    private readonly isSource: (uri: vscode.Uri) => boolean,
  ) {}

  async run(args: ExportBibliographyArgs = {}): Promise<vscode.Uri | undefined> {
    await this.corpus.ready();
    const editor = vscode.window.activeTextEditor;
    // A Markdown source is not a report: its front matter is never touched.
    const report = editor && editor.document.languageId === 'markdown' && !this.isSource(editor.document.uri) ? editor.document : undefined;
    const all = this.corpus.corpus.all();
    const citedKeys = report ? new Set(parseCitations(report.getText()).flatMap((c) => c.items.map((i) => i.key))) : new Set<string>();
    // What the report's own bibliography holds, pandoc reads there: the export adds only the rest.
    const own = new Set(report ? reportBibliographies(report.getText()).files.map((f) => bibliographyUri(vscode.Uri.joinPath(report.uri, '..'), f).toString()) : []);
    const inOwn = (s: Source) => own.has(this.corpus.corpus.bibliographyOf(s.location) ?? '');
    const cited = all.filter((s) => citedKeys.has(s.meta.key) && !inOwn(s));

    let scope = args.scope;
    if (!scope) {
      const picked = await vscode.window.showQuickPick(
        [
          ...(report ? [{ label: `Sources cited in ${escapeThemeIcons(vscode.workspace.asRelativePath(report.uri))}`, description: `${cited.length}`, scope: 'cited' as const }] : []),
          { label: 'All sources', description: `${all.length}`, scope: 'all' as const },
        ],
        { title: 'Grounded: Export Bibliography', placeHolder: 'Which sources go into the bibliography?' },
      );
      if (!picked) return undefined;
      scope = picked.scope;
    }
    const chosen = scope === 'cited' ? cited : all;
    if (chosen.length === 0) {
      void vscode.window.showWarningMessage(
        scope === 'cited' && all.some((s) => citedKeys.has(s.meta.key))
          ? 'Grounded: there is nothing to export; every source the report cites is in its own bibliography.'
          : 'Grounded: there is nothing to export; the report cites no indexed source.',
      );
      return undefined;
    }

    const folder = report ? vscode.Uri.joinPath(report.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    let target = args.target ? vscode.Uri.parse(args.target) : undefined;
    if (!target) {
      target = await vscode.window.showSaveDialog({
        defaultUri: folder && vscode.Uri.joinPath(folder, 'bibliography.json'),
        filters: { 'CSL-JSON': ['json'] },
        title: 'Save the bibliography (CSL-JSON)',
      });
      if (!target) return undefined;
    }
    if (this.isSource(target)) {
      void vscode.window.showErrorMessage(`Grounded never writes to sources; ${vscode.workspace.asRelativePath(target)} is one. Choose another file.`);
      return undefined;
    }
    const items = cslItemsOf(chosen, (location) => this.corpus.corpus.cslFor(location));
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(bibliographyJson(items)));

    if (report) {
      const relative = relativePath(report.uri, target);
      const add = args.addToFrontMatter ?? (await vscode.window.showInformationMessage(`Grounded: wrote ${items.length} sources to ${relative}. Add it to the report's front matter?`, 'Add bibliography:', 'No')) === 'Add bibliography:';
      if (add) {
        const edit = addBibliography(report.getText(), relative);
        const workspaceEdit = new vscode.WorkspaceEdit();
        workspaceEdit.replace(report.uri, new vscode.Range(report.positionAt(edit.start), report.positionAt(edit.end)), edit.newText);
        await vscode.workspace.applyEdit(workspaceEdit);
      }
    } else {
      void vscode.window.showInformationMessage(`Grounded: wrote ${items.length} sources to ${vscode.workspace.asRelativePath(target)}.`);
    }
    return target;
  }
}

/** `target` relative to the folder of `from`, with `/` separators (as pandoc reads it). */
function relativePath(from: vscode.Uri, target: vscode.Uri): string {
  const base = from.path.slice(0, from.path.lastIndexOf('/') + 1);
  if (target.path.startsWith(base)) return target.path.slice(base.length);
  const fromParts = base.split('/').filter(Boolean);
  const toParts = target.path.split('/').filter(Boolean);
  let common = 0;
  while (common < fromParts.length && fromParts[common] === toParts[common]) common++;
  return [...fromParts.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
}
