// workspace/executeCommand: search the sources, insert a citation (as an edit the client
// applies), re-index, and report how far indexing has got. Bad arguments get an error that
// names the argument and what it should be.
import { ErrorCodes, ResponseError, type ExecuteCommandParams } from 'vscode-languageserver/node';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { planInsertions, type InsertMode } from '../core/citation-insert';
import type { LoadProblem } from '../core/model';
import { DiskFileTree } from '../service/file-tree';
import type { IndexState } from '../service/corpus-indexer';
import { searchPassages, type PassageFound } from '../service/search';
import { fileStart } from '../service/source-places';
import { documentEdit } from './edits';
import { isSourceDocument, type ServerContext } from './context';
import type { ReportDiagnostics } from './diagnostics';

export const OPEN_SOURCE_COMMAND = 'grounded.openSource';
export const COMMANDS = ['grounded.searchSources', 'grounded.insertCitation', OPEN_SOURCE_COMMAND, 'grounded.checkWorkspace', 'grounded.reindex', 'grounded.indexStatus'] as const;

/** Which passage of which source to open: a paragraph, or offsets of the source file. */
export interface OpenSourceArgs {
  key: string;
  paragraph?: number;
  start?: number;
  end?: number;
}

export interface SearchAnswer {
  complete: boolean;
  passages: Array<PassageFound & { range: { start: { line: number; character: number }; end: { line: number; character: number } } }>;
}

interface InsertArgs {
  uri: string;
  position: { line: number; character: number };
  key: string;
  locator?: string;
  quote?: string;
  mode?: InsertMode;
}

const DEFAULT_LIMIT = 20;

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `Grounded: ${message}`);
}

const REPORT_FILE = /\.(md|markdown)$/i;

export class GroundedCommands {
  constructor(
    private readonly context: ServerContext,
    private readonly versionedEdits: () => boolean,
    private readonly diagnostics: ReportDiagnostics,
    /** The workspace folders as they are now. */
    private readonly folders: () => readonly string[],
  ) {}

  async run(params: ExecuteCommandParams): Promise<unknown> {
    const args = params.arguments ?? [];
    switch (params.command) {
      case 'grounded.searchSources':
        return this.search(args[0], args[1]);
      case 'grounded.insertCitation':
        return this.insert(args[0]);
      case OPEN_SOURCE_COMMAND:
        return this.open(args[0]);
      case 'grounded.checkWorkspace':
        return this.checkWorkspace();
      case 'grounded.reindex':
        await this.context.indexer.rescan({ fresh: true });
        return this.context.indexer.state;
      case 'grounded.indexStatus':
        return this.context.indexer.state satisfies IndexState;
      default:
        throw new ResponseError(ErrorCodes.InvalidRequest, `Grounded has no command "${params.command}" (it has ${COMMANDS.join(', ')}).`);
    }
  }

  private search(query: unknown, limit: unknown): SearchAnswer {
    if (typeof query !== 'string') throw invalid(`grounded.searchSources takes the query as its first argument, a string; it got ${JSON.stringify(query)}.`);
    if (limit !== undefined && (typeof limit !== 'number' || !(limit >= 1))) throw invalid(`grounded.searchSources: the second argument, the most passages to return, should be a number of at least 1; it got ${JSON.stringify(limit)}.`);
    const { indexer, sourcePlaces } = this.context;
    const found = searchPassages(query, Math.floor((limit as number | undefined) ?? DEFAULT_LIMIT), indexer.corpus, indexer.searchIndex());
    return {
      complete: indexer.state.complete,
      passages: found.map((p) => {
        const source = indexer.corpus.atLocation(p.location);
        const place = (source && sourcePlaces.locate(source, p.start, p.end)) ?? fileStart({ location: p.location });
        return { ...p, shownIn: place.uri, range: place.range };
      }),
    };
  }

  private async insert(raw: unknown): Promise<{ applied: boolean; text: string }> {
    const args = this.insertArgs(raw);
    const document = this.context.documents.get(args.uri);
    if (!document) throw invalid(`grounded.insertCitation: ${args.uri} is not open; open the report first.`);
    if (isSourceDocument(this.context, args.uri)) throw invalid(`Grounded never writes to sources: ${args.uri} is a source, so nothing was inserted. Put the cursor in your report and try again.`);
    if (!this.context.indexer.corpus.get(args.key)) throw invalid(`grounded.insertCitation: no indexed source has the key "${args.key}".`);
    const offset = document.offsetAt(args.position);
    const insertion = { cite: { key: args.key, locator: args.locator }, text: args.quote === undefined ? undefined : `“${args.quote.trim()}”` };
    const plan = planInsertions(document.getText(), [{ start: offset, end: offset }], insertion, { mode: args.mode, isKnownKey: (key) => this.context.indexer.corpus.get(key) !== undefined });
    const edit = documentEdit(document, plan.edits, this.versionedEdits());
    const result = await this.context.connection.workspace.applyEdit({ label: 'Insert citation', edit });
    return { applied: result.applied, text: plan.edits.map((e) => e.newText).join('') };
  }

  /** Asks the client to show the source at the passage (window/showDocument); Grounded only reads it. */
  private async open(raw: unknown): Promise<{ shown: boolean }> {
    const usage = `${OPEN_SOURCE_COMMAND} takes one object: { key, paragraph?, start?, end? }`;
    const a = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    if (typeof a.key !== 'string') throw invalid(`${usage}; "key" is missing or not a string.`);
    for (const name of ['paragraph', 'start', 'end'] as const) if (a[name] !== undefined && typeof a[name] !== 'number') throw invalid(`${usage}; "${name}" should be a number.`);
    const source = this.context.indexer.corpus.get(a.key);
    if (!source) throw invalid(`${OPEN_SOURCE_COMMAND}: no indexed source has the key "${a.key}".`);
    const paragraph = a.paragraph === undefined ? undefined : source.paragraphs.find((p) => p.index === a.paragraph);
    if (a.paragraph !== undefined && !paragraph) throw invalid(`${OPEN_SOURCE_COMMAND}: ${a.key} has ${source.paragraphs.length} paragraphs; there is no para. ${String(a.paragraph)}.`);
    const start = (a.start as number | undefined) ?? paragraph?.start ?? 0;
    const end = (a.end as number | undefined) ?? paragraph?.end ?? start;
    const place = this.context.sourcePlaces.locate(source, start, end) ?? fileStart(source);
    const result = await this.context.connection.window.showDocument({ uri: place.uri, selection: place.range, takeFocus: true });
    return { shown: result.success };
  }

  /**
   * Checks every Markdown report of the workspace folders, open or not, and publishes their
   * diagnostics (an open report's from its editor's text).
   */
  private async checkWorkspace(): Promise<{ reports: number; findings: number }> {
    const { indexer } = this.context;
    const { checker } = this.diagnostics;
    await indexer.firstScan();
    const problems: LoadProblem[] = [];
    let reports = 0;
    let findings = 0;
    for (const folder of this.folders()) {
      for (const path of await new DiskFileTree().list(folder, problems)) {
        if (!REPORT_FILE.test(path) || indexer.wants(path)) continue;
        const uri = pathToFileURL(path).href;
        reports++;
        if (this.context.documents.get(uri)) {
          findings += (await checker.check(uri))?.findings.length ?? 0;
          continue;
        }
        let text: string;
        try {
          text = await readFile(path, 'utf8');
        } catch (e) {
          this.context.connection.console.warn(`Cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
          continue;
        }
        const found = await checker.checkText(text);
        this.diagnostics.publishUnopened(TextDocument.create(uri, 'markdown', 0, text), found);
        findings += found.length;
      }
    }
    for (const p of problems) this.context.connection.console.warn(`${p.location}: ${p.message}`);
    return { reports, findings };
  }

  private insertArgs(raw: unknown): InsertArgs {
    const usage = 'grounded.insertCitation takes one object: { uri, position: { line, character }, key, locator?, quote?, mode?: "add" | "replace" }';
    if (!raw || typeof raw !== 'object') throw invalid(`${usage}; it got ${JSON.stringify(raw)}.`);
    const a = raw as Record<string, unknown>;
    const position = a.position as Record<string, unknown> | undefined;
    if (typeof a.uri !== 'string') throw invalid(`${usage}; "uri" is missing or not a string.`);
    if (!position || typeof position.line !== 'number' || typeof position.character !== 'number') throw invalid(`${usage}; "position" should be { line, character } with numbers.`);
    if (typeof a.key !== 'string' || !a.key) throw invalid(`${usage}; "key" is missing or not a string.`);
    for (const name of ['locator', 'quote'] as const) if (a[name] !== undefined && typeof a[name] !== 'string') throw invalid(`${usage}; "${name}" should be a string.`);
    if (a.mode !== undefined && a.mode !== 'add' && a.mode !== 'replace') throw invalid(`${usage}; "mode" should be "add" or "replace", not ${JSON.stringify(a.mode)}.`);
    return { uri: a.uri, position: { line: position.line, character: position.character }, key: a.key, locator: a.locator as string | undefined, quote: a.quote as string | undefined, mode: a.mode as InsertMode | undefined };
  }
}
