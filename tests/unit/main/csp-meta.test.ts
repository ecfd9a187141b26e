/**
 * The Content-Security-Policy travels in the built page too (issue 13, item 13): Electron's file:// loads may not
 * pass through webRequest's header hook, so the page must carry the same policy itself.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, META_CONTENT_SECURITY_POLICY, injectCspMeta } from '../../../src-main/server/csp.js';

const sourceHtml = readFileSync('src-renderer/index.html', 'utf8');

describe('CSP meta tag', () => {
  it('goes first in the head of the renderer page, before its script', () => {
    const built = injectCspMeta(sourceHtml);
    const meta = built.indexOf('<meta http-equiv="Content-Security-Policy"');
    expect(meta).toBeGreaterThan(built.indexOf('<head>'));
    expect(meta).toBeLessThan(built.indexOf('<meta charset'));
    expect(meta).toBeLessThan(built.indexOf('<script'));
    expect(built).toContain(`content="${META_CONTENT_SECURITY_POLICY}"`);
  });

  it('carries every directive of the header that a meta policy can', () => {
    for (const [name, value] of Object.entries(CSP_DIRECTIVES)) {
      if (name === 'frame-ancestors') expect(META_CONTENT_SECURITY_POLICY).not.toContain(name);
      else expect(META_CONTENT_SECURITY_POLICY).toContain(`${name} ${value}`);
    }
  });

  it('refuses a page that already has a policy or has no head', () => {
    expect(() => injectCspMeta(injectCspMeta(sourceHtml))).toThrow(/already has/);
    expect(() => injectCspMeta('<html><body></body></html>')).toThrow(/no <head>/);
  });
});
