import type { RequestId } from '@modelcontextprotocol/client';

/** A map key for a JSON-RPC id that keeps 1 and "1" apart, as JSON-RPC does. */
export const requestKey = (id: RequestId): string => `${typeof id}:${id}`;
