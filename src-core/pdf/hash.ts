/**
 * A small, fast, deterministic 128-bit content hash (not cryptographic) for PDF document IDs and
 * font subset tags. Pure TypeScript: src-core may not use Node's crypto.
 *
 * 1. Four 32-bit lanes, each seeded differently, absorb the input four bytes at a time (little-endian words,
 *    then the last one to three bytes singly) with a multiply-xor step: a whole PDF is hashed for its /ID.
 * 2. A final avalanche mixes the lanes into each other and the input length.
 */

// Odd 32-bit constants from the cyrb128 / murmur3 families; any distinct odd values work.
const LANE_SEEDS: readonly number[] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a];
const LANE_PRIMES: readonly number[] = [0x9e3779b1, 0x85ebca77, 0xc2b2ae3d, 0x27d4eb2f];

/** Hashes bytes to 16 bytes. */
export function hash128(bytes: Uint8Array): Uint8Array {
  let h0 = LANE_SEEDS[0];
  let h1 = LANE_SEEDS[1];
  let h2 = LANE_SEEDS[2];
  let h3 = LANE_SEEDS[3];
  const p0 = LANE_PRIMES[0];
  const p1 = LANE_PRIMES[1];
  const p2 = LANE_PRIMES[2];
  const p3 = LANE_PRIMES[3];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wholeWords = bytes.length - (bytes.length % 4);
  let i = 0;
  for (; i < bytes.length; ) {
    const b = i < wholeWords ? view.getUint32(i, true) : bytes[i];
    i += i < wholeWords ? 4 : 1;
    h0 = Math.imul(h0 ^ b, p0);
    h1 = Math.imul(h1 ^ b, p1) ^ (h0 >>> 15);
    h2 = Math.imul(h2 ^ b, p2) ^ (h1 >>> 13);
    h3 = Math.imul(h3 ^ b, p3) ^ (h2 >>> 16);
  }
  h0 ^= bytes.length;
  // Final avalanche (murmur3 fmix32 on each lane, lanes cross-mixed).
  h0 = fmix32(h0 ^ h3);
  h1 = fmix32(h1 ^ h0);
  h2 = fmix32(h2 ^ h1);
  h3 = fmix32(h3 ^ h2);
  h0 = fmix32(h0 ^ h3);
  const out = new Uint8Array(16);
  const outView = new DataView(out.buffer);
  outView.setUint32(0, h0 >>> 0);
  outView.setUint32(4, h1 >>> 0);
  outView.setUint32(8, h2 >>> 0);
  outView.setUint32(12, h3 >>> 0);
  return out;
}

/** Hashes a string (UTF-8) to 16 bytes. */
export function hashText(text: string): Uint8Array {
  return hash128(new TextEncoder().encode(text));
}

/** Lower-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
