/** A loaded component served by the host core to the official SDK Client over the SDK's in-memory transport. */
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import type { Transport } from '@modelcontextprotocol/server';
import type { ClientCapabilities, ServerNotification } from '@modelcontextprotocol/client';
import { ComponentHost, serveConnection, type HostOptions } from '../../src/host/index.js';
import { nodePlatform } from '../../src/platform/node/platform.js';

export interface Connected {
  host: ComponentHost;
  client: Client;
  notifications: ServerNotification[];
  output: string[];
  close(): Promise<void>;
}

export async function connect(
  bytes: Uint8Array,
  options: Partial<HostOptions> = {},
  // By default sampling and elicitation, so that tests can answer the component's requests.
  clientCapabilities: ClientCapabilities = { sampling: {}, elicitation: {} },
  // 2025-11-25 (initialize) unless a test asks for the current revision.
  era: 'legacy' | 'modern' = 'legacy',
): Promise<Connected> {
  const output: string[] = [];
  const host = await ComponentHost.load(bytes, {
    platform: await nodePlatform(),
    onOutput: (stream, text) => output.push(`${stream}:${text}`),
    ...options,
  });
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  const connection = serveConnection(host, serverSide as Transport);
  const client = new Client(
    { name: 'test-client', version: '1.0.0' },
    { capabilities: clientCapabilities, ...(era === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {}) },
  );
  const notifications: ServerNotification[] = [];
  client.fallbackNotificationHandler = async (n) => {
    notifications.push(n as ServerNotification);
  };
  await client.connect(clientSide);
  return {
    host,
    client,
    notifications,
    output,
    close: async () => {
      await client.close();
      await connection.close();
    },
  };
}
