/**
 * The page's side of sampling and elicitation: a request waits in
 * the session's store until the person answers, and the answer (or the
 * rejection) reaches the server that asked. A real SDK Server asks a real
 * SDK Client over the SDK's in-memory transport.
 */
import { InMemoryTransport, Server } from '@modelcontextprotocol/server';
import { Client } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it } from 'vitest';
import { answerClientRequests, CLIENT_REQUEST_CAPABILITIES } from '../../../src/session/client-request-handlers.js';
import { ClientRequestsStore } from '../../../src/session/client-requests.js';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

async function pair(): Promise<{ server: Server; client: Client; store: ClientRequestsStore }> {
  const server = new Server({ name: 'asker', version: '1.0.0' }, { capabilities: {} });
  const client = new Client({ name: 'page', version: '1.0.0' }, { capabilities: CLIENT_REQUEST_CAPABILITIES });
  const store = new ClientRequestsStore(() => 1000);
  answerClientRequests(client, store);
  const [a, b] = InMemoryTransport.createLinkedPair();
  await server.connect(a);
  await client.connect(b);
  closers.push(async () => {
    await client.close();
    await server.close();
  });
  return { server, client, store };
}

/** Resolves when the store holds `n` pending requests. */
function pending(store: ClientRequestsStore, n = 1): Promise<ClientRequestsStore['value']> {
  return new Promise((resolve) => {
    const check = () => {
      if (store.value.length !== n) return;
      store.removeEventListener('change', check);
      resolve(store.value);
    };
    store.addEventListener('change', check);
    check();
  });
}

const ask = { messages: [{ role: 'user' as const, content: { type: 'text' as const, text: 'why?' } }], maxTokens: 50, systemPrompt: 'be brief' };
const form = {
  message: 'Who are you?',
  requestedSchema: { type: 'object' as const, properties: { name: { type: 'string' as const } }, required: ['name'] },
};

describe('the page client answers sampling and elicitation through its store', () => {
  it('declares sampling, form and URL elicitation, and roots to the server', async () => {
    const { server } = await pair();
    expect(server.getClientCapabilities()).toMatchObject({ sampling: {}, elicitation: { form: {}, url: {} }, roots: { listChanged: true } });
  });

  it('queues a URL elicitation as a link to open, and sends the action alone', async () => {
    const { server, store } = await pair();
    const link = { mode: 'url' as const, message: 'Sign in', url: 'https://example.com/in', elicitationId: 'e1' };
    const asked = server.elicitInput(link);
    const [request] = await pending(store);
    expect(request).toMatchObject({ kind: 'url', params: link });
    expect(store.answer(request!.key, 'elicitation', { action: 'accept', content: {} })).toBe(false);
    expect(store.answer(request!.key, 'url', { action: 'accept' })).toBe(true);
    expect(await asked).toMatchObject({ action: 'accept' });
  });

  it('queues a sampling request with its params and sends the reply the person wrote', async () => {
    const { server, store } = await pair();
    const asked = server.createMessage(ask);
    const [request] = await pending(store);
    expect(request).toMatchObject({ kind: 'sampling', key: 1, receivedAt: 1000, params: { maxTokens: 50, systemPrompt: 'be brief' } });
    expect(store.answer(request.key, 'elicitation', { action: 'cancel' })).toBe(false);
    expect(store.answer(request.key, 'sampling', { role: 'assistant', model: 'me', content: { type: 'text', text: 'because' } })).toBe(true);
    await expect(asked).resolves.toMatchObject({ model: 'me', content: { type: 'text', text: 'because' } });
    expect(store.value).toEqual([]);
  });

  it('a rejected sampling request reaches the server as a JSON-RPC error', async () => {
    const { server, store } = await pair();
    const asked = server.createMessage(ask);
    const [request] = await pending(store);
    store.reject(request.key, 'The user rejected the sampling request');
    await expect(asked).rejects.toMatchObject({ code: -1, message: expect.stringContaining('The user rejected the sampling request') });
    expect(store.value).toEqual([]);
  });

  it('answers elicitation with accept and content, or with decline', async () => {
    const { server, store } = await pair();
    let asked = server.elicitInput(form);
    let [request] = await pending(store);
    expect(request).toMatchObject({ kind: 'elicitation', params: { message: 'Who are you?' } });
    store.answer(request.key, 'elicitation', { action: 'accept', content: { name: 'Ada' } });
    await expect(asked).resolves.toEqual({ action: 'accept', content: { name: 'Ada' } });

    asked = server.elicitInput(form);
    [request] = await pending(store);
    store.answer(request.key, 'elicitation', { action: 'decline' });
    await expect(asked).resolves.toEqual({ action: 'decline' });
  });

  it('keeps each request apart and drops one the server cancelled', async () => {
    const { server, store } = await pair();
    const abort = new AbortController();
    // The second request, so that the one cancelled is not id 0, which older clients ignore.
    const first = server.createMessage(ask);
    const second = server.elicitInput(form, { signal: abort.signal });
    const [a, b] = await pending(store, 2);
    expect([a.kind, b.kind]).toEqual(['sampling', 'elicitation']);
    abort.abort('changed its mind');
    await expect(second).rejects.toMatchObject({ message: expect.stringContaining('changed its mind') });
    await pending(store, 1);
    expect(store.value.map((r) => r.key)).toEqual([a.key]);
    expect(store.answer(b.key, 'elicitation', { action: 'cancel' })).toBe(false);
    store.answer(a.key, 'sampling', { role: 'assistant', model: 'm', content: { type: 'text', text: 'fine' } });
    await expect(first).resolves.toMatchObject({ content: { text: 'fine' } });
  });

  it('drops every pending request when the connection closes or the component restarts', async () => {
    const { server, client, store } = await pair();
    const asked = server.createMessage(ask);
    await pending(store);
    store.dropAll('the component stopped: restarted');
    await expect(asked).rejects.toMatchObject({ message: expect.stringContaining('the component stopped: restarted') });

    void server.elicitInput(form).catch(() => {});
    await pending(store);
    await client.close();
    expect(store.value).toEqual([]);
  });

  it('refuses sampling with tools, which it did not declare', async () => {
    const { server, store } = await pair();
    // The SDK's Server checks capabilities before sending; a raw request goes past that check.
    const raw = server.request(
      { method: 'sampling/createMessage', params: { ...ask, tools: [{ name: 't', inputSchema: { type: 'object' } }] } },
      (await import('@modelcontextprotocol/core')).CreateMessageResultSchema,
    );
    await expect(raw).rejects.toMatchObject({ message: expect.stringContaining('does not support tools') });
    expect(store.value).toEqual([]);
  });
});
