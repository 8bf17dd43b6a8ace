import { locatorOf } from '../core/corpus/locators';
import * as vscode from 'vscode';
import type { CitationRef } from '../core/citation-insert';
import type { Paragraph, Source } from '../core/model';
import type { CorpusService } from './corpus-service';
import { sourceDocument } from './extracted-text';

/** Arguments of `grounded.openSource` (also used in hover command links). */
export interface OpenSourceArgs {
  key?: string;
  location?: string;
  /** 1-based paragraph to reveal and select. */
  paragraph?: number;
  /** Offsets in the source file to select instead of a whole paragraph. */
  start?: number;
  end?: number;
  beside?: boolean;
}

/** Opens a source file with the passage revealed and selected. Never edits the source. */
export class OpenSourceCommand {
  constructor(private readonly corpus: CorpusService) {}

  async run(args: OpenSourceArgs = {}): Promise<vscode.TextEditor | undefined> {
    await this.corpus.ready();
    const source = args.key ? this.corpus.corpus.get(args.key) : args.location ? this.corpus.corpus.atLocation(args.location) : undefined;
    if (!source) {
      void vscode.window.showErrorMessage(`Grounded: no source ${args.key ? `with the key "${args.key}"` : `at ${args.location ?? '(no location given)'}`} is indexed.`);
      return undefined;
    }
    const paragraph = args.paragraph !== undefined ? source.paragraphs.find((p) => p.index === args.paragraph) : undefined;
    if (args.paragraph !== undefined && !paragraph) {
      void vscode.window.showWarningMessage(`Grounded: ${source.meta.key} has ${source.paragraphs.length} paragraphs; there is no para. ${args.paragraph}.`);
    }
    // A PDF or Word document opens as the text Grounded extracted, at the passage.
    const shown = sourceDocument(this.corpus, source);
    const document = await vscode.workspace.openTextDocument(shown.uri);
    const start = args.start ?? paragraph?.start ?? source.entry?.start;
    const end = args.end ?? paragraph?.end ?? source.entry?.end ?? start;
    const span = start !== undefined ? shown.span(start, end ?? start) : undefined;
    const selection = span ? new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)) : undefined;
    const editor = await vscode.window.showTextDocument(document, {
      selection,
      preview: true,
      viewColumn: args.beside ? vscode.ViewColumn.Beside : undefined,
      preserveFocus: false,
    });
    if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }
}

/** A citation of a source, at a paragraph when one is given. */
export function citationFor(source: Source, paragraph?: Paragraph): CitationRef {
  const locator = paragraph && locatorOf(source, paragraph);
  return locator ? { key: source.meta.key, locator } : { key: source.meta.key };
}
