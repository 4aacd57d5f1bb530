/** One reading of an allow-list entry, wherever a person writes it (found in review: the CLI and the Sandbox form disagreed). */
import { expect, it } from 'vitest';
import { parseOrigin } from '../../../src/cli/sandbox-flags.js';
import { grantableOrigin } from '../../../src/host/grant-values.js';
import { parseOrigins } from '../../../src/session/sandbox-draft.js';

const CASES: [string, string | undefined][] = [
  ['*', '*'],
  ['https://api.example.com', 'https://api.example.com'],
  ['https://API.Example.com:443/', 'https://api.example.com'],
  ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
  ['https://example.com/path', undefined],
  ['https://user@example.com', undefined],
  ['https://example.com?q', undefined],
  ['ftp://example.com', undefined],
  ['example.com', undefined],
];

it('reads an origin the same way in the host, the CLI and the Sandbox form', () => {
  for (const [text, origin] of CASES) {
    expect(grantableOrigin(text), text).toBe(origin);
    const errors: string[] = [];
    expect(parseOrigins(text, errors), text).toEqual(origin === undefined ? [] : [origin]);
    expect(errors.length, text).toBe(origin === undefined ? 1 : 0);
    if (origin === undefined) expect(() => parseOrigin(text), text).toThrow(/--allow-http wants an origin/);
    else expect(parseOrigin(text), text).toBe(origin);
  }
});
