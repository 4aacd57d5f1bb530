/** relatedRequestId crosses a MessagePort (a request's notifications belong on its HTTP stream). */
import { MessageChannel } from 'node:worker_threads';
import type { JSONRPCMessage, MessageExtraInfo } from '@modelcontextprotocol/client';
import { expect, test } from 'vitest';
import { MessagePortTransport, relatedRequestIdOf, type PortLike } from '../../../src/transport/message-port.js';

test('a related notification carries its request id; a response and an unrelated message carry none', async () => {
  const { port1, port2 } = new MessageChannel();
  const sender = new MessagePortTransport(port1 as unknown as PortLike);
  const receiver = new MessagePortTransport(port2 as unknown as PortLike);
  const received: [JSONRPCMessage, MessageExtraInfo | undefined][] = [];
  const done = new Promise<void>((resolve) => {
    receiver.onmessage = (message, extra) => {
      received.push([message, extra]);
      if (received.length === 3) resolve();
    };
  });
  await Promise.all([sender.start(), receiver.start()]);
  const progress: JSONRPCMessage = { jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 't', progress: 1 } };
  await sender.send(progress, { relatedRequestId: 7 });
  await sender.send({ jsonrpc: '2.0', id: 7, result: {} }, { relatedRequestId: 7 });
  await sender.send({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' });
  await done;
  expect(received.map(([m, extra]) => [m, relatedRequestIdOf(extra)])).toEqual([
    [progress, 7],
    [{ jsonrpc: '2.0', id: 7, result: {} }, undefined],
    [{ jsonrpc: '2.0', method: 'notifications/tools/list_changed' }, undefined],
  ]);
  await Promise.all([sender.close(), receiver.close()]);
});
