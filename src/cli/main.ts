/**
 * The `wasi-mcp` command: parse the arguments, run one command, exit with a
 * code from the documented map (exit-codes.ts). Failures are one line on
 * stderr; set WASI_MCP_DEBUG=1 for stack traces.
 */
import { readFileSync } from 'node:fs';
import { toWireError } from '../host/errors.js';
import { parseCommand, USAGE, type Command } from './args.js';
import { readComponent } from './component-file.js';
import { errorLine, note, writeStdout } from './diagnostics.js';
import { CliError, EXIT, type ExitCode } from './exit-codes.js';
import { jspiNote, unsupportedNode } from './node-support.js';

function packageVersion(): string {
  // dist-node/cli/main.js → package.json at the package root.
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

async function run(command: Command): Promise<ExitCode> {
  switch (command.kind) {
    case 'help':
      await writeStdout(`${USAGE}\n`);
      return EXIT.OK;
    case 'version':
      await writeStdout(`${packageVersion()}\n`);
      return EXIT.OK;
    case 'inspect':
      // Each command imports what only it needs (the HTTP server, the SDK's client): start-up counts.
      return (await import('./inspect.js')).inspect(command, await readComponent(command.file), packageVersion());
    case 'test':
      return (await import('./test.js')).test(command, packageVersion());
    case 'diff':
      return (await import('./diff.js')).diff(command, packageVersion());
    case 'serve': {
      const noJspi = jspiNote();
      if (noJspi !== undefined) note(noJspi);
      const bytes = await readComponent(command.file);
      return command.http === undefined
        ? (await import('./serve-stdio.js')).serveStdio(command, bytes)
        : (await import('./serve-http.js')).serveHttp(command, command.http, bytes);
    }
  }
}

function report(e: unknown): ExitCode {
  if (process.env.WASI_MCP_DEBUG && e instanceof Error) process.stderr.write(`${e.stack ?? e.message}\n`);
  const error = toWireError(e);
  process.stderr.write(errorLine(error.code, error.message));
  return e instanceof CliError ? e.exitCode : EXIT.RUNTIME;
}

export async function main(argv: string[]): Promise<never> {
  process.on('uncaughtException', (e) => process.exit(report(e)));
  process.on('unhandledRejection', (e) => process.exit(report(e)));
  let code: ExitCode;
  try {
    const unsupported = unsupportedNode();
    if (unsupported !== undefined) throw new CliError(EXIT.RUNTIME, 'NODE_TOO_OLD', unsupported);
    code = await run(parseCommand(argv));
  } catch (e) {
    code = report(e);
  }
  // Workers and sockets would keep the process alive; everything worth keeping is flushed.
  process.exit(code);
}
