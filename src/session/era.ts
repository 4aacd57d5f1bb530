/**
 * The protocol revision a server in the page is spoken to in: 2025-11-25
 * (the initialize handshake), 2026-07-28 (server/discover and a `_meta`
 * envelope on every request), or auto, which probes with server/discover
 * and falls back to initialize for a server that does not answer it.
 */
import type { VersionNegotiationOptions } from '@modelcontextprotocol/client';

export const ERAS = ['auto', '2025-11-25', '2026-07-28'] as const;
export type Era = (typeof ERAS)[number];

export const NEGOTIATION: Record<Era, VersionNegotiationOptions> = {
  auto: { mode: 'auto' },
  '2025-11-25': { mode: 'legacy' },
  '2026-07-28': { mode: { pin: '2026-07-28' } },
};
