/**
 * What a placed PDF (an ad, a graphic) contains that matters for PDF/X-1a: RGB colour,
 * transparency and fonts that are not embedded, and the active content (scripts, actions, annotations,
 * embedded files) the exporter strips. The exporter embeds the printed content unchanged, so preflight must
 * catch these.
 *
 * 1. Read and check the file as the exporter does (`readPlacedPdf`: encrypted files, page trees and forms that
 *    loop are refused; its active content noted).
 * 2. Walk every object: colour spaces named in dictionaries (DeviceRGB/CalRGB, ICCBased with N = 3,
 *    DeviceCMYK, ICCBased with N = 4), ExtGStates with soft masks, alpha below 1 or blend modes,
 *    and images with /SMask.
 * 3. Decode page and form content streams and look for colour operators (`rg`/`RG` RGB,
 *    `k`/`K` CMYK, `g`/`G` grey).
 * 4. Every font dictionary except Type 3 (whose glyphs are content streams) needs a font program in
 *    its descriptor (FontFile, FontFile2 or FontFile3; Type 0 fonts through their descendant):
 *    PDF/X requires every font embedded, and the press has no fonts to substitute.
 */
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';
import type { ImageColour } from './image-info.js';
import { readPlacedPdf, type ActiveContent } from './placed-pdf.js';

/** Facts about a placed PDF. */
export interface PdfAssetFacts {
  /** 'rgb' when anything is RGB (even if CMYK is present too); else 'cmyk', 'grey' or 'unknown'. */
  colour: ImageColour;
  /** Soft masks, constant alpha below 1 or non-normal blend modes (forbidden in PDF/X-1a). */
  transparency: boolean;
  pageCount: number;
  /** BaseFont names of fonts used without an embedded font program, sorted, without subset prefixes. */
  unembeddedFonts: string[];
  /** Scripts, actions, annotations and embedded files the file carries (stripped on export), sorted. */
  activeContent: ActiveContent[];
}

/** Content-stream colour operators, as whole tokens. */
const RGB_OPERATOR = /(?:^|\s)(?:rg|RG)(?=\s|$)/;
const CMYK_OPERATOR = /(?:^|\s)(?:k|K)(?=\s|$)/;
const GREY_OPERATOR = /(?:^|\s)(?:g|G)(?=\s|$)/;
/** Blend modes that are not transparency. */
const OPAQUE_BLEND_MODES = new Set(['Normal', 'Compatible']);
/** Nesting depth of direct dictionaries walked inside one object (resources sit two or three deep). */
const MAX_DICT_DEPTH = 6;
/** Content streams larger than this are only checked for their colour-space resources (decoding cost). */
const MAX_SCANNED_CONTENT_BYTES = 8 * 1024 * 1024;

/**
 * Inspects a placed PDF.
 * @throws RangeError (from `readPlacedPdf`) when the exporter could not place the file, saying why
 */
export async function inspectPdfAsset(bytes: Uint8Array): Promise<PdfAssetFacts> {
  const placed = await readPlacedPdf(bytes);
  const doc = placed.doc;
  const found = { rgb: false, cmyk: false, grey: false, transparency: false };
  const unembedded = new Set<string>();
  const lookup = (o: PDFObject | undefined): PDFObject | undefined => (o instanceof PDFRef ? doc.context.lookup(o) : o);

  const noteColourSpace = (cs: PDFObject | undefined): void => {
    const value = lookup(cs);
    if (value instanceof PDFName) {
      const name = value.asString();
      if (name === '/DeviceRGB' || name === '/CalRGB') found.rgb = true;
      else if (name === '/DeviceCMYK') found.cmyk = true;
      else if (name === '/DeviceGray' || name === '/CalGray') found.grey = true;
    } else if (value instanceof PDFArray && value.size() > 0) {
      const family = lookup(value.get(0));
      const familyName = family instanceof PDFName ? family.asString() : '';
      if (familyName === '/ICCBased') {
        const profile = lookup(value.get(1));
        const n = profile instanceof PDFStream ? lookup(profile.dict.get(PDFName.of('N'))) : undefined;
        const channels = n instanceof PDFNumber ? n.asNumber() : 0;
        if (channels === 3) found.rgb = true;
        else if (channels === 4) found.cmyk = true;
        else if (channels === 1) found.grey = true;
      } else if (familyName === '/Indexed') {
        noteColourSpace(value.get(1));
      } else if (familyName === '/CalRGB') {
        found.rgb = true;
      } else if (familyName === '/Separation' || familyName === '/DeviceN') {
        noteColourSpace(value.get(2));
      }
    }
  };

  // Direct dictionaries nest (a page's /Resources holds its /ExtGState and /ColorSpace dicts inline).
  const visitDict = (dict: PDFDict, depth: number): void => {
    const type = lookup(dict.get(PDFName.of('Type')));
    const subtype = lookup(dict.get(PDFName.of('Subtype')));
    noteColourSpace(dict.get(PDFName.of('ColorSpace')));
    // Resource dictionaries name their colour spaces: /ColorSpace << /CS0 [/ICCBased …] >>.
    const resourceSpaces = lookup(dict.get(PDFName.of('ColorSpace')));
    if (resourceSpaces instanceof PDFDict) for (const [, cs] of resourceSpaces.entries()) noteColourSpace(cs);
    const isExtGState = (type instanceof PDFName && type.asString() === '/ExtGState') ||
      (['CA', 'ca', 'SMask', 'BM'].some((k) => dict.get(PDFName.of(k)) !== undefined) && !(subtype instanceof PDFName && subtype.asString() === '/Image'));
    if (isExtGState) noteExtGState(dict, lookup, found);
    if (subtype instanceof PDFName && subtype.asString() === '/Image' && dict.get(PDFName.of('SMask'))) found.transparency = true;
    if (depth >= MAX_DICT_DEPTH) return;
    for (const [, value] of dict.entries()) {
      if (value instanceof PDFDict) visitDict(value, depth + 1);
      else if (value instanceof PDFArray) for (const item of value.asArray()) if (item instanceof PDFDict) visitDict(item, depth + 1);
    }
  };

  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
    if (!dict) continue;
    visitDict(dict, 0);
    const missingFont = unembeddedFontName(dict, lookup);
    if (missingFont) unembedded.add(missingFont);
    const subtype = lookup(dict.get(PDFName.of('Subtype')));
    if (subtype instanceof PDFName && subtype.asString() === '/Form' && object instanceof PDFRawStream) scanContent(object, found);
  }
  // Page 1 is what is placed, and its content is already decoded.
  scanText(placed.content, found);
  const colour: ImageColour = found.rgb ? 'rgb' : found.cmyk ? 'cmyk' : found.grey ? 'grey' : 'unknown';
  return { colour, transparency: found.transparency, pageCount: placed.pageCount, unembeddedFonts: [...unembedded].sort(), activeContent: placed.activeContent };
}

const FONT_PROGRAM_KEYS = ['FontFile', 'FontFile2', 'FontFile3'];

/** The BaseFont of a font dictionary without an embedded program (subset prefix dropped), else undefined. */
function unembeddedFontName(dict: PDFDict, lookup: (o: PDFObject | undefined) => PDFObject | undefined): string | undefined {
  const nameOf = (o: PDFObject | undefined): string => {
    const v = lookup(o);
    return v instanceof PDFName ? v.asString().slice(1) : '';
  };
  if (nameOf(dict.get(PDFName.of('Type'))) !== 'Font') return undefined;
  const subtype = nameOf(dict.get(PDFName.of('Subtype')));
  // Type 3 glyphs are content streams; CIDFonts are checked through the Type 0 font that uses them.
  if (subtype === 'Type3' || subtype === 'CIDFontType0' || subtype === 'CIDFontType2') return undefined;
  let described = dict;
  if (subtype === 'Type0') {
    const descendants = lookup(dict.get(PDFName.of('DescendantFonts')));
    const first = descendants instanceof PDFArray ? lookup(descendants.get(0)) : undefined;
    if (!(first instanceof PDFDict)) return nameOf(dict.get(PDFName.of('BaseFont'))).replace(/^[A-Z]{6}\+/, '') || 'a Type 0 font';
    described = first;
  }
  const descriptor = lookup(described.get(PDFName.of('FontDescriptor')));
  const embedded = descriptor instanceof PDFDict && FONT_PROGRAM_KEYS.some((k) => lookup(descriptor.get(PDFName.of(k))) instanceof PDFStream);
  if (embedded) return undefined;
  return nameOf(dict.get(PDFName.of('BaseFont'))).replace(/^[A-Z]{6}\+/, '') || 'an unnamed font';
}

function noteExtGState(dict: PDFDict, lookup: (o: PDFObject | undefined) => PDFObject | undefined, found: { transparency: boolean }): void {
  for (const key of ['CA', 'ca']) {
    const alpha = lookup(dict.get(PDFName.of(key)));
    if (alpha instanceof PDFNumber && alpha.asNumber() < 1) found.transparency = true;
  }
  const smask = lookup(dict.get(PDFName.of('SMask')));
  if (smask && !(smask instanceof PDFName && smask.asString() === '/None')) found.transparency = true;
  const blend = lookup(dict.get(PDFName.of('BM')));
  const modes = blend instanceof PDFArray ? blend.asArray().map(lookup) : [blend];
  for (const mode of modes) {
    if (mode instanceof PDFName && !OPAQUE_BLEND_MODES.has(mode.asString().slice(1))) found.transparency = true;
  }
}

function scanContent(stream: PDFRawStream, found: { rgb: boolean; cmyk: boolean; grey: boolean }): void {
  if (stream.contents.length > MAX_SCANNED_CONTENT_BYTES) return;
  let bytes: Uint8Array;
  try {
    bytes = decodePDFRawStream(stream).decode();
  } catch {
    return; // An undecodable stream (unsupported filter) says nothing about colour.
  }
  scanText(bytes, found);
}

function scanText(bytes: Uint8Array, found: { rgb: boolean; cmyk: boolean; grey: boolean }): void {
  if (bytes.length > MAX_SCANNED_CONTENT_BYTES) return;
  let text = '';
  // Latin-1 decode in chunks (operators are ASCII; fromCharCode on huge arrays overflows the stack).
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  if (RGB_OPERATOR.test(text)) found.rgb = true;
  if (CMYK_OPERATOR.test(text)) found.cmyk = true;
  if (GREY_OPERATOR.test(text)) found.grey = true;
}
