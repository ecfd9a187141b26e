/**
 * The plant's ICC output profile for print exports: checked, then paired with a LittleCMS (lcms-wasm)
 * transform that separates RGB pictures for that press and paper.
 *
 * 1. Read the header with `readIccProfile` and require a CMYK output profile (clear errors otherwise).
 * 2. Open it in LittleCMS (one WebAssembly instance per process, loaded on first use from the package's
 *    own .wasm file) and build sRGB → profile, 8 bits per sample, relative colorimetric with black point
 *    compensation: in-gamut colours stay as measured and shadows map onto the paper's real black, the usual
 *    choice for newsprint pictures.
 * 3. For black-and-white pictures, a second transform, profile CMYK → CIE Lab (16 bits, relative colorimetric:
 *    paper is L* 100), gives the lightness of the 256 K-only tints and of any CMYK pixel on that press
 *    (`PressGrey`); src-core/pdf/mono-tone.ts turns those into each pixel's K.
 * 4. Transforms are cached per profile content, so a 32-page export opens the profile once.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { OutputProfile } from '../../src-core/pdf/export.js';
import type { PressGrey } from '../../src-core/pdf/mono-tone.js';
import { checkPrintOutputProfile, IccProfileError, readIccProfile } from '../../src-core/pdf/icc.js';
import type { MessageKey } from '../../src-core/i18n/messages/en.js';
import type { ServiceMessage, ServiceMessageValue } from '../../src-core/i18n/service-message.js';
import { readFileUpTo, type DiskError } from './disk.js';

/**
 * A profile that cannot serve as the plant's output profile. `message` in English (logs, tests); `uiMessage` the
 * same as a catalogue message (`service.profile.*`, `service.icc.*`), for the interface language.
 */
export class OutputProfileError extends Error {
  constructor(message: string, readonly uiMessage: ServiceMessage) {
    super(message);
    this.name = 'OutputProfileError';
  }
}

/** The colour engine, named in messages (a name, the same in every language). */
const ENGINE = 'LittleCMS';

/** An `OutputProfileError` with its English `message` and its catalogue line. */
function refusal(message: string, key: MessageKey, values?: Record<string, ServiceMessageValue>): OutputProfileError {
  return new OutputProfileError(message, values ? { key, values } : { key });
}

/** A profile's name for messages: its description, or "without a name" in the interface language. */
function profileName(description: string): ServiceMessageValue {
  return description || { key: 'service.profile.unnamed' };
}

/** The part of lcms-wasm's API used here. */
interface Lcms {
  cmsOpenProfileFromMem(bytes: Uint8Array, size: number): number;
  cmsCreate_sRGBProfile(): number;
  cmsCreateLab4Profile(whitePoint: null): number;
  cmsCreateTransform(input: number, inputFormat: number, output: number, outputFormat: number, intent: number, flags: number): number;
  cmsDoTransform(transform: number, input: Uint8Array, pixels: number): Uint8Array;
  cmsCloseProfile(profile: number): void;
}

/**
 * Largest profile file read, bytes. A press profile with its lookup tables is 0.5–3 MB; the largest (many-grid
 * device links) about 20 MB.
 */
export const MAX_PROFILE_FILE_BYTES = 64 * 1024 * 1024;
/** Largest LittleCMS WebAssembly file read (the package's own, about 0.5 MB). */
const MAX_WASM_BYTES = 32 * 1024 * 1024;

/** Pixels per cmsDoTransform call: bounds the WebAssembly heap a large photo needs at once. */
const PIXELS_PER_CALL = 1 << 20;

let lcmsInstance: Promise<{ lcms: Lcms; formats: { rgb8: number; cmyk8: number; lab16: number; intent: number; flags: number } }> | undefined;
const transforms = new Map<string, number>();
/** Profile content → its CMYK → Lab transform and the lightness of its K-only tints. */
const pressGreys = new Map<string, PressGrey>();

/** Top of a 16-bit L* sample (LittleCMS's v4 Lab encoding: 0xFFFF = L* 100). */
const LAB16_L_MAX = 0xffff;

async function loadLcms(modulesFrom: string): Promise<NonNullable<typeof lcmsInstance> extends Promise<infer T> ? T : never> {
  lcmsInstance ??= (async () => {
    const module = await import('lcms-wasm');
    const wasmPath = createRequire(modulesFrom).resolve('lcms-wasm/dist/lcms.wasm');
    const wasmBinary = await readFileUpTo(wasmPath, MAX_WASM_BYTES, () => refusal(`LittleCMS's ${wasmPath} is not its WebAssembly file; reinstall Folio`, 'service.profile.noEngine', { engine: ENGINE, path: wasmPath }));
    const lcms = (await module.instantiate({ wasmBinary })) as unknown as Lcms;
    return {
      lcms,
      formats: {
        rgb8: module.TYPE_RGB_8, cmyk8: module.TYPE_CMYK_8, lab16: module.TYPE_Lab_16,
        intent: module.INTENT_RELATIVE_COLORIMETRIC, flags: module.cmsFLAGS_BLACKPOINTCOMPENSATION,
      },
    };
  })();
  lcmsInstance.catch(() => (lcmsInstance = undefined));
  return lcmsInstance;
}

/**
 * Checks a plant profile and builds its RGB → CMYK transform.
 * @param bytes the .icc/.icm file's bytes
 * @param modulesFrom a file path or URL inside the app, from which node_modules/lcms-wasm is resolved
 * @throws OutputProfileError when the file is not a CMYK output profile or LittleCMS cannot open it
 */
export async function loadOutputProfile(bytes: Uint8Array, modulesFrom: string = import.meta.url): Promise<OutputProfile> {
  let info;
  try {
    info = readIccProfile(bytes);
    checkPrintOutputProfile(info);
  } catch (err) {
    const message = (err as Error).message;
    throw new OutputProfileError(message, err instanceof IccProfileError ? err.uiMessage : { key: 'service.detail', values: { detail: message } });
  }
  const key = createHash('sha256').update(bytes).digest('hex');
  const { lcms, formats } = await loadLcms(modulesFrom);
  let transform = transforms.get(key);
  if (transform === undefined) {
    const profile = lcms.cmsOpenProfileFromMem(bytes, bytes.byteLength);
    if (!profile) {
      throw refusal(`LittleCMS cannot read the profile "${info.description || 'without a name'}": it is damaged or uses tags it does not know`,
        'service.profile.unreadable', { engine: ENGINE, name: profileName(info.description) });
    }
    const srgb = lcms.cmsCreate_sRGBProfile();
    transform = lcms.cmsCreateTransform(srgb, formats.rgb8, profile, formats.cmyk8, formats.intent, formats.flags);
    lcms.cmsCloseProfile(srgb);
    lcms.cmsCloseProfile(profile);
    if (!transform) {
      throw refusal(`LittleCMS cannot convert RGB into the profile "${info.description || 'without a name'}" (it lacks the tables for that direction)`,
        'service.profile.noTransform', { engine: ENGINE, name: profileName(info.description) });
    }
    transforms.set(key, transform);
  }
  const handle = transform;
  let pressGrey = pressGreys.get(key);
  if (!pressGrey) {
    pressGrey = openPressGrey(lcms, formats, bytes, info.description);
    pressGreys.set(key, pressGrey);
  }
  return {
    bytes,
    info,
    pressGrey,
    convertRgb(rgb, pixelCount) {
      const out = new Uint8Array(pixelCount * 4);
      for (let start = 0; start < pixelCount; start += PIXELS_PER_CALL) {
        const count = Math.min(PIXELS_PER_CALL, pixelCount - start);
        out.set(lcms.cmsDoTransform(handle, rgb.subarray(start * 3, (start + count) * 3), count), start * 4);
      }
      return out;
    },
  };
}

/**
 * The profile's CMYK → Lab transform (relative colorimetric, no black point compensation: the press's own
 * lightness, paper = L* 100) as a `PressGrey`, with the K-only tints measured once.
 * @throws OutputProfileError when LittleCMS cannot build the transform
 */
function openPressGrey(lcms: Lcms, formats: { cmyk8: number; lab16: number; intent: number }, bytes: Uint8Array, description: string): PressGrey {
  const profile = lcms.cmsOpenProfileFromMem(bytes, bytes.byteLength);
  if (!profile) {
    throw refusal(`LittleCMS cannot read the profile "${description || 'without a name'}": it is damaged or uses tags it does not know`,
      'service.profile.unreadable', { engine: ENGINE, name: profileName(description) });
  }
  const lab = lcms.cmsCreateLab4Profile(null);
  const toLab = lcms.cmsCreateTransform(profile, formats.cmyk8, lab, formats.lab16, formats.intent, 0);
  lcms.cmsCloseProfile(lab);
  lcms.cmsCloseProfile(profile);
  if (!toLab) {
    throw refusal(`LittleCMS cannot read colours back out of the profile "${description || 'without a name'}" (it lacks the tables for that direction)`,
      'service.profile.noLab', { engine: ENGINE, name: profileName(description) });
  }
  const cmykLightness = (cmyk: Uint8Array, pixelCount: number): Float32Array => {
    const out = new Float32Array(pixelCount);
    for (let start = 0; start < pixelCount; start += PIXELS_PER_CALL) {
      const count = Math.min(PIXELS_PER_CALL, pixelCount - start);
      const labs = lcms.cmsDoTransform(toLab, cmyk.subarray(start * 4, (start + count) * 4), count) as unknown as Uint16Array;
      for (let i = 0; i < count; i++) out[start + i] = (labs[i * 3]! / LAB16_L_MAX) * 100;
    }
    return out;
  };
  const kTints = new Uint8Array(256 * 4);
  for (let k = 0; k < 256; k++) kTints[k * 4 + 3] = k;
  return { kLightness: Array.from(cmykLightness(kTints, 256)), cmykLightness };
}

/**
 * Reads a profile file from disk and loads it (`loadOutputProfile`).
 * @throws OutputProfileError for unreadable files, with the path
 */
export async function readOutputProfileFile(filePath: string, modulesFrom?: string): Promise<OutputProfile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFileUpTo(filePath, MAX_PROFILE_FILE_BYTES, (why) =>
      why.kind === 'folder'
        ? refusal(`The output profile ${filePath} is a folder, not a profile file`, 'service.profile.isFolder', { path: filePath })
        : why.kind === 'not-a-file'
          ? refusal(`The output profile ${filePath} is not an ordinary file (a named pipe or a device), so Folio does not read it`, 'service.profile.notOrdinary', { path: filePath })
          : refusal(`The output profile ${filePath} is ${(why.sizeBytes / 1024 / 1024).toFixed(1)} MB; profiles up to ${MAX_PROFILE_FILE_BYTES / 1024 / 1024} MB are read`,
            'service.profile.tooLarge', { path: filePath, sizeMb: (why.sizeBytes / 1024 / 1024).toFixed(1), maxMb: MAX_PROFILE_FILE_BYTES / 1024 / 1024 }));
  } catch (err) {
    if (err instanceof OutputProfileError) throw err;
    if ((err as DiskError).errno === 'ENOENT') {
      throw refusal(`The output profile ${filePath} cannot be read: there is no such file`, 'service.profile.noSuchFile', { path: filePath });
    }
    // The disk's own line (in the interface language when it has one) is the detail.
    const detail: ServiceMessageValue = (err as DiskError).uiMessage ?? (err as Error).message;
    throw refusal(`The output profile ${filePath} cannot be read: ${(err as Error).message}`, 'service.profile.cannotRead', { path: filePath, detail });
  }
  return loadOutputProfile(bytes, modulesFrom);
}
