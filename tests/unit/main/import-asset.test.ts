import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FolioDocument, ImageFrame } from '../../../src-core/model/document.js';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { HOST_CHANNEL_NAMES } from '../../../src-main/ipc/channels.js';
import { startServer } from '../../../src-main/server/server.js';
import { hostFromServices } from '../../../src-main/services/dispatch.js';
import { MAX_IMPORT_BYTES } from '../../../src-main/services/import-asset.js';
import type { Services } from '../../../src-main/services/services.js';
import { GHOSTSCRIPT_CMYK_ICC, GHOSTSCRIPT_RGB_ICC } from '../pdf/fixtures.js';
import { adobeCmykJpeg, placedPdf, rgbJpeg, twoColourRgbPng } from '../pdf/test-assets.js';
import { SAMPLE_BYTES, servicesFor, tempDir } from './helpers.js';

let ws: { dir: string; cleanup: () => void };
let services: Services;

beforeEach(() => {
  ws = tempDir('folio-import-');
  writeFileSync(path.join(ws.dir, 'front.folio'), SAMPLE_BYTES);
  services = servicesFor(ws.dir);
});
afterEach(async () => {
  await services.dispose();
  ws.cleanup();
});

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

const write = (name: string, bytes: Uint8Array | string) => writeFileSync(path.join(ws.dir, name), bytes);

describe('importAsset', () => {
  it('reads a PNG, a JPEG and a PDF by content: pixel size, colour, PDF TrimBox; same bytes give the same id', async () => {
    const host = hostFromServices(services);
    const opened = ok(await host.openDocument({ path: 'front.folio' }));
    write('photo.png', twoColourRgbPng(300, 200, [255, 0, 0], [0, 0, 255]));
    write('portrait.jpg', rgbJpeg(40, 60, [10, 200, 30]));
    write('cmyk.jpg', adobeCmykJpeg([{ c: 0, m: 1, y: 0, k: 0 }]));
    write('ad.pdf', await placedPdf({ c: 0, m: 0, y: 1, k: 0 }));
    // A PNG named .jpg is still a PNG: the content decides.
    write('misnamed.jpg', twoColourRgbPng(300, 200, [255, 0, 0], [0, 0, 255]));

    const png = ok(await host.importAsset({ handle: opened.handle, path: 'photo.png' }));
    expect(png).toMatchObject({ format: 'png', colour: 'rgb', asset: { mime: 'image/png', widthPx: 300, heightPx: 200 } });
    expect(png.asset.id).toMatch(/^img-[0-9a-f]{12}$/);
    expect(png.asset.path).toBe(`assets/${png.asset.id}.png`);
    const jpg = ok(await host.importAsset({ handle: opened.handle, path: 'portrait.jpg' }));
    expect(jpg).toMatchObject({ format: 'jpeg', colour: 'rgb', asset: { mime: 'image/jpeg', widthPx: 40, heightPx: 60 } });
    const cmyk = ok(await host.importAsset({ handle: opened.handle, path: 'cmyk.jpg' }));
    expect(cmyk).toMatchObject({ format: 'jpeg', colour: 'cmyk', asset: { widthPx: 8, heightPx: 8 } });
    const pdf = ok(await host.importAsset({ handle: opened.handle, path: 'ad.pdf' }));
    // placedPdf: media 200 × 100 with a TrimBox inset 10 pt → 180 × 80.
    expect(pdf).toMatchObject({ format: 'pdf', pageCount: 1, asset: { mime: 'application/pdf', widthPt: 180, heightPt: 80 } });
    expect(pdf.asset.widthPx).toBeUndefined();
    const again = ok(await host.importAsset({ handle: opened.handle, path: 'misnamed.jpg' }));
    expect(again.asset.id).toBe(png.asset.id);
    expect(again.format).toBe('png');

    // The open document's store serves the bytes at once (the renderer draws them before any save).
    const loaded = ok(await host.loadAsset({ handle: opened.handle, assetId: png.asset.id }));
    expect(loaded.mime).toBe('image/png');
    expect(Buffer.from(loaded.bytes).subarray(1, 4).toString()).toBe('PNG');
  });

  it('saves placed assets into the .folio and the export embeds them', async () => {
    const host = hostFromServices(services);
    const opened = ok(await host.openDocument({ path: 'front.folio' }));
    write('photo.png', twoColourRgbPng(120, 80, [255, 0, 0], [0, 0, 255]));
    const { asset } = ok(await host.importAsset({ handle: opened.handle, path: 'photo.png' }));
    const page = opened.document.pages[0];
    const frame: ImageFrame = { kind: 'image', id: 'placed-photo', xPt: 50, yPt: 50, widthPt: 120, heightPt: 80, locked: false, assetId: asset.id, fit: 'fill', offsetXPt: 0, offsetYPt: 0, scale: 1 };
    const doc: FolioDocument = {
      ...opened.document,
      assets: { ...opened.document.assets, [asset.id]: asset },
      pages: [{ ...page, frames: [...page.frames, frame] }, ...opened.document.pages.slice(1)],
    };
    ok(await host.saveDocument({ handle: opened.handle, document: doc }));
    const { readFileSync } = await import('node:fs');
    const unpacked = unpackFolio(new Uint8Array(readFileSync(path.join(ws.dir, 'front.folio'))));
    expect(unpacked.document.assets[asset.id]).toMatchObject({ widthPx: 120, heightPx: 80 });
    expect(unpacked.assets.get(asset.path)?.length).toBeGreaterThan(0);
  });

  it('refuses non-images, damaged files, oversize files, paths outside the workspace and unknown handles', async () => {
    const host = hostFromServices(services);
    const opened = ok(await host.openDocument({ path: 'front.folio' }));
    write('notes.png', 'this is text, not a picture');
    const good = twoColourRgbPng(64, 64, [0, 0, 0], [255, 255, 255]);
    write('cut.png', good.subarray(0, 20));
    write('cut.jpg', rgbJpeg(16, 16, [0, 0, 0]).subarray(0, 10));
    write('broken.pdf', '%PDF-1.7\nnothing else here');
    write('empty.jpg', new Uint8Array(0));
    write('huge.jpg', new Uint8Array(0));
    truncateSync(path.join(ws.dir, 'huge.jpg'), MAX_IMPORT_BYTES + 1);

    const refuse = async (p: string, code: string, message: RegExp) => {
      const r = await host.importAsset({ handle: opened.handle, path: p });
      expect(r, p).toMatchObject({ ok: false, error: { code } });
      if (!r.ok) expect(r.error.message, p).toMatch(message);
    };
    await refuse('notes.png', 'invalid-file', /not a JPEG, PNG, TIFF or PDF/);
    await refuse('cut.png', 'invalid-file', /damaged PNG/);
    await refuse('cut.jpg', 'invalid-file', /damaged JPEG/);
    await refuse('broken.pdf', 'invalid-file', /cannot be placed: the PDF is damaged/);
    await refuse('empty.jpg', 'invalid-file', /empty/);
    await refuse('huge.jpg', 'bad-request', /up to 50 MB/);
    await refuse('missing.png', 'not-found', /does not exist/);
    await refuse('../outside.png', 'forbidden', /climbs out/);
    await refuse('/etc/passwd', 'forbidden', /outside the workspace/);
    const unknown = await host.importAsset({ handle: 'AAAAAAAAAAAAAAAA', path: 'notes.png' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const badPayload = await host.importAsset({ handle: opened.handle } as never);
    expect(badPayload).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('refuses placing into a read-only document', async () => {
    const host = hostFromServices(services);
    const viewer = ok(await host.openDocument({ path: 'front.folio', readOnly: true }));
    write('photo.png', twoColourRgbPng(10, 10, [0, 0, 0], [255, 255, 255]));
    const r = await host.importAsset({ handle: viewer.handle, path: 'photo.png' });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('importAsset over the browser-mode HTTP server', () => {
  it('is a host channel of IPC and HTTP alike, with the token, origin and payload refusals of every route', async () => {
    expect(HOST_CHANNEL_NAMES).toContain('importAsset');
    const server = await startServer({ port: 0, services, rendererDir: ws.dir, token: 'import-test-token' });
    try {
      const host = hostFromServices(services);
      const opened = ok(await host.openDocument({ path: 'front.folio' }));
      write('photo.png', twoColourRgbPng(30, 20, [255, 0, 0], [0, 0, 255]));
      const post = (body: unknown, headers: Record<string, string> = {}) =>
        fetch(`http://127.0.0.1:${server.port}/api/importAsset`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-folio-token': 'import-test-token', ...headers },
          body: JSON.stringify(body),
        });
      const good = await post({ handle: opened.handle, path: 'photo.png' });
      expect(good.status).toBe(200);
      expect(await good.json()).toMatchObject({ ok: true, value: { format: 'png', asset: { widthPx: 30, heightPx: 20 } } });
      expect((await post({ handle: opened.handle, path: 'photo.png' }, { 'x-folio-token': 'wrong' })).status).toBe(401);
      expect((await post({ handle: opened.handle, path: 'photo.png' }, { origin: 'http://evil.example' })).status).toBe(403);
      expect((await post({ handle: opened.handle })).status).toBe(400);
      const outside = await post({ handle: opened.handle, path: '../../etc/passwd' });
      expect(await outside.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      await server.close();
    }
  });

  it('imports the plant profile as an ICC asset (CMYK printer profiles only), and export uses it', async () => {
    const host = hostFromServices(services);
    const opened = ok(await host.openDocument({ path: 'front.folio' }));
    write('plant.icc', readFileSync(GHOSTSCRIPT_CMYK_ICC));
    write('screen.icc', readFileSync(GHOSTSCRIPT_RGB_ICC));
    write('photo.png', twoColourRgbPng(30, 20, [255, 0, 0], [0, 0, 255]));
    const imported = ok(await host.importAsset({ handle: opened.handle, path: 'plant.icc', as: 'output-profile' }));
    expect(imported).toMatchObject({ format: 'icc', description: 'Artifex CMYK SWOP Profile', asset: { mime: 'application/vnd.iccprofile' } });
    expect(imported.asset.id).toMatch(/^icc-[0-9a-f]{12}$/);
    // SWOP's rich black (C 184, M 173, Y 171, K 226 of 255) is 296 % total ink: more than newsprint takes.
    expect(imported.asset.totalInkPct).toBe(296);
    const rgb = await host.importAsset({ handle: opened.handle, path: 'screen.icc', as: 'output-profile' });
    expect(rgb).toMatchObject({ ok: false, error: { message: expect.stringMatching(/screen\.icc" cannot be the output profile: .*not CMYK/) } });
    // A picture is not a profile, and a profile is not a picture.
    expect(await host.importAsset({ handle: opened.handle, path: 'photo.png', as: 'output-profile' })).toMatchObject({ ok: false });
    expect(await host.importAsset({ handle: opened.handle, path: 'plant.icc' })).toMatchObject({ ok: false });

    const document: FolioDocument = { ...opened.document, assets: { ...opened.document.assets, [imported.asset.id]: imported.asset }, outputProfileAssetId: imported.asset.id };
    const { files } = ok(await host.exportPdf({ handle: opened.handle, document, preset: 'print-x4', outputPath: 'x4' }));
    const pdf = readFileSync(files[0].path);
    expect(pdf.subarray(0, 8).toString()).toBe('%PDF-1.6');
    expect(pdf.toString('latin1')).toContain('/DestOutputProfile');
    // Saved with the document: the profile travels in the .folio file.
    ok(await host.saveDocument({ handle: opened.handle, document, path: 'with-profile.folio' }));
    const saved = unpackFolio(new Uint8Array(readFileSync(path.join(ws.dir, 'with-profile.folio'))));
    expect(saved.document.outputProfileAssetId).toBe(imported.asset.id);
    expect(saved.assets.get(imported.asset.path)).toEqual(new Uint8Array(readFileSync(GHOSTSCRIPT_CMYK_ICC)));
  });

  it('PDF/X-4 without a profile is refused by the host with the reason', async () => {
    const host = hostFromServices(services);
    const opened = ok(await host.openDocument({ path: 'front.folio' }));
    const refused = await host.exportPdf({ handle: opened.handle, document: opened.document, preset: 'print-x4', outputPath: 'x4-none' });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/PDF\/X-4 embeds the plant's ICC output profile/) } });
  });
});
