// Stands in for `@pdf-lib/standard-fonts` in the CLI bundle (see bin/folio.cjs). pdf-lib loads it at start-up,
// and it decompresses every encoding table of the 14 standard PDF fonts there (about 12 ms of cold code), yet
// Folio embeds only its own fonts. The same exports are loaded from the real package on first use instead.
'use strict';

let fontModule;
let encodingModule;
const font = () => (fontModule ??= require('@pdf-lib/standard-fonts/lib/Font.js'));

module.exports = {
  get Font() {
    return font().Font;
  },
  get FontNames() {
    return font().FontNames;
  },
  get Encodings() {
    return (encodingModule ??= require('@pdf-lib/standard-fonts/lib/Encoding.js')).Encodings;
  },
};
