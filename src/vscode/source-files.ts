import * as vscode from 'vscode';
import { readsAsSource } from '../core/corpus/parse-file';
import { REFERENCES_FILE } from '../core/corpus/references';
import { matchesAny } from '../core/glob';
import type { CorpusService } from './corpus-service';

/**
 * Is this file a source? Indexed sources are, and so is any file the corpus settings name:
 * a source Grounded skipped (empty, binary, too large) is still not a report to write in.
 * So is the metadata file beside indexed sources.
 */
export function isSourceFile(corpus: CorpusService, uri: vscode.Uri): boolean {
  const location = uri.toString();
  if (corpus.corpus.atLocation(location) || corpus.isBibliography(uri)) return true;
  if (uri.path.endsWith(`/${REFERENCES_FILE}`)) {
    const folder = location.slice(0, location.lastIndexOf('/') + 1);
    return corpus.corpus.all().some((s) => s.location.startsWith(folder) && !s.location.slice(folder.length).includes('/'));
  }
  if (!readsAsSource(uri.path) || !vscode.workspace.getWorkspaceFolder(uri)) return false;
  const settings = vscode.workspace.getConfiguration('grounded.corpus');
  const relative = vscode.workspace.asRelativePath(uri, false);
  return matchesAny(relative, settings.get<string[]>('include', [])) && !matchesAny(relative, settings.get<string[]>('exclude', []));
}
