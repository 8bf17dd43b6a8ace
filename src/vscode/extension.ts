import * as vscode from 'vscode';

// Placeholder activation while the real extension is being written (replaced in the next commits).
export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('grounded.reindex', () => undefined));
}

export function deactivate(): void {}
