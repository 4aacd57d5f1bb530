/**
 * HTTP exchanges carried over a MessagePort, for a worker that serves MCP
 * 2026-07-28 over Streamable HTTP: the main thread owns the socket and hands
 * each request to the worker, where the SDK's web-standard handler answers
 * it; the response streams back in chunks (a listen stream or a call that
 * sends progress stays open while it lasts). Both directions are validated.
 */
import * as z from 'zod/v4';

const HeadersSchema = z.array(z.tuple([z.string(), z.string()]));

/** Main thread to worker. */
export const ToBridgeSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('request'),
    id: z.number().int(),
    method: z.string(),
    url: z.string(),
    headers: HeadersSchema,
    body: z.string().optional(),
  }),
  /** The client went away: the worker aborts the exchange. */
  z.object({ type: z.literal('abort'), id: z.number().int() }),
]);
export type ToBridge = z.infer<typeof ToBridgeSchema>;

/** Worker to main thread. */
export const FromBridgeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('head'), id: z.number().int(), status: z.number().int(), headers: HeadersSchema }),
  z.object({ type: z.literal('chunk'), id: z.number().int(), chunk: z.instanceof(Uint8Array) }),
  z.object({ type: z.literal('end'), id: z.number().int() }),
]);
export type FromBridge = z.infer<typeof FromBridgeSchema>;

export interface BridgePort {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  start?(): void;
}

/** Worker side: answers every bridged request with `fetch`, streaming the response back. */
export function serveHttpBridge(port: BridgePort, fetch: (request: Request) => Promise<Response>): void {
  const aborts = new Map<number, AbortController>();
  const post = (message: FromBridge, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);

  const exchange = async (message: Extract<ToBridge, { type: 'request' }>): Promise<void> => {
    const abort = new AbortController();
    aborts.set(message.id, abort);
    try {
      const response = await fetch(
        new Request(message.url, {
          method: message.method,
          headers: message.headers,
          signal: abort.signal,
          ...(message.body === undefined ? {} : { body: message.body }),
        }),
      );
      const headers: [string, string][] = [];
      response.headers.forEach((value, name) => headers.push([name, value]));
      post({ type: 'head', id: message.id, status: response.status, headers });
      if (response.body) {
        const reader = response.body.getReader();
        abort.signal.addEventListener('abort', () => void reader.cancel().catch(() => {}));
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const chunk = value.slice();
          post({ type: 'chunk', id: message.id, chunk }, [chunk.buffer]);
        }
      }
    } catch {
      // Aborted by the client, or the handler failed after its head went out: end what was sent.
    } finally {
      aborts.delete(message.id);
      post({ type: 'end', id: message.id });
    }
  };

  port.addEventListener('message', (event) => {
    const parsed = ToBridgeSchema.safeParse(event.data);
    if (!parsed.success) return;
    if (parsed.data.type === 'abort') aborts.get(parsed.data.id)?.abort();
    else void exchange(parsed.data);
  });
  port.start?.();
}
