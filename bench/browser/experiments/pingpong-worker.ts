/**
 * `--experiments`: the floor under every round trip. Answers each string on
 * its port with a fixed JSON-RPC result string, no parsing, no SDK.
 */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void, options?: { once: boolean }): void;
}
const RESULT = (id: string) => `{"jsonrpc":"2.0","id":${id},"result":{"content":[{"type":"text","text":"hello"}]}}`;

(globalThis as unknown as WorkerScope).addEventListener(
  'message',
  (event) => {
    const port = (event.data as { port: MessagePort }).port;
    port.onmessage = (e: MessageEvent<string>) => port.postMessage(RESULT(/"id":(\d+)/.exec(e.data)?.[1] ?? '0'));
  },
  { once: true },
);
