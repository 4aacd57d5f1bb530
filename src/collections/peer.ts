/**
 * What collections need of a connected MCP client: send a request and get
 * its result unchanged, and what the server said about itself at connect.
 * The SDK's Client is one through `clientPeer`; a test double is a few lines.
 */
import type { Client, Implementation, RequestOptions, ServerCapabilities } from '@modelcontextprotocol/client';
import * as z from 'zod/v4';
import type { WireRequest } from './request.js';

export interface ServerFacts {
  info?: Implementation;
  capabilities: ServerCapabilities;
  instructions?: string;
}

export interface Peer {
  /** Resolves with the result; rejects with an error that has a numeric `code` when the server answered with one. */
  request(request: WireRequest): Promise<Record<string, unknown>>;
  server(): ServerFacts;
}

/** Any result object, kept whole: a collection judges what the server sent, not what the SDK makes of it. */
const AnyResult = z.looseObject({});

export function clientPeer(client: Client, options?: RequestOptions): Peer {
  return {
    request: (request) => client.request(request, AnyResult, options),
    server: () => {
      const info = client.getServerVersion();
      const instructions = client.getInstructions();
      return {
        ...(info === undefined ? {} : { info }),
        capabilities: client.getServerCapabilities() ?? {},
        ...(instructions === undefined ? {} : { instructions }),
      };
    },
  };
}
