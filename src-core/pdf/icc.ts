/**
 * ICC profiles as print staff hand them in: the plant's characterisation of its press and paper.
 *
 * 1. Check the 128-byte header (ICC.1:2022 §7.2): size, the `acsp` signature, device class, colour space
 *    and connection space. A print output intent needs an output (`prtr`) profile of CMYK.
 * 2. Read the description (`desc` tag): `textDescriptionType` in version 2 profiles, `multiLocalizedUnicodeType`
 *    (first record) in version 4, for the OutputIntent's /Info and messages.
 */
import type { MessageKey } from '../i18n/messages/en.js';
import type { ServiceMessage, ServiceMessageValue } from '../i18n/service-message.js';

/**
 * A file that is not a usable ICC profile: `message` in English (logs), `uiMessage` the same as a catalogue
 * message (`service.icc.*`) for the interface language.
 */
export class IccProfileError extends RangeError {
  constructor(message: string, readonly uiMessage: ServiceMessage) {
    super(message);
    this.name = 'IccProfileError';
  }
}

/** An `IccProfileError` with its English `message` and its catalogue line. */
function refusal(message: string, key: MessageKey, values?: Record<string, ServiceMessageValue>): IccProfileError {
  return new IccProfileError(message, values ? { key, values } : { key });
}

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
 * @throws IccProfileError (a RangeError) naming what is wrong: not an ICC profile, truncated, or an unknown colour space
 */
export function readIccProfile(bytes: Uint8Array): IccProfileInfo {
  if (bytes.byteLength < HEADER_BYTES + 4) throw refusal(`This is not an ICC profile: ${bytes.byteLength} bytes is shorter than an ICC header`, 'service.icc.tooShort', { sizeBytes: bytes.byteLength });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = (at: number): string => String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
  if (sig(SIGNATURE_OFFSET) !== 'acsp') throw refusal('This is not an ICC profile: the header has no "acsp" signature', 'service.icc.noSignature', { signature: 'acsp' });
  const declared = view.getUint32(0);
  if (declared > bytes.byteLength) throw refusal(`The ICC profile is truncated: its header says ${declared} bytes, the file has ${bytes.byteLength}`, 'service.icc.truncated', { declaredBytes: declared, sizeBytes: bytes.byteLength });
  const colourSpace = sig(16);
  const components = COMPONENTS[colourSpace];
  if (!components) throw refusal(`The ICC profile's colour space "${colourSpace.trim()}" cannot describe printed output`, 'service.icc.unknownSpace', { space: colourSpace.trim() });
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
 * @throws IccProfileError (a RangeError) with the reason when it cannot
 */
export function checkPrintOutputProfile(info: IccProfileInfo): void {
  if (info.colourSpace !== 'CMYK') throw refusal(`The output profile describes ${info.colourSpace.trim()}, not CMYK: a newspaper press needs a CMYK profile`, 'service.icc.notCmyk', { space: info.colourSpace.trim() });
  if (info.deviceClass !== 'prtr') throw refusal(`The profile is a "${info.deviceClass}" profile, not an output (printer) profile`, 'service.icc.notOutput', { deviceClass: info.deviceClass });
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
