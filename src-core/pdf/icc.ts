/**
 * ICC profiles as print staff hand them in: the plant's characterisation of its press and paper.
 *
 * 1. Check the 128-byte header (ICC.1:2022 §7.2): size, the `acsp` signature, device class, colour space
 *    and connection space. A print output intent needs an output (`prtr`) profile of CMYK.
 * 2. Read the description (`desc` tag): `textDescriptionType` in version 2 profiles, `multiLocalizedUnicodeType`
 *    (first record) in version 4, for the OutputIntent's /Info and messages.
 */

/** What the header and description say. */
export interface IccProfileInfo {
  /** Device class signature, e.g. 'prtr' (output), 'mntr' (display). */
  deviceClass: string;
  /** Data colour space signature, e.g. 'CMYK', 'RGB '. */
  colourSpace: string;
  /** Profile connection space: 'Lab ' or 'XYZ '. */
  connectionSpace: string;
  /** Major.minor version, e.g. '2.1', '4.3'. */
  version: string;
  /** The profile's own name (desc tag), or '' when it has none. */
  description: string;
  /** Number of colour components of the data colour space (4 for CMYK). */
  components: number;
}

const HEADER_BYTES = 128;
const SIGNATURE_OFFSET = 36;
const TAG_ENTRY_BYTES = 12;
/** Colour spaces a PDF OutputIntent profile may describe, with their component counts. */
const COMPONENTS: Record<string, number> = { 'CMYK': 4, 'RGB ': 3, 'GRAY': 1 };

/**
 * Reads and checks an ICC profile.
 * @throws RangeError naming what is wrong: not an ICC profile, truncated, or an unknown colour space
 */
export function readIccProfile(bytes: Uint8Array): IccProfileInfo {
  if (bytes.byteLength < HEADER_BYTES + 4) throw new RangeError(`This is not an ICC profile: ${bytes.byteLength} bytes is shorter than an ICC header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = (at: number): string => String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
  if (sig(SIGNATURE_OFFSET) !== 'acsp') throw new RangeError('This is not an ICC profile: the header has no "acsp" signature');
  const declared = view.getUint32(0);
  if (declared > bytes.byteLength) throw new RangeError(`The ICC profile is truncated: its header says ${declared} bytes, the file has ${bytes.byteLength}`);
  const colourSpace = sig(16);
  const components = COMPONENTS[colourSpace];
  if (!components) throw new RangeError(`The ICC profile's colour space "${colourSpace.trim()}" cannot describe printed output`);
  return {
    deviceClass: sig(12),
    colourSpace,
    connectionSpace: sig(20),
    version: `${bytes[8]}.${bytes[9] >> 4}`,
    description: readDescription(bytes, view, declared),
    components,
  };
}

/**
 * Checks that a profile can be a print OutputIntent's DestOutputProfile: an output profile of CMYK.
 * @throws RangeError with the reason when it cannot
 */
export function checkPrintOutputProfile(info: IccProfileInfo): void {
  if (info.colourSpace !== 'CMYK') throw new RangeError(`The output profile describes ${info.colourSpace.trim()}, not CMYK: a newspaper press needs a CMYK profile`);
  if (info.deviceClass !== 'prtr') throw new RangeError(`The profile is a "${info.deviceClass}" profile, not an output (printer) profile`);
}

function readDescription(bytes: Uint8Array, view: DataView, size: number): string {
  const count = view.getUint32(HEADER_BYTES);
  for (let i = 0; i < count; i++) {
    const entry = HEADER_BYTES + 4 + i * TAG_ENTRY_BYTES;
    if (entry + TAG_ENTRY_BYTES > size) break;
    if (String.fromCharCode(bytes[entry], bytes[entry + 1], bytes[entry + 2], bytes[entry + 3]) !== 'desc') continue;
    const at = view.getUint32(entry + 4);
    const length = view.getUint32(entry + 8);
    if (at + length > size || length < 12) return '';
    const type = String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
    if (type === 'desc') {
      // textDescriptionType: uint32 ASCII count (with its NUL), then the ASCII text.
      const n = view.getUint32(at + 8);
      let text = '';
      for (let j = 0; j < n - 1 && at + 12 + j < at + length; j++) text += String.fromCharCode(bytes[at + 12 + j]);
      return text.trim();
    }
    if (type === 'mluc') {
      // multiLocalizedUnicodeType: records of (language, country, length, offset) into UTF-16BE text.
      if (view.getUint32(at + 8) === 0) return '';
      const textLength = view.getUint32(at + 16 + 4);
      const textOffset = view.getUint32(at + 16 + 8);
      let text = '';
      for (let j = 0; j + 1 < textLength && at + textOffset + j + 1 < at + length; j += 2) text += String.fromCharCode(view.getUint16(at + textOffset + j));
      return text.trim();
    }
    return '';
  }
  return '';
}
