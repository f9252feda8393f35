/**
 * The renderer's Content-Security-Policy. Everything comes from the app's own origin
 * (`app://desk`); images may also be data: URLs because `media:image` answers with one.
 * No 'unsafe-eval', no 'unsafe-inline' and no remote origin anywhere: the page has no business
 * talking to the network — every platform call goes through the core.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response of the app protocol carries, whatever the file. */
export const appSecurityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/**
 * Installs the policy on a response of the app protocol. A header (not a <meta> tag) because
 * only a header can carry frame-ancestors, and because it cannot be removed by the page.
 */
export function withContentSecurityPolicy(headers: Headers): Headers {
  for (const [name, value] of Object.entries(appSecurityHeaders)) headers.set(name, value);
  return headers;
}

/** The policy as directive → sources, for checks that must not depend on string layout. */
export function cspDirectives(policy: string = contentSecurityPolicy): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}
