/** Placed PDFs on screen show what print shows: pdf.js draws no annotations (issue 13). */
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';

const render = vi.fn((_params: Record<string, unknown>) => ({ promise: Promise.resolve() }));

vi.mock('pdfjs-dist/build/pdf.worker.min.mjs?url', () => ({ default: 'pdf.worker.js' }));
vi.mock('pdfjs-dist', async () => {
  // The real constants (from the Node build of the same version), with a document that records how it is drawn.
  const { AnnotationMode } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const page = {
    getViewport: ({ scale }: { scale: number }) => ({
      width: 100 * scale, height: 50 * scale,
      convertToViewportPoint: (x: number, y: number) => [x * scale, (50 - y) * scale],
    }),
    render,
    cleanup: () => undefined,
  };
  return {
    AnnotationMode,
    GlobalWorkerOptions: { workerSrc: '' },
    getDocument: () => ({ promise: Promise.resolve({ getPage: async () => page }), destroy: async () => undefined }),
  };
});

afterEach(() => vi.unstubAllGlobals());

describe('renderPdfAsset', () => {
  it('renders an advert PDF with annotations disabled, as the print export strips them', async () => {
    vi.stubGlobal('document', { createElement: () => ({ width: 0, height: 0 }) });
    vi.stubGlobal('createImageBitmap', async () => ({ width: 1, height: 1 }));
    const pdf = await PDFDocument.create();
    pdf.addPage([100, 50]);
    const { renderPdfAsset } = await import('../../../src-renderer/page/asset-bitmaps.js');
    await renderPdfAsset(await pdf.save());
    const { AnnotationMode } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    expect(render).toHaveBeenCalledTimes(1);
    expect(render.mock.calls[0]?.[0]).toMatchObject({ annotationMode: AnnotationMode.DISABLE });
  });
});
