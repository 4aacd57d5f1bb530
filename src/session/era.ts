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

/**
 * What a server is spoken to in until the person picks another: 2025-11-25, as the SDK advises
 * for inspectors, so the recorded wire is exactly what the person asked for (Auto adds a probe
 * in front of every connection) and servers that never answer server/discover are not kept
 * waiting for its timeout.
 */
export const DEFAULT_ERA: Era = '2025-11-25';
