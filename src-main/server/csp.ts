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

/**
 * Directives a `<meta http-equiv>` policy cannot carry (the CSP spec ignores them there, with a console warning);
 * the header still sends them.
 */
const HEADER_ONLY_DIRECTIVES: ReadonlySet<string> = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The same policy for a `<meta http-equiv="Content-Security-Policy">` tag: the header's, less header-only directives. */
export const META_CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .filter(([name]) => !HEADER_ONLY_DIRECTIVES.has(name))
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

/**
 * Puts the policy into a built page as the first element of its `<head>`, before any script, so it holds even
 * where no header can be set (Electron's `file://` loads, which `webRequest.onHeadersReceived` may not see).
 * @throws RangeError when the page has no `<head>` or already carries a policy of its own
 */
export function injectCspMeta(html: string): string {
  if (/http-equiv=["']?content-security-policy/i.test(html)) throw new RangeError('The page already has a Content-Security-Policy meta tag.');
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new RangeError('The page has no <head> to put its Content-Security-Policy in.');
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />${html.slice(at)}`;
}

/**
 * The Vite plugin both renderer builds use (electron.vite.config.ts and the e2e renderer build): it injects the
 * policy when building only, since Vite's dev server relies on inline scripts the policy forbids.
 */
export function cspMetaPlugin(): { name: string; apply: 'build'; transformIndexHtml: (html: string) => string } {
  return { name: 'folio-csp-meta', apply: 'build', transformIndexHtml: injectCspMeta };
}
