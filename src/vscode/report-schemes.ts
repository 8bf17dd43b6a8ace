import * as vscode from 'vscode';

/**
 * Where reports can be: files on this machine, untitled editors, and the file system of each
 * workspace folder (`vscode-remote:` in a browser's workbench on code-server, `vscode-vfs:` on
 * github.dev). On the desktop that is `file` and `untitled`, as before.
 */
export function reportSchemes(): string[] {
  return [...new Set(['file', 'untitled', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)])];
}

/** Is this a file of the workspace's file systems (not an untitled editor, output or a diff's old side)? */
export function isWorkspaceFile(uri: vscode.Uri): boolean {
  return uri.scheme !== 'untitled' && reportSchemes().includes(uri.scheme);
}
