import * as vscode from 'vscode';
import { DisposableStore } from './disposables';

export interface LogLine {
  level: 'trace' | 'debug' | 'info' | 'warn' | 'error';
  message: string;
}

const KEPT_LINES = 1000;

/**
 * The "Grounded" output channel, remembering its latest lines: VS Code offers no way to
 * read an output channel back, and tests (or other extensions) need to see what it said.
 */
export class RecordingLogChannel implements vscode.LogOutputChannel {
  private readonly store = new DisposableStore();
  private readonly lines: LogLine[] = [];
  private readonly appended = this.store.add(new vscode.EventEmitter<LogLine>());
  /** Fires after each line logged at a level (not for raw append). */
  readonly onDidLog = this.appended.event;

  constructor(private readonly channel: vscode.LogOutputChannel) {
    this.store.add(channel);
  }

  get name(): string {
    return this.channel.name;
  }

  get logLevel(): vscode.LogLevel {
    return this.channel.logLevel;
  }

  get onDidChangeLogLevel(): vscode.Event<vscode.LogLevel> {
    return this.channel.onDidChangeLogLevel;
  }

  /** The latest lines, oldest first. */
  recent(): LogLine[] {
    return [...this.lines];
  }

  trace(message: string, ...args: unknown[]): void {
    this.forward('trace', message, args);
  }

  debug(message: string, ...args: unknown[]): void {
    this.forward('debug', message, args);
  }

  info(message: string, ...args: unknown[]): void {
    this.forward('info', message, args);
  }

  warn(message: string, ...args: unknown[]): void {
    this.forward('warn', message, args);
  }

  error(error: string | Error, ...args: unknown[]): void {
    this.channel.error(error, ...args);
    this.record('error', typeof error === 'string' ? error : error.message);
  }

  append(value: string): void {
    this.channel.append(value);
  }

  appendLine(value: string): void {
    this.channel.appendLine(value);
  }

  replace(value: string): void {
    this.channel.replace(value);
  }

  clear(): void {
    this.channel.clear();
  }

  show(preserveFocus?: boolean): void;
  show(column?: vscode.ViewColumn, preserveFocus?: boolean): void;
  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean' || columnOrPreserveFocus === undefined) this.channel.show(columnOrPreserveFocus);
    else this.channel.show(columnOrPreserveFocus, preserveFocus);
  }

  hide(): void {
    this.channel.hide();
  }

  private forward(level: 'trace' | 'debug' | 'info' | 'warn', message: string, args: unknown[]): void {
    this.channel[level](message, ...args);
    this.record(level, message);
  }

  private record(level: LogLine['level'], message: string): void {
    const line = { level, message };
    this.lines.push(line);
    if (this.lines.length > KEPT_LINES) this.lines.splice(0, this.lines.length - KEPT_LINES);
    this.appended.fire(line);
  }

  dispose(): void {
    this.store.dispose();
  }
}
