/**
 * `wasi-mcp serve` over stdio. The component's worker is started before the
 * modules that relay JSON-RPC to it (the SDK, the transports) are imported:
 * those take this thread about as long as the worker takes to start, and on
 * two cores the two happen at once.
 */
import type { Common } from './args.js';
import { keepConsoleOffStdout } from './diagnostics.js';
import type { ExitCode } from './exit-codes.js';
import { sandboxOf } from './sandbox.js';
import { startingNow, workerFactory } from './workers.js';

export async function serveStdio(command: Common, bytes: Uint8Array): Promise<ExitCode> {
  keepConsoleOffStdout();
  const sandbox = await sandboxOf(command);
  const spawn = startingNow(workerFactory({ bytes, sandbox, timeoutMs: command.timeoutMs, cache: command.cache }));
  const { pipeStdio } = await import('./stdio-pipe.js');
  return pipeStdio(command, spawn);
}
