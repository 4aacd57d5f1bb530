/**
 * The stdio side of `wasi-mcp serve`: newline-delimited JSON-RPC on stdin and
 * stdout, relayed to and from the component's worker under a supervisor.
 */
import { LineTransport } from '../transport/lines.js';
import { MAX_MESSAGE_BYTES } from '../transport/screen.js';
import type { Common } from './args.js';
import { note } from './diagnostics.js';
import { CliError, EXIT, loadError, type ExitCode } from './exit-codes.js';
import { Pipe } from './pipe.js';
import { readLines } from './stdin-lines.js';
import { supervise } from './supervise.js';
import type { SpawnedWorker } from '../platform/node/spawn.js';
import { INVALID_REQUEST } from '../host/rpc-codes.js';

/** `spawn` hands out the component's workers, the first one already on its way. */
export async function pipeStdio(command: Common, spawn: () => Promise<SpawnedWorker>): Promise<ExitCode> {
  const supervised = supervise(spawn, command.timeoutMs, 'stdio');
  const write = (line: string) => void process.stdout.write(`${line}\n`);
  const stdio = new LineTransport(write);
  let onclose = () => {};
  const closed = new Promise<void>((resolve) => (onclose = resolve));
  const pipe = new Pipe(stdio, supervised.transport, {
    onclose: () => onclose(),
    onerror: (e) => note(`stdio: ${e.message}`),
  });
  try {
    // The component loads before a line is read: a bad file fails with exit 3, and input waits in the pipe.
    await pipe.start();
  } catch (e) {
    await pipe.close();
    throw loadError(e, command.file);
  }
  note(`serving ${command.file} on stdio`);
  const stop = () => void pipe.close();
  readLines(process.stdin, MAX_MESSAGE_BYTES, {
    onLine: (line) => stdio.receive(line),
    onOversized: (size, id) =>
      write(
        JSON.stringify({
          jsonrpc: '2.0',
          id: id ?? null,
          error: {
            code: INVALID_REQUEST,
            message: `message is ${size} bytes; the limit is ${MAX_MESSAGE_BYTES}`,
            data: { code: 'MESSAGE_TOO_LARGE', length: size, limit: MAX_MESSAGE_BYTES },
          },
        }),
      ),
    // End of input: answer what was asked (a one-shot `echo ... | wasi-mcp serve`), then stop.
    onEnd: () => void pipe.drain().then(stop),
  });
  process.stdout.once('error', stop);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await closed;
  if (supervised.gaveUp !== undefined) throw new CliError(EXIT.RUNTIME, 'CRASH_LOOP', supervised.gaveUp);
  return EXIT.OK;
}
