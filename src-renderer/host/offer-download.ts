/**
 * Browser mode hands a file to the user as a download: the bytes become an object URL on a temporary link with a
 * `download` name, clicked once. (The desktop app writes files where the user chose and needs none of this.)
 */

/**
 * How long the object URL outlives the click, in ms: the browser reads it asynchronously after the click, and
 * revoking it at once can cancel a large download.
 */
const OBJECT_URL_LIFETIME_MS = 60_000;

/**
 * Offers `bytes` as a download named `fileName` (no folder; the browser chooses where it goes).
 * @param doc the page's document (injected for tests)
 */
export function offerDownload(doc: Document, bytes: Uint8Array, fileName: string, mime = 'application/pdf'): void {
  const view = doc.defaultView;
  if (!view) throw new RangeError('There is no window to download into.');
  const url = view.URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
}
