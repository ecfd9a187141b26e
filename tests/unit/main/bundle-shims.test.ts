/**
 * The CLI bundle's stand-ins (bin/bundle/, aliased by bin/folio.cjs) behave as the packages they replace.
 */
import { createRequire } from 'node:module';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const nodeInflate = require('../../../bin/bundle/node-inflate.cjs') as (source: Uint8Array, dest: Uint8Array) => Uint8Array;
const tinyInflate = require('tiny-inflate') as (source: Uint8Array, dest: Uint8Array) => Uint8Array;
const noWoff2 = require('../../../bin/bundle/no-woff2.cjs') as () => never;

describe('node-inflate (tiny-inflate over zlib)', () => {
  it('gives tiny-inflate’s bytes for exact, larger and smaller destinations', () => {
    const plain = new Uint8Array(50_000);
    for (let i = 0; i < plain.length; i++) plain[i] = (i * 7919) % 251 ^ (i >> 9);
    const packed = new Uint8Array(deflateRawSync(plain));
    for (const size of [plain.length, plain.length + 100, 1000]) {
      const fast = nodeInflate(packed, new Uint8Array(size));
      const slow = tinyInflate(packed, new Uint8Array(size));
      expect(fast.length).toBe(slow.length);
      expect(Buffer.compare(Buffer.from(fast), Buffer.from(slow))).toBe(0);
    }
  });

  it('inflates twice into one buffer size, as unicode-trie does, to the same bytes', () => {
    // unicode-trie inflates twice into one buffer size; the second input is the first output.
    const plain = new Uint8Array(8192).map((_, i) => i % 13);
    const inner = new Uint8Array(deflateRawSync(plain));
    const outer = new Uint8Array(deflateRawSync(inner));
    const viaNode = nodeInflate(nodeInflate(outer, new Uint8Array(plain.length)), new Uint8Array(plain.length));
    const viaTiny = tinyInflate(tinyInflate(outer, new Uint8Array(plain.length)), new Uint8Array(plain.length));
    expect(Buffer.compare(Buffer.from(viaNode), Buffer.from(viaTiny))).toBe(0);
    expect(Buffer.compare(Buffer.from(viaNode), Buffer.from(plain))).toBe(0);
  });
});

describe('no-woff2 (brotli’s place in the CLI)', () => {
  it('says what to install instead of failing obscurely', () => {
    expect(() => noWoff2()).toThrow(/WOFF2 .*install the \.ttf or \.otf/);
  });
});

describe('lazy stand-ins for pdf-lib’s unused dependencies', () => {
  it('lazy-standard-fonts gives the real Font, FontNames and Encodings', () => {
    const lazy = require('../../../bin/bundle/lazy-standard-fonts.cjs') as Record<string, unknown>;
    const real = require('@pdf-lib/standard-fonts') as Record<string, unknown>;
    expect(lazy.FontNames).toEqual(real.FontNames);
    expect(lazy.Font).toBe(real.Font);
    expect(lazy.Encodings).toBe(real.Encodings);
  });

  it('lazy-upng gives the real UPNG as its default export', () => {
    const lazy = require('../../../bin/bundle/lazy-upng.cjs') as { __esModule: boolean; default: unknown };
    const real = require('@pdf-lib/upng') as { default: unknown };
    expect(lazy.__esModule).toBe(true);
    expect(lazy.default).toBe(real.default);
  });
});
