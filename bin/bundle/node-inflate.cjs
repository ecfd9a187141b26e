// tiny-inflate's API over Node's native zlib, for the CLI bundle only (bin/folio.cjs aliases `tiny-inflate` here).
// fontkit, unicode-properties and linebreak inflate their Unicode tries with tiny-inflate when they load: pure
// JavaScript running cold, about 25 ms of every `folio` start. zlib gives the same bytes in a fraction of that.
'use strict';
const { inflateRawSync } = require('node:zlib');

/**
 * Inflates raw DEFLATE data into `dest`, as tiny-inflate does: returns `dest` when the output fills it, else a
 * copy of the part written; output longer than `dest` is cut to its length.
 * @param {Uint8Array} source
 * @param {Uint8Array} dest
 * @returns {Uint8Array}
 */
module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source);
  const length = Math.min(out.length, dest.length);
  dest.set(out.subarray(0, length));
  return length < dest.length ? dest.slice(0, length) : dest;
};
