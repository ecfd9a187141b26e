/**
 * The part of lcms-wasm (LittleCMS compiled to WebAssembly, no bundled types) that output-profile.ts uses.
 * Handles are WebAssembly heap pointers (numbers; 0 = failure).
 */
declare module 'lcms-wasm' {
  /** Instantiates LittleCMS; `wasmBinary` passes the .wasm bytes instead of locating the file. */
  export function instantiate(options?: { wasmBinary?: Uint8Array }): Promise<unknown>;
  /** 8-bit interleaved RGB pixel format. */
  export const TYPE_RGB_8: number;
  /** 8-bit interleaved CMYK pixel format (255 = 100 % ink). */
  export const TYPE_CMYK_8: number;
  /** CIE Lab, 16 bits per sample (v4 encoding: L* 0–100 as 0–0xFFFF). */
  export const TYPE_Lab_16: number;
  export const INTENT_RELATIVE_COLORIMETRIC: number;
  export const cmsFLAGS_BLACKPOINTCOMPENSATION: number;
}
