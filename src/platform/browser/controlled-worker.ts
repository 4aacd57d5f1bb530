/**
 * A page's module Worker as the control client (src/worker/control-client.ts)
 * drives it: its messages, and its failures (an uncaught error, a failed
 * start, a message that could not be read) as WORKER_CRASHED reports.
 */
import type { ControlledWorker } from '../../worker/control-client.js';

export function controlledWorker(worker: Worker): ControlledWorker {
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    listen: (listener) => {
      worker.addEventListener('message', (event: MessageEvent) => listener.message(event.data));
      worker.addEventListener('error', (event: ErrorEvent) => {
        // Handled here: the page reports it as the component's failure, not as an uncaught error.
        event.preventDefault();
        listener.failure({ code: 'WORKER_CRASHED', message: `the component worker stopped: ${event.message || 'it could not start or was killed'}` });
      });
      worker.addEventListener('messageerror', () =>
        listener.failure({ code: 'WORKER_CRASHED', message: 'the component worker sent a message that could not be read' }),
      );
    },
    terminate: () => worker.terminate(),
  };
}
