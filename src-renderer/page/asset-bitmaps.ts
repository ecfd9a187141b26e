/**
 * Asset bytes → a bitmap the content layer can draw. Photos are decoded by the browser; placed PDFs (adverts)
 * are rendered with pdf.js, page 1, cut to its TrimBox — the same box the PDF exporter places — so the canvas
 * shows exactly the part of the advert that prints. Screen only: the exporter embeds the PDF untouched.
 *
 * 1. PNG/JPEG: `createImageBitmap` on the bytes (scaled down beyond SCREEN_MAX_IMAGE_PIXELS; drawing scales
 *    the bitmap into the placed rectangle anyway, so a smaller bitmap shows the same picture).
 * 2. TIFF (browsers do not decode it): decoded here as the export decodes it (`decodeTiffChecked`), CMYK shown
 *    as a plain PDF viewer shows DeviceCMYK (`cmykToRgbPixels`), then made a bitmap from its RGBA pixels.
 * 3. PDF: read page 1's TrimBox with pdf-lib (pdf.js does not expose it), render the page with pdf.js at a
 *    resolution fine enough for close zoom but bounded in memory, then copy the TrimBox's pixels into a bitmap.
 *    Annotations are not drawn (`AnnotationMode.DISABLE`): the print export strips them from placed PDFs, so an
 *    advert's link boxes, form fields or stamps would show on screen what never prints.
 */
import { serviceMessage, ServiceRangeError } from '../../src-core/i18n/service-message.js';
import { decodeTiffChecked } from '../../src-core/pdf/asset-check.js';
import { readImageInfo } from '../../src-core/pdf/image-info.js';
import { cmykToRgbPixels } from '../../src-core/pdf/tiff.js';

/**
 * Resolution of a rendered advert, pixels per point: 300 ppi at placed size 100 % (÷ 72), enough for
 * 200 % zoom on a HiDPI screen …
 */
const PDF_RENDER_PX_PER_PT = 300 / 72;
/** … but never more than 12 megapixels per advert (48 MB of RGBA): a full-page ad stays affordable. */
const PDF_RENDER_MAX_PIXELS = 12_000_000;
/**
 * Photos larger than 16 megapixels are decoded scaled down for the screen (64 MB of RGBA each; a broadsheet
 * page at 200 % on a HiDPI screen needs fewer pixels than that). The PDF export always uses the original.
 */
const SCREEN_MAX_IMAGE_PIXELS = 16_000_000;

/**
 * Decodes asset bytes for the screen.
 * @throws RangeError when the bytes are not a PNG, JPEG or PDF, or cannot be decoded
 */
export async function decodeAssetBitmap(bytes: Uint8Array, mime: string): Promise<ImageBitmap> {
  const info = readImageInfo(bytes);
  if (info.format === 'pdf') return renderPdfAsset(bytes);
  const pixels = (info.widthPx ?? 0) * (info.heightPx ?? 0);
  const shrink = pixels > SCREEN_MAX_IMAGE_PIXELS ? Math.sqrt(SCREEN_MAX_IMAGE_PIXELS / pixels) : 1;
  const options: ImageBitmapOptions = shrink < 1 && info.widthPx && info.heightPx
    ? { resizeWidth: Math.round(info.widthPx * shrink), resizeHeight: Math.round(info.heightPx * shrink), resizeQuality: 'high' }
    : {};
  if (info.format === 'tiff') return tiffBitmap(bytes, options);
  if (info.format === 'png' || info.format === 'jpeg') {
    try {
      return await createImageBitmap(new Blob([bytes as BlobPart], { type: mime }), options);
    } catch (err) {
      throw new ServiceRangeError(serviceMessage('service.picture.notDecoded', { format: info.format.toUpperCase(), detail: (err as Error).message }), { cause: err });
    }
  }
  throw new ServiceRangeError(serviceMessage('service.picture.unknownFormat', { mime }));
}

/** A TIFF's pixels as a bitmap (step 2). */
async function tiffBitmap(bytes: Uint8Array, options: ImageBitmapOptions): Promise<ImageBitmap> {
  let rgba: Uint8ClampedArray<ArrayBuffer>;
  let widthPx: number;
  let heightPx: number;
  try {
    // Not kept: the export runs in the host, which decodes its own copy.
    const tiff = decodeTiffChecked(bytes, undefined, false);
    ({ widthPx, heightPx } = tiff);
    const count = widthPx * heightPx;
    const channels = tiff.colour === 'grey' ? 1 : 3;
    const samples = tiff.colour === 'cmyk' ? cmykToRgbPixels(tiff.pixels, count) : tiff.pixels;
    // Grey repeats its one sample for R, G and B.
    const green = channels === 3 ? 1 : 0;
    const blue = channels === 3 ? 2 : 0;
    rgba = new Uint8ClampedArray(count * 4);
    for (let i = 0; i < count; i++) {
      rgba[i * 4] = samples[i * channels]!;
      rgba[i * 4 + 1] = samples[i * channels + green]!;
      rgba[i * 4 + 2] = samples[i * channels + blue]!;
      rgba[i * 4 + 3] = 255;
    }
  } catch (err) {
    throw new ServiceRangeError(serviceMessage('service.picture.notDecoded', { format: 'TIFF', detail: (err as Error).message }), { cause: err });
  }
  return createImageBitmap(new ImageData(rgba, widthPx, heightPx), options);
}

/** Page 1's TrimBox in PDF user space (points, bottom-left origin). */
async function readTrimBox(bytes: Uint8Array): Promise<{ x: number; y: number; width: number; height: number }> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  return doc.getPage(0).getTrimBox();
}

/**
 * Renders page 1 of a placed PDF, cut to its TrimBox.
 * @throws RangeError when pdf.js or pdf-lib cannot read the file
 */
export async function renderPdfAsset(bytes: Uint8Array): Promise<ImageBitmap> {
  let trim: { x: number; y: number; width: number; height: number };
  try {
    trim = await readTrimBox(bytes);
  } catch (err) {
    throw new ServiceRangeError(serviceMessage('service.picture.pdfUnreadable', { detail: (err as Error).message }), { cause: err });
  }
  const pdfjs = await import('pdfjs-dist');
  const { default: workerUrl } = await import('pdfjs-dist/build/pdf.worker.min.mjs?url');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  // pdf.js transfers the buffer it is given to its worker: hand it a copy, the caller keeps the bytes.
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, enableXfa: false });
  try {
    const pdf = await task.promise;
    const page = await pdf.getPage(1);
    const scale = Math.min(PDF_RENDER_PX_PER_PT, Math.sqrt(PDF_RENDER_MAX_PIXELS / (trim.width * trim.height)));
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    await page.render({ canvas, viewport, annotationMode: pdfjs.AnnotationMode.DISABLE }).promise;
    // The TrimBox's corners in canvas pixels (the viewport applies the crop box origin, flip and rotation).
    const [x1, y1] = viewport.convertToViewportPoint(trim.x, trim.y);
    const [x2, y2] = viewport.convertToViewportPoint(trim.x + trim.width, trim.y + trim.height);
    const sx = Math.round(Math.min(x1, x2));
    const sy = Math.round(Math.min(y1, y2));
    const sw = Math.max(1, Math.round(Math.abs(x2 - x1)));
    const sh = Math.max(1, Math.round(Math.abs(y2 - y1)));
    const bitmap = await createImageBitmap(canvas, sx, sy, sw, sh);
    page.cleanup();
    return bitmap;
  } catch (err) {
    throw new ServiceRangeError(serviceMessage('service.picture.pdfNotRendered', { detail: (err as Error).message }), { cause: err });
  } finally {
    void task.destroy();
  }
}
