/**
 * The renderer's Content Security Policy and companion headers: one definition for Electron (set through
 * session.webRequest) and for browser mode's server, so both run the page under the same rules.
 */

/**
 * CSP directives. Scripts only from the app itself (no inline, no eval); fonts and images also from data:/blob:
 * (font bytes and photos arrive through the host API as bytes); fetches only to our own origin; no plugins,
 * frames, forms or base-URL tricks. Inline styles stay allowed: ProseMirror and Svelte set style attributes.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data: blob:",
  'connect-src': "'self'",
  'worker-src': "'self' blob:",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
  'frame-src': "'none'",
};

/** The CSP header value. */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

/** Headers sent with every response (server) / every renderer document (Electron). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
