/**
 * Rulers in millimetres along the top and left of the page canvas, following zoom and scroll (pan). Zero is
 * the trim's top-left corner; the pasteboard beyond it counts negative.
 *
 * 1. `rulerScale` picks the labelled step (1, 2, 5 × 10ⁿ mm) so labels stay readable at any zoom, and a
 *    minor step that keeps ticks apart.
 * 2. `rulerTicks` lists the ticks inside a ruler's length for a trim origin (CSS px) and a scale (px per mm).
 * 3. `rulers` is a Svelte action on the element that holds the page canvas: it adds the two ruler canvases,
 *    finds the page (`[data-testid="page-content"]`) inside, and redraws when the holder scrolls or resizes
 *    and when its parameters (zoom, layout version, visibility) change. The rulers are drawn on the screen
 *    only: they are not part of the PageLayout and never reach export.
 */
import { PT_PER_MM } from '../../src-core/model/units.js';
import { pxPerPt } from './viewport.js';

/** Ruler thickness, CSS pixels. */
export const RULER_SIZE_PX = 18;
/** Labels closer than this (CSS px) would run into each other ("-100" at 10 px). */
const MIN_LABEL_SPACING_PX = 44;
/** Ticks closer than this (CSS px) blur into a grey bar. */
const MIN_TICK_SPACING_PX = 4;
/** Labelled steps, mm: 1, 2, 5 × 10ⁿ. */
const LABEL_STEPS_MM = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
/** Subdivisions of a labelled step, finest first. */
const SUBDIVISIONS = [10, 5, 2, 1];

/** The labelled and minor steps of a ruler, mm. */
export interface RulerScale {
  labelStepMm: number;
  minorStepMm: number;
}

/** Steps for a scale of `pxPerMm` CSS pixels per millimetre. @throws RangeError for a non-positive scale */
export function rulerScale(pxPerMm: number): RulerScale {
  if (!(pxPerMm > 0)) throw new RangeError(`A ruler needs a positive scale, got ${pxPerMm} px/mm.`);
  const labelStepMm = LABEL_STEPS_MM.find((s) => s * pxPerMm >= MIN_LABEL_SPACING_PX) ?? LABEL_STEPS_MM.at(-1)!;
  const division = SUBDIVISIONS.find((d) => (labelStepMm / d) * pxPerMm >= MIN_TICK_SPACING_PX) ?? 1;
  return { labelStepMm, minorStepMm: labelStepMm / division };
}

/** A tick: its offset along the ruler (CSS px), its value (mm from the trim edge), and a label on labelled ticks. */
export interface RulerTick {
  posPx: number;
  mm: number;
  kind: 'label' | 'half' | 'minor';
  label?: string;
}

/** Ticks within [0, lengthPx] for a trim edge at `originPx` (may lie outside) and `pxPerMm`. */
export function rulerTicks(originPx: number, pxPerMm: number, lengthPx: number): RulerTick[] {
  const { labelStepMm, minorStepMm } = rulerScale(pxPerMm);
  const ticks: RulerTick[] = [];
  const first = Math.ceil((0 - originPx) / pxPerMm / minorStepMm);
  const last = Math.floor((lengthPx - originPx) / pxPerMm / minorStepMm);
  const perLabel = Math.round(labelStepMm / minorStepMm);
  for (let i = first; i <= last; i++) {
    // Whole multiples of the minor step, rounded so 0.1-mm steps do not drift (0.30000000000000004).
    const mm = Math.round(i * minorStepMm * 1000) / 1000;
    const posPx = originPx + mm * pxPerMm;
    const r = ((i % perLabel) + perLabel) % perLabel;
    if (r === 0) ticks.push({ posPx, mm, kind: 'label', label: String(mm).replace('-', '−') });
    else ticks.push({ posPx, mm, kind: perLabel % 2 === 0 && r === perLabel / 2 ? 'half' : 'minor' });
  }
  return ticks;
}

/** CSS pixels per millimetre at a zoom. */
export function pxPerMmAt(zoom: number): number {
  return pxPerPt(zoom) * PT_PER_MM;
}

/** Parameters of the `rulers` action. */
export interface RulersParams {
  visible: boolean;
  zoom: number;
  /** Changes whenever the page may have moved or been redrawn (layout version, page index …). */
  revision: unknown;
}

const TICK_LENGTH: Record<RulerTick['kind'], number> = { label: 1, half: 0.55, minor: 0.3 };

function drawRuler(canvas: HTMLCanvasElement, orientation: 'top' | 'left', originPx: number, pxPerMm: number): void {
  const dpr = window.devicePixelRatio || 1;
  const lengthPx = orientation === 'top' ? canvas.clientWidth : canvas.clientHeight;
  const w = Math.max(1, Math.round(canvas.clientWidth * dpr));
  const h = Math.max(1, Math.round(canvas.clientHeight * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = '#f1f3f6';
  ctx.fillRect(0, 0, canvas.clientWidth, canvas.clientHeight);
  ctx.strokeStyle = '#5b6168';
  ctx.fillStyle = '#3b4047';
  ctx.lineWidth = 1;
  ctx.font = '9px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  ctx.beginPath();
  for (const tick of rulerTicks(originPx, pxPerMm, lengthPx)) {
    const p = Math.round(tick.posPx) + 0.5;
    const len = RULER_SIZE_PX * TICK_LENGTH[tick.kind];
    if (orientation === 'top') {
      ctx.moveTo(p, RULER_SIZE_PX);
      ctx.lineTo(p, RULER_SIZE_PX - len);
    } else {
      ctx.moveTo(RULER_SIZE_PX, p);
      ctx.lineTo(RULER_SIZE_PX - len, p);
    }
    if (tick.label) {
      if (orientation === 'top') ctx.fillText(tick.label, p + 2, 1);
      else {
        ctx.save();
        ctx.translate(1, p - 2);
        ctx.rotate(-Math.PI / 2);
        ctx.fillText(tick.label, 0, 0);
        ctx.restore();
      }
    }
  }
  // The edge towards the page.
  if (orientation === 'top') {
    ctx.moveTo(0, RULER_SIZE_PX - 0.5);
    ctx.lineTo(canvas.clientWidth, RULER_SIZE_PX - 0.5);
  } else {
    ctx.moveTo(RULER_SIZE_PX - 0.5, 0);
    ctx.lineTo(RULER_SIZE_PX - 0.5, canvas.clientHeight);
  }
  ctx.stroke();
}

function rulerCanvas(testId: string, style: Partial<CSSStyleDeclaration>): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.dataset.testid = testId;
  canvas.setAttribute('aria-hidden', 'true');
  Object.assign(canvas.style, { position: 'absolute', zIndex: '2', pointerEvents: 'none', ...style });
  return canvas;
}

/**
 * Svelte action: rulers along the top and left of `holder` (which must be positioned and contain the page
 * canvas). While visible, the holder gets a top and left padding of RULER_SIZE_PX for them. Each ruler canvas
 * carries `data-origin-px` (where the trim edge is along it, CSS px) and `data-px-per-mm`.
 */
export function rulers(holder: HTMLElement, initial: RulersParams): { update(params: RulersParams): void; destroy(): void } {
  let params = initial;
  const size = `${RULER_SIZE_PX}px`;
  const top = rulerCanvas('ruler-top', { left: size, top: '0', height: size, width: `calc(100% - ${size})` });
  const left = rulerCanvas('ruler-left', { left: '0', top: size, width: size, height: `calc(100% - ${size})` });
  const corner = document.createElement('div');
  corner.setAttribute('aria-hidden', 'true');
  Object.assign(corner.style, { position: 'absolute', left: '0', top: '0', width: size, height: size, background: '#e4e7eb', zIndex: '2' });
  holder.append(top, left, corner);
  let frame = 0;

  const draw = () => {
    frame = 0;
    const shown = params.visible;
    for (const el of [top, left, corner]) el.style.display = shown ? 'block' : 'none';
    holder.style.paddingTop = shown ? size : '0';
    holder.style.paddingLeft = shown ? size : '0';
    const page = holder.querySelector('[data-testid="page-content"]');
    if (!shown || !page) return;
    const pageBox = page.getBoundingClientRect();
    const topBox = top.getBoundingClientRect();
    const leftBox = left.getBoundingClientRect();
    const pxPerMm = pxPerMmAt(params.zoom);
    const originX = pageBox.left - topBox.left;
    const originY = pageBox.top - leftBox.top;
    drawRuler(top, 'top', originX, pxPerMm);
    drawRuler(left, 'left', originY, pxPerMm);
    top.dataset.originPx = originX.toFixed(1);
    left.dataset.originPx = originY.toFixed(1);
    top.dataset.pxPerMm = left.dataset.pxPerMm = pxPerMm.toFixed(4);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  // Scroll events do not bubble: listen in the capture phase for the canvas's scrolling viewport.
  holder.addEventListener('scroll', schedule, true);
  const resize = new ResizeObserver(schedule);
  resize.observe(holder);
  schedule();
  return {
    update(next) {
      params = next;
      schedule();
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      holder.removeEventListener('scroll', schedule, true);
      resize.disconnect();
      top.remove();
      left.remove();
      corner.remove();
      holder.style.paddingTop = holder.style.paddingLeft = '';
    },
  };
}
