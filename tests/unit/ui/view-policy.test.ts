/** The policy an MCP App's view runs under: nothing by default, declared origins only, no way to add a directive. */
import { describe, expect, it } from 'vitest';
import { viewPolicy, withPolicy } from '../../../src/ui/features/apps/view-policy.js';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));

describe('viewPolicy', () => {
  it('allows no network, frames or base URI when the view declares nothing', () => {
    const { policy, ignored } = viewPolicy(undefined);
    const d = directives(policy);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('connect-src')).toEqual(["'none'"]);
    expect(d.get('frame-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'unsafe-inline'"]);
    expect(d.get('img-src')).toEqual(['data:']);
    expect(ignored).toEqual([]);
  });

  it('adds the declared origins to their directives', () => {
    const d = directives(
      viewPolicy({ connectDomains: ['https://api.example.com', 'wss://live.example.com'], resourceDomains: ['https://*.cdn.example'], frameDomains: ['http://localhost:8080'] }).policy,
    );
    expect(d.get('connect-src')).toEqual(['https://api.example.com', 'wss://live.example.com']);
    expect(d.get('script-src')).toEqual(["'unsafe-inline'", 'https://*.cdn.example']);
    expect(d.get('font-src')).toEqual(['data:', 'https://*.cdn.example']);
    expect(d.get('frame-src')).toEqual(['http://localhost:8080']);
  });

  it('ignores, and reports, anything that is not an origin the sandbox allows', () => {
    const bad = ["'unsafe-eval'", 'https://a.example; script-src *', '*', 'http://example.com', 'javascript:alert(1)', 'https://a.example/path'];
    const { policy, ignored } = viewPolicy({ connectDomains: bad, resourceDomains: ['data:'] });
    expect(directives(policy).get('connect-src')).toEqual(["'none'"]);
    expect(directives(policy).get('script-src')).toEqual(["'unsafe-inline'"]);
    expect(ignored).toEqual(['data:', ...bad]);
    expect(policy).not.toMatch(/unsafe-eval|\*;|javascript/);
  });
});

describe('withPolicy', () => {
  it('puts the policy first, after a doctype', () => {
    expect(withPolicy('<!DOCTYPE html><html><head></head></html>', "default-src 'none'")).toBe(
      `<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><html><head></head></html>`,
    );
    expect(withPolicy('<p>hi', 'x')).toBe('<meta http-equiv="Content-Security-Policy" content="x"><p>hi');
  });
});
