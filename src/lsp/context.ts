// What the language server's feature classes share.
import { fileURLToPath } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndexer } from '../service/corpus-indexer';
import type { SourcePlaces } from '../service/source-places';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  indexer: CorpusIndexer;
  /** Where a source's passages stand in files the client can open (PDFs and Word documents: their extracted text). */
  sourcePlaces: SourcePlaces;
}

const REPORT_EXTENSION = /\.(md|markdown)$/i;

/** A file URI's path, or undefined for other schemes (an unsaved buffer). */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Is this document a source (indexed, or one the settings name)? Grounded never writes to those. */
export function isSourceDocument(context: ServerContext, uri: string): boolean {
  const path = pathOf(uri);
  return path !== undefined && context.indexer.wants(path);
}

/** Markdown that is not a source: a report to complete, hover and check. */
export function isReport(context: ServerContext, document: TextDocument): boolean {
  if (document.languageId !== 'markdown' && !REPORT_EXTENSION.test(document.uri)) return false;
  return !isSourceDocument(context, document.uri);
}
