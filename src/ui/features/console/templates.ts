/** Starting points for the raw console. `console-N` ids keep clear of the Client's numeric ids. */
export const CONSOLE_TEMPLATES: Record<string, (id: string) => unknown> = {
  'tools/list': (id) => ({ jsonrpc: '2.0', id, method: 'tools/list', params: {} }),
  'tools/call': (id) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'echo', arguments: { text: 'hello' } } }),
  'resources/list': (id) => ({ jsonrpc: '2.0', id, method: 'resources/list', params: {} }),
  'resources/read': (id) => ({ jsonrpc: '2.0', id, method: 'resources/read', params: { uri: 'mem://greeting' } }),
  'prompts/list': (id) => ({ jsonrpc: '2.0', id, method: 'prompts/list', params: {} }),
  'prompts/get': (id) => ({ jsonrpc: '2.0', id, method: 'prompts/get', params: { name: 'greet', arguments: { name: 'Ada' } } }),
  'logging/setLevel': (id) => ({ jsonrpc: '2.0', id, method: 'logging/setLevel', params: { level: 'debug' } }),
  ping: (id) => ({ jsonrpc: '2.0', id, method: 'ping' }),
  'notifications/roots/list_changed': () => ({ jsonrpc: '2.0', method: 'notifications/roots/list_changed' }),
};

export const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** A loose JSON Schema for Monaco: completion of the envelope and of MCP method names. */
export function consoleSchema(methods: readonly string[]): unknown {
  return {
    type: 'object',
    required: ['jsonrpc', 'method'],
    properties: {
      jsonrpc: { const: '2.0' },
      id: { type: ['string', 'integer'] },
      method: { anyOf: [{ enum: [...methods] }, { type: 'string' }] },
      params: { type: 'object' },
    },
  };
}
