/**
 * The `_meta` envelope a 2026-07-28 request carries in place of a session:
 * its protocol version, the client's info and the capabilities it declares.
 */
import { CLIENT_CAPABILITIES_META_KEY, CLIENT_INFO_META_KEY, PROTOCOL_VERSION_META_KEY, type ClientCapabilities } from '@modelcontextprotocol/client';

export function envelopeMeta(capabilities: ClientCapabilities = {}): Record<string, unknown> {
  return {
    [PROTOCOL_VERSION_META_KEY]: '2026-07-28',
    [CLIENT_INFO_META_KEY]: { name: 'raw', version: '1.0.0' },
    [CLIENT_CAPABILITIES_META_KEY]: capabilities,
  };
}
