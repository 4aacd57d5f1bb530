/** The WIT world of a component as text, printed in a throwaway Worker (see src/worker/wit-protocol.ts). */
import { WitResponseSchema, type WitRequest } from '../../worker/wit-protocol.js';

export function printWit(bytes: Uint8Array): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const worker = new Worker(new URL('../../worker/wit-entry.ts', import.meta.url), { type: 'module', name: 'wit printer' });
    const done = () => worker.terminate();
    worker.addEventListener('message', (event: MessageEvent) => {
      done();
      const parsed = WitResponseSchema.safeParse(event.data);
      if (!parsed.success) reject(new Error(`the WIT worker sent a malformed message: ${parsed.error.message}`));
      else if (parsed.data.type === 'wit') resolve(parsed.data.text);
      else reject(new Error(parsed.data.error.message));
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      done();
      reject(new Error(`the WIT worker stopped: ${event.message || 'it could not start'}`));
    });
    const copy = bytes.slice().buffer;
    const request: WitRequest = { type: 'wit', bytes: copy };
    worker.postMessage(request, [copy]);
  });
}
