import { describe, expect, test } from 'vitest';
import { allowedHost, allowedOrigin } from '../../../src/cli/http-guard.js';

describe('DNS-rebinding guard', () => {
  test('Host must name this loopback server and port', () => {
    expect(allowedHost('127.0.0.1:8080', 8080)).toBe(true);
    expect(allowedHost('LOCALHOST:8080', 8080)).toBe(true);
    expect(allowedHost('[::1]:8080', 8080)).toBe(true);
    expect(allowedHost('127.0.0.1:8081', 8080)).toBe(false);
    expect(allowedHost('evil.example:8080', 8080)).toBe(false);
    expect(allowedHost('127.0.0.1', 8080)).toBe(false);
    expect(allowedHost(undefined, 8080)).toBe(false);
  });

  test('an Origin, when present, must be local', () => {
    expect(allowedOrigin(undefined)).toBe(true);
    expect(allowedOrigin('http://localhost:6274')).toBe(true);
    expect(allowedOrigin('http://127.0.0.1')).toBe(true);
    expect(allowedOrigin('https://evil.example')).toBe(false);
    expect(allowedOrigin('http://localhost.evil.example')).toBe(false);
    expect(allowedOrigin('null')).toBe(false);
  });
});
