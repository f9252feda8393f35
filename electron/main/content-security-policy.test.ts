import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspDirectives, withContentSecurityPolicy } from './content-security-policy';

describe('content security policy', () => {
  const directives = cspDirectives();

  it('is exactly the agreed policy', () => {
    expect(contentSecurityPolicy).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('allows no eval and no inline script anywhere', () => {
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy).not.toContain('wasm-unsafe-eval');
    expect(directives.get('script-src')).toEqual(["'self'"]);
  });

  it('names no remote origin, wildcard or scheme that reaches the network', () => {
    for (const [name, sources] of directives) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).not.toMatch(/^(https?|wss?|blob|filesystem):|^\*|\.\w/);
      }
    }
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('locks down the directives a missing default-src would not cover', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('is installed as a response header, replacing any weaker one', () => {
    const headers = withContentSecurityPolicy(new Headers({ 'Content-Security-Policy': "script-src 'unsafe-eval'", 'Content-Type': 'text/html' }));
    expect(headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy);
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(headers.get('Content-Type')).toBe('text/html');
  });
});
