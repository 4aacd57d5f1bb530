/** Prints the WIT of one component with jco's wasm-tools, then the page terminates this worker. */
import { componentWit } from '@bytecodealliance/jco-transpile/wasm-tools';
import { describeError } from '../host/errors.js';
import { WitRequestSchema, type WitResponse } from './wit-protocol.js';

interface WorkerScope {
  postMessage(message: WitResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  void (async () => {
    try {
      const request = WitRequestSchema.parse(event.data);
      scope.postMessage({ type: 'wit', text: await componentWit(new Uint8Array(request.bytes)) });
    } catch (e) {
      scope.postMessage({ type: 'error', error: { code: 'WIT_FAILED', message: `could not print the WIT world: ${describeError(e)}` } });
    }
  })();
});
