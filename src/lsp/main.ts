// Entry of `grounded-lsp`: the language server on stdin/stdout (`--stdio` is accepted, as
// editors pass it). Bundled into dist/lsp.js by `npm run build`.
import { join } from 'node:path';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { GroundedLanguageServer } from './server';

declare const GROUNDED_VERSION: string;

const USAGE = `Usage: grounded-lsp [--stdio]

Grounded's language server: citation completion, hovers with the sources' own words,
Go to Definition into the sources, and checks of figures, quotations and citations, for
any editor with an LSP client. It talks LSP on standard input and output.`;

function main(argv: string[]): number | undefined {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (argv.includes('--version')) {
    process.stdout.write(`${GROUNDED_VERSION}\n`);
    return 0;
  }
  const unknown = argv.filter((a) => a !== '--stdio' && !a.startsWith('--clientProcessId'));
  if (unknown.length) {
    process.stderr.write(`grounded-lsp: unknown argument ${unknown.map((a) => `"${a}"`).join(', ')}.\n\n${USAGE}\n`);
    return 2;
  }
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  // Standard output is the protocol's: anything logged goes to the client's log instead.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = console.log;
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  new GroundedLanguageServer(connection, { version: GROUNDED_VERSION, workerPath: join(__dirname, 'index-worker.js') });
  connection.listen();
  return undefined;
}

const code = main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
