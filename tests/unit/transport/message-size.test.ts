/**
 * Oversized messages. Both ends of a MessagePort (and the
 * stdio line transport) hold what they send to a size limit, and each kind of
 * message too large gets its own readable outcome. Real SDK Client and Server.
 */
import { MessageChannel } from 'node:worker_threads';
import { Server } from '@modelcontextprotocol/server';
import type { JSONRPCMessage } from '@modelcontextprotocol/client';
import { Client } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it } from 'vitest';
import { LineTransport } from '../../../src/transport/lines.js';
import { MessagePortTransport, type PortLike } from '../../../src/transport/message-port.js';

const LIMIT = 2000;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A server whose `repeat` tool returns `times` copies of "x". */
async function connected() {
  const { port1, port2 } = new MessageChannel();
  const server = new Server({ name: 's', version: '1' }, { capabilities: { tools: {}, logging: {} } });
  server.setRequestHandler('tools/list', async () => ({ tools: [] }));
  server.setRequestHandler('tools/call', async (request) => ({
    content: [{ type: 'text', text: 'x'.repeat(Number(request.params.arguments?.times ?? 0)) }],
  }));
  const serverErrors: Error[] = [];
  server.onerror = (e) => serverErrors.push(e);
  await server.connect(new MessagePortTransport(port2 as unknown as PortLike, LIMIT));
  const client = new Client({ name: 'c', version: '1' });
  const clientTransport = new MessagePortTransport(port1 as unknown as PortLike, LIMIT);
  await client.connect(clientTransport);
  closers.push(async () => {
    await client.close();
    await server.close();
  });
  return { client, server, clientTransport, serverErrors };
}

describe('the MessagePort transport size limit', () => {
  it('answers a request too large to send with -32600 naming the method, without sending it', async () => {
    const { client } = await connected();
    await expect(client.callTool({ name: 'repeat', arguments: { padding: 'p'.repeat(LIMIT) } })).rejects.toMatchObject({
      code: -32600,
      message: expect.stringMatching(/The tools\/call request is too large to send: it is \d+ characters of JSON; a message may have at most 2000/),
      data: { code: 'MESSAGE_TOO_LARGE', limit: LIMIT },
    });
    await expect(client.ping()).resolves.toEqual({});
  });

  it('replaces a response too large to send with an error response for the same request', async () => {
    const { client } = await connected();
    expect(await client.callTool({ name: 'repeat', arguments: { times: 10 } })).toEqual({ content: [{ type: 'text', text: 'x'.repeat(10) }] });
    await expect(client.callTool({ name: 'repeat', arguments: { times: LIMIT } })).rejects.toMatchObject({
      code: -32603,
      message: expect.stringMatching(/The response is too large to send: it is \d+ characters of JSON/),
    });
    await expect(client.ping()).resolves.toEqual({});
  });

  it('drops a notification too large to send and reports it to the sender', async () => {
    const { server, serverErrors } = await connected();
    await server.notification({ method: 'notifications/message', params: { level: 'info', data: 'l'.repeat(LIMIT) } });
    expect(serverErrors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^notifications\/message notification not sent: it is \d+ characters of JSON/),
    ]);
  });

  it('counts the wrapper of a related message, so that the receiver never drops what was sent', async () => {
    const { port1, port2 } = new MessageChannel();
    const sender = new MessagePortTransport(port1 as unknown as PortLike, LIMIT);
    const receiver = new MessagePortTransport(port2 as unknown as PortLike, LIMIT);
    const senderErrors: string[] = [];
    const receiverErrors: string[] = [];
    sender.onerror = (e) => senderErrors.push(e.message);
    receiver.onerror = (e) => receiverErrors.push(e.message);
    const received = new Promise<JSONRPCMessage>((resolve) => (receiver.onmessage = resolve));
    await Promise.all([sender.start(), receiver.start()]);
    const notification = (length: number): JSONRPCMessage => {
      const empty = { jsonrpc: '2.0' as const, method: 'notifications/message', params: { level: 'info', data: '' } };
      return { ...empty, params: { level: 'info', data: 'd'.repeat(length - JSON.stringify(empty).length) } };
    };
    // Fits alone, not with its wrapper: refused by the sender, not dropped by the receiver.
    await sender.send(notification(LIMIT - 10), { relatedRequestId: 'request-1' });
    expect(senderErrors).toEqual([expect.stringMatching(/^notifications\/message notification not sent/)]);
    const fitting = notification(LIMIT - 60);
    await sender.send(fitting, { relatedRequestId: 'request-1' });
    expect(await received).toEqual(fitting);
    expect(receiverErrors).toEqual([]);
    await Promise.all([sender.close(), receiver.close()]);
  });

  it('drops a received message over the limit unparsed, and says so', async () => {
    const { port1, port2 } = new MessageChannel();
    const receiver = new MessagePortTransport(port2 as unknown as PortLike, LIMIT);
    const seen: string[] = [];
    const reported = new Promise<void>((resolve) => {
      receiver.onerror = (e) => {
        seen.push(e.message);
        resolve();
      };
    });
    receiver.onmessage = (m) => seen.push(JSON.stringify(m));
    await receiver.start();
    port1.postMessage(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { p: 'p'.repeat(LIMIT) } }));
    await reported;
    expect(seen).toEqual([expect.stringMatching(/^dropped a received message of \d+ characters; the limit is 2000$/)]);
    port1.close();
    await receiver.close();
  });
});

describe('the line transport size limit', () => {
  it('writes an error line for a response too large, and answers its own request too large', async () => {
    const lines: string[] = [];
    const transport = new LineTransport((line) => lines.push(line), LIMIT);
    const received: JSONRPCMessage[] = [];
    transport.onmessage = (m) => received.push(m);
    await transport.send({ jsonrpc: '2.0', id: 3, result: { text: 'r'.repeat(LIMIT) } });
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      { jsonrpc: '2.0', id: 3, error: expect.objectContaining({ code: -32603, message: expect.stringMatching(/too large to send/) }) },
    ]);
    await transport.send({ jsonrpc: '2.0', id: 'q', method: 'sampling/createMessage', params: { p: 'p'.repeat(LIMIT) } });
    await Promise.resolve();
    expect(lines).toHaveLength(1);
    expect(received).toEqual([
      { jsonrpc: '2.0', id: 'q', error: expect.objectContaining({ code: -32600, message: expect.stringMatching(/^The sampling\/createMessage request is too large/) }) },
    ]);
  });
});
