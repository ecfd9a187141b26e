/**
 * What the app's preflight panel knows about an asset: its bytes read the way the export will read them
 * (`checkAsset`: pixel cap, PNG checksums and data, JPEG data, placed PDFs parsed and checked), not only their
 * headers, so the panel never says "No problems found" about a picture the export then refuses.
 */
import { checkAsset } from '../../src-core/pdf/asset-check.js';
import type { ImageInfo } from '../../src-core/pdf/image-info.js';

/**
 * Facts about one asset's bytes for preflight. Decoded pixels are not kept: the export runs in the host, which
 * reads the bytes itself. Never throws: what the export could not read comes back with `problem`, one line.
 */
export function assetFacts(bytes: Uint8Array): Promise<ImageInfo> {
  return checkAsset(bytes, false);
}
