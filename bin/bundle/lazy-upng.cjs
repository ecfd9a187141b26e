// Stands in for `@pdf-lib/upng` in the CLI bundle (see bin/folio.cjs). pdf-lib loads it at start-up for its own
// PNG embedding, which Folio does not use (src-core/pdf/png.ts decodes pictures); building its tables cost about
// 6 ms of every start. The real module is loaded on first use.
'use strict';

let upng;

module.exports = {
  __esModule: true,
  get default() {
    return (upng ??= require('@pdf-lib/upng/cjs/UPNG.js')).default;
  },
};
