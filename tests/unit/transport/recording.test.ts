import { InMemoryTransport, Server } from '@modelcontextprotocol/server';
import type { JSONRPCMessage, Transport } from '@modelcontextprotocol/client';
import { Client } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';
import { RecordingTransport, type Recorded } from '../../../src/transport/recording.js';

/** A recording transport whose other end answers every request with `{ echo: method }` after `rtt` ms of a fake clock. */
async function rig(options: { hang?: string; rtt?: number } = {}) {
  const [near, far] = InMemoryTransport.createLinkedPair();
  let clock = 1000;
  far.onmessage = (m) => {
    if ('method' in m && 'id' in m && m.method !== options.hang) {
      clock += options.rtt ?? 0;
      void far.send({ jsonrpc: '2.0', id: m.id, result: { echo: m.method } });
    }
  };
  await far.start();
  const records: Recorded[] = [];
  const recording = new RecordingTransport(near, { onRecord: (r) => records.push(r), now: () => clock });
  const delivered: JSONRPCMessage[] = [];
  recording.onmessage = (m) => delivered.push(m);
  await recording.start();
  return { recording, records, delivered, far };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('RecordingTransport', () => {
  it('records both directions with kind, method, id, UTF-8 size and round-trip time', async () => {
    const { recording, records, delivered } = await rig({ rtt: 12.5 });
    const request: JSONRPCMessage = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'é' } };
    await recording.send(request);
    await flush();
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ direction: 'out', kind: 'request', method: 'tools/call', id: 1, raw: false, time: 1000 });
    expect(records[0].size).toBe(new TextEncoder().encode(JSON.stringify(request)).length);
    expect(records[0].size).toBe(JSON.stringify(request).length + 1); // "é" is two bytes
    expect(records[0].rttMs).toBeUndefined();
    expect(records[1]).toMatchObject({ direction: 'in', kind: 'result', method: 'tools/call', id: 1, rttMs: 12.5 });
    expect(delivered).toEqual([{ jsonrpc: '2.0', id: 1, result: { echo: 'tools/call' } }]);
  });

  it('records notifications and errors by kind', async () => {
    const { recording, records, far } = await rig();
    await recording.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    await far.send({ jsonrpc: '2.0', id: 9, error: { code: -32601, message: 'nope' } });
    await far.send({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'x' } });
    await flush();
    expect(records.map((r) => [r.direction, r.kind, r.method, r.id])).toEqual([
      ['out', 'notification', 'notifications/initialized', undefined],
      ['in', 'error', undefined, 9],
      ['in', 'notification', 'notifications/message', undefined],
    ]);
  });

  it('answers a raw request to the caller, never to the Client', async () => {
    const { recording, records, delivered } = await rig();
    const answer = await recording.sendRaw({ jsonrpc: '2.0', id: 'console-1', method: 'ping' });
    expect(answer).toEqual({ jsonrpc: '2.0', id: 'console-1', result: { echo: 'ping' } });
    expect(delivered).toEqual([]);
    expect(records.map((r) => [r.direction, r.raw])).toEqual([
      ['out', true],
      ['in', true],
    ]);
  });

  it('refuses a raw request whose id is in flight, and a raw response', async () => {
    const { recording } = await rig({ hang: 'slow' });
    void recording.send({ jsonrpc: '2.0', id: 3, method: 'slow' });
    expect(recording.isInFlight(3)).toBe(true);
    expect(recording.isInFlight('3')).toBe(false);
    await expect(recording.sendRaw({ jsonrpc: '2.0', id: 3, method: 'ping' })).rejects.toThrow(/id 3 is already in flight/);
    await expect(recording.sendRaw({ jsonrpc: '2.0', id: 4, result: {} })).rejects.toThrow(/only requests and notifications/);
  });

  it('forgets a request once it is cancelled: it will never be answered', async () => {
    const { recording } = await rig({ hang: 'slow' });
    await recording.send({ jsonrpc: '2.0', id: 5, method: 'slow' });
    expect(recording.isInFlight(5)).toBe(true);
    await recording.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 5 } });
    expect(recording.isInFlight(5)).toBe(false);
  });

  it('sends a raw notification and resolves with nothing', async () => {
    const { recording, records } = await rig();
    await expect(recording.sendRaw({ jsonrpc: '2.0', method: 'notifications/roots/list_changed' })).resolves.toBeUndefined();
    expect(records[0]).toMatchObject({ kind: 'notification', raw: true });
  });

  it('rejects a pending raw request when the connection closes', async () => {
    const { recording } = await rig({ hang: 'slow' });
    const pending = recording.sendRaw({ jsonrpc: '2.0', id: 'console-2', method: 'slow' });
    await recording.close();
    await expect(pending).rejects.toThrow(/closed before the answer/);
  });

  it('sits between a real SDK Client and Server: initialize is recorded and the protocol version passed on', async () => {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const server = new Server({ name: 's', version: '1.0.0' }, { capabilities: { tools: {} } });
    server.setRequestHandler('tools/list', async () => ({ tools: [] }));
    await server.connect(serverSide);
    const records: Recorded[] = [];
    // The inner transport hears the negotiated version, as Streamable HTTP needs it for its header.
    const versions: string[] = [];
    (clientSide as Transport).setProtocolVersion = (version: string) => void versions.push(version);
    const recording = new RecordingTransport(clientSide, { onRecord: (r) => records.push(r) });
    const client = new Client({ name: 'c', version: '1.0.0' });
    await client.connect(recording);
    await client.listTools();
    expect(versions).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]);
    expect(records.map((r) => `${r.direction} ${r.kind} ${r.method}`)).toEqual([
      'out request initialize',
      'in result initialize',
      'out notification notifications/initialized',
      'out request tools/list',
      'in result tools/list',
    ]);
    expect(records.filter((r) => r.kind === 'result').every((r) => typeof r.rttMs === 'number' && r.rttMs >= 0)).toBe(true);
    await client.close();
  });
});
