// Stands in for `brotli/decompress.js` in the CLI bundle (bin/folio.cjs) and the renderer (electron.vite.config.ts).
// fontkit needs brotli only to unpack WOFF2 web fonts; Folio reads .ttf and .otf files, and brotli's 1.3 MB
// dictionary was a third of the CLI bundle, compiled at every start, and unpacked on every page load.
'use strict';

module.exports = function decompress() {
  throw new Error('WOFF2 web fonts cannot be read here: install the .ttf or .otf version of the font.');
};
