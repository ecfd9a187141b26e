/**
 * A placed PDF (an advert, a graphic) read for placing: page 1's content and resources, checked so that export
 * cannot fail or loop on it, and copied into the output without anything active. Preflight (`inspectPdfAsset`),
 * placing and export all read placed PDFs through `readPlacedPdf`, so preflight passes only what export reads.
 *
 * 1. load — pdf-lib, refusing encrypted files (their content streams are ciphertext to us).
 * 2. find page 1 — walk the page tree ourselves with a visited set: a tree that contains itself is refused
 *    (pdf-lib's own traversal recurses until the stack overflows). Inherited entries (Resources, MediaBox,
 *    CropBox) are looked up the same loop-safe way.
 * 3. decode — page 1's content streams, joined (every filter pdf-lib knows; anything else is refused).
 * 4. check — follow the resources from page 1 through form XObjects, patterns and Type 3 fonts: a form that
 *    draws itself, directly or through others, is refused (a RIP would recurse forever).
 * 5. note active content — scan every object of the file for JavaScript, launch, URI and other actions,
 *    additional actions (/AA), /OpenAction, annotations and embedded files, for preflight to report.
 * 6. embed (`embedPlacedPdf`) — copy only the resources graph into the output, dropping every entry that holds
 *    an action, annotation, script, embedded or external file, or a way back into the page tree or catalogue,
 *    and wrap the content in a form XObject sized to the TrimBox. pdf-lib's `embedPage` is not used: it copies
 *    the whole page dictionary (its /Annots, /AA and everything they reach) into the output file.
 */
import {
  decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNull, PDFNumber, PDFRawStream, PDFRef, PDFStream,
  type PDFContext, type PDFObject,
} from 'pdf-lib';
import { rawStream } from './raw-stream.js';
import { DEFAULT_FLATE_LEVEL, type Deflate } from './flate.js';

/** Kinds of active (non-printing) content a placed PDF can carry; all are removed when it is placed. */
export type ActiveContent = 'javascript' | 'launch' | 'uri' | 'other-actions' | 'additional-actions' | 'open-action' | 'annotations' | 'embedded-files';

/** A placed PDF's page 1, checked and ready to embed. Objects belong to `doc` (the source file). */
export interface PlacedPdf {
  doc: PDFDocument;
  pageCount: number;
  /** Page 1's TrimBox (else CropBox, else MediaBox), points, PDF user space. */
  trimBox: { xPt: number; yPt: number; widthPt: number; heightPt: number };
  /** Page 1's content streams, decoded and joined by newlines. */
  content: Uint8Array;
  /** Page 1's (possibly inherited) resource dictionary. */
  resources?: PDFDict;
  /** What active content the file carries anywhere, sorted; none of it reaches the output. */
  activeContent: ActiveContent[];
}

/** Ancestors followed for inherited page entries; real files nest page trees a few levels deep. */
const MAX_PAGE_TREE_DEPTH = 64;
/** Nesting of direct dictionaries scanned inside one object for active content (an annotation's action is one down). */
const MAX_SCAN_DEPTH = 6;
/** Action types (ISO 32000-1 table 198 and later); /S on a transparency group or soft mask is not one of them. */
const ACTION_TYPES = new Set([
  'GoTo', 'GoToR', 'GoToE', 'GoToDp', 'Launch', 'Thread', 'URI', 'Sound', 'Movie', 'Hide', 'Named', 'SubmitForm', 'ResetForm',
  'ImportData', 'SetOCGState', 'Rendition', 'Trans', 'GoTo3DView', 'JavaScript', 'RichMediaExecute',
]);
/**
 * Entries never copied into the output: actions and scripts (A, AA, JS, JavaScript, OpenAction, URI, Launch, Next),
 * annotations and forms (Annots, AcroForm), embedded and external files (EmbeddedFile(s), EF, Ref, OPI, and a
 * stream's F / FFilter / FDecodeParms, which fetch its data from elsewhere), and ways back into the document
 * (Parent, Names, Dests, Dest, Outlines, StructParent(s)).
 */
const DROPPED_KEYS = new Set([
  'A', 'AA', 'JS', 'JavaScript', 'OpenAction', 'URI', 'Launch', 'Next', 'Annots', 'AcroForm', 'EmbeddedFile', 'EmbeddedFiles', 'EF',
  'Ref', 'OPI', 'Parent', 'Names', 'Dests', 'Dest', 'Outlines', 'StructParent', 'StructParents',
]);
/** Stream entries that point at data outside the stream. */
const EXTERNAL_STREAM_KEYS = new Set(['F', 'FFilter', 'FDecodeParms']);
/** Dictionary types that are never content: such a value is dropped wherever it is found. */
const DROPPED_TYPES = new Set(['Page', 'Pages', 'Catalog', 'Annot', 'Action', 'Filespec', 'EmbeddedFile', 'Outlines', 'Names']);

/**
 * Loads and checks a placed PDF (steps 1–5).
 * @throws RangeError saying what is wrong: unreadable, encrypted, no pages, a page tree or form that loops,
 *   content that cannot be decoded, an empty page box
 */
export async function readPlacedPdf(bytes: Uint8Array): Promise<PlacedPdf> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  } catch (err) {
    throw new RangeError(`the PDF is damaged (${firstLine(err)})`, { cause: err });
  }
  try {
    return checkPlacedPdf(doc);
  } catch (err) {
    if (err instanceof RangeError && !/call stack/.test(err.message)) throw err;
    // pdf-lib's own lookups throw plain Errors on a file without a catalogue or page tree.
    throw new RangeError(`the PDF is damaged (${firstLine(err)})`, { cause: err });
  }
}

function checkPlacedPdf(doc: PDFDocument): PlacedPdf {
  if (doc.isEncrypted) throw new RangeError('the PDF is encrypted: ask the advertiser for an unprotected PDF/X file');
  const context = doc.context;
  const { first, count } = walkPageTree(context, context.lookup(doc.catalog.get(PDFName.of('Pages'))));
  if (!first) throw new RangeError('the PDF has no pages');
  const resourcesObject = lookup(context, inherited(first, 'Resources'));
  const resources = resourcesObject instanceof PDFDict ? resourcesObject : undefined;
  const trimBox = pageBox(context, first);
  if (!trimBox) throw new RangeError('the PDF’s first page has no usable page box (MediaBox)');
  const content = decodeContent(context, first);
  if (resources) checkFormLoops(context, resources);
  return { doc, pageCount: count, trimBox, content, ...(resources ? { resources } : {}), activeContent: scanActiveContent(context) };
}

/** A placed PDF embedded in an output document: its form XObject and size. */
export interface EmbeddedPlacedPdf {
  ref: PDFRef;
  widthPt: number;
  heightPt: number;
}

/**
 * Embeds page 1 as a form XObject whose BBox is the TrimBox (step 6): the content stream and a copy of the
 * resources graph with every active or external entry removed.
 * @param deflate compresses the joined content stream
 */
export function embedPlacedPdf(out: PDFDocument, placed: PlacedPdf, deflate: Deflate): EmbeddedPlacedPdf {
  const { xPt, yPt, widthPt, heightPt } = placed.trimBox;
  const resources = placed.resources ? copyInert(placed.doc.context, out.context, placed.resources) : out.context.obj({});
  const form = rawStream(out.context, deflate(placed.content, DEFAULT_FLATE_LEVEL), {
    Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: [xPt, yPt, xPt + widthPt, yPt + heightPt],
    Matrix: [1, 0, 0, 1, -xPt, -yPt], Resources: resources, Filter: 'FlateDecode',
  } as never);
  return { ref: out.context.register(form), widthPt, heightPt };
}

function lookup(context: PDFContext, o: PDFObject | undefined): PDFObject | undefined {
  return o instanceof PDFRef ? context.lookup(o) : o;
}

function nameOf(context: PDFContext, o: PDFObject | undefined): string | undefined {
  const v = lookup(context, o);
  return v instanceof PDFName ? v.decodeText() : undefined;
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0];
}

/** Page 1 and the number of pages, depth-first with a visited set (a loop is refused, not followed). */
function walkPageTree(context: PDFContext, root: PDFObject | undefined): { first?: PDFDict; count: number } {
  if (!(root instanceof PDFDict)) return { count: 0 };
  const visited = new Set<PDFDict>();
  const stack: PDFDict[] = [root];
  let first: PDFDict | undefined;
  let count = 0;
  while (stack.length > 0) {
    const node = stack.pop() as PDFDict;
    if (visited.has(node)) throw new RangeError('the PDF’s page tree loops back on itself (a damaged or hostile file)');
    visited.add(node);
    const kids = lookup(context, node.get(PDFName.of('Kids')));
    const type = nameOf(context, node.get(PDFName.of('Type')));
    if (type !== 'Page' && (kids instanceof PDFArray || type === 'Pages')) {
      // Reversed onto the stack so the first kid is visited first.
      for (let i = (kids instanceof PDFArray ? kids.size() : 0) - 1; i >= 0; i--) {
        const kid = lookup(context, (kids as PDFArray).get(i));
        if (kid instanceof PDFDict) stack.push(kid);
      }
      continue;
    }
    count++;
    first ??= node;
  }
  return { first, count };
}

/** A page entry, from the page or the nearest ancestor that has it (loop-safe). */
function inherited(page: PDFDict, key: string): PDFObject | undefined {
  const name = PDFName.of(key);
  const seen = new Set<PDFDict>();
  let node: PDFDict | undefined = page;
  for (let depth = 0; node && depth < MAX_PAGE_TREE_DEPTH && !seen.has(node); depth++) {
    seen.add(node);
    const value = node.get(name);
    if (value !== undefined) return value;
    const parent = lookup(node.context, node.get(PDFName.of('Parent')));
    node = parent instanceof PDFDict ? parent : undefined;
  }
  return undefined;
}

function rectOf(context: PDFContext, o: PDFObject | undefined): PlacedPdf['trimBox'] | undefined {
  const box = lookup(context, o);
  if (!(box instanceof PDFArray) || box.size() !== 4) return undefined;
  const n = box.asArray().map((v) => lookup(context, v));
  if (!n.every((v) => v instanceof PDFNumber)) return undefined;
  const [x1, y1, x2, y2] = n.map((v) => (v as PDFNumber).asNumber());
  const rect = { xPt: Math.min(x1, x2), yPt: Math.min(y1, y2), widthPt: Math.abs(x2 - x1), heightPt: Math.abs(y2 - y1) };
  return rect.widthPt > 0 && rect.heightPt > 0 && [x1, y1, x2, y2].every(Number.isFinite) ? rect : undefined;
}

/** Adverts come trimmed to size with bleed around: the TrimBox, else the CropBox, else the MediaBox. */
function pageBox(context: PDFContext, page: PDFDict): PlacedPdf['trimBox'] | undefined {
  return rectOf(context, page.get(PDFName.of('TrimBox'))) ?? rectOf(context, inherited(page, 'CropBox')) ?? rectOf(context, inherited(page, 'MediaBox'));
}

function decodeContent(context: PDFContext, page: PDFDict): Uint8Array {
  const contents = lookup(context, page.get(PDFName.of('Contents')));
  const streams = contents instanceof PDFArray ? contents.asArray().map((s) => lookup(context, s)) : contents ? [contents] : [];
  const parts: Uint8Array[] = [];
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) throw new RangeError('the PDF’s first page has a content entry that is not a stream');
    try {
      parts.push(decodePDFRawStream(stream).decode());
    } catch (err) {
      throw new RangeError(`the PDF’s page content cannot be decoded (${firstLine(err)})`, { cause: err });
    }
  }
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    // Streams are split anywhere between tokens; a newline keeps the last token of one off the next.
    joined[at + part.length] = 0x0a;
    at += part.length + 1;
  }
  return joined;
}

/** Resource dictionaries reachable from `resources` through forms, patterns and Type 3 fonts, with the streams that own them. */
function childResourceOwners(context: PDFContext, resources: PDFDict): PDFObject[] {
  const owners: PDFObject[] = [];
  for (const category of ['XObject', 'Pattern', 'Font']) {
    const dict = lookup(context, resources.get(PDFName.of(category)));
    if (!(dict instanceof PDFDict)) continue;
    for (const [, value] of dict.entries()) {
      const owner = lookup(context, value);
      if (owner) owners.push(owner);
    }
  }
  return owners;
}

function resourcesOf(context: PDFContext, owner: PDFObject): PDFDict | undefined {
  const dict = owner instanceof PDFStream ? owner.dict : owner instanceof PDFDict ? owner : undefined;
  const resources = dict ? lookup(context, dict.get(PDFName.of('Resources'))) : undefined;
  return resources instanceof PDFDict ? resources : undefined;
}

/**
 * Depth-first over the objects that carry their own resources (forms, tiling patterns, Type 3 fonts): meeting
 * one that is still on the current path means it draws itself. Iterative, so a deep but finite chain cannot
 * overflow the stack either.
 */
function checkFormLoops(context: PDFContext, pageResources: PDFDict): void {
  const done = new Set<PDFObject>();
  const onPath = new Set<PDFObject>();
  const stack: { owner: PDFObject; children?: PDFObject[]; next: number }[] = [];
  const enter = (owner: PDFObject, resources: PDFDict | undefined) => {
    onPath.add(owner);
    stack.push({ owner, children: resources ? childResourceOwners(context, resources) : [], next: 0 });
  };
  enter(pageResources, pageResources);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const children = top.children as PDFObject[];
    if (top.next >= children.length) {
      stack.pop();
      onPath.delete(top.owner);
      done.add(top.owner);
      continue;
    }
    const child = children[top.next++];
    if (onPath.has(child)) throw new RangeError('a form XObject in the PDF draws itself (a loop no printer can finish)');
    if (done.has(child)) continue;
    enter(child, resourcesOf(context, child));
  }
}

/** Step 5: every kind of active content anywhere in the file (indirect objects and the dictionaries inside them). */
function scanActiveContent(context: PDFContext): ActiveContent[] {
  const found = new Set<ActiveContent>();
  const visit = (dict: PDFDict, depth: number): void => {
    const has = (key: string) => dict.get(PDFName.of(key)) !== undefined;
    const action = nameOf(context, dict.get(PDFName.of('S')));
    if (action === 'JavaScript' || has('JS') || has('JavaScript')) found.add('javascript');
    if (action === 'Launch') found.add('launch');
    if (action === 'URI' || has('URI')) found.add('uri');
    if (action && ACTION_TYPES.has(action) && !['JavaScript', 'Launch', 'URI'].includes(action)) found.add('other-actions');
    if (has('AA')) found.add('additional-actions');
    if (has('OpenAction')) found.add('open-action');
    const type = nameOf(context, dict.get(PDFName.of('Type')));
    const annots = lookup(context, dict.get(PDFName.of('Annots')));
    // An empty /Annots array carries nothing.
    if (type === 'Annot' || (annots instanceof PDFArray && annots.size() > 0)) found.add('annotations');
    if (type === 'EmbeddedFile' || has('EF') || has('EmbeddedFiles')) found.add('embedded-files');
    if (depth >= MAX_SCAN_DEPTH) return;
    for (const [, value] of dict.entries()) {
      if (value instanceof PDFDict) visit(value, depth + 1);
      else if (value instanceof PDFArray) for (const item of value.asArray()) if (item instanceof PDFDict) visit(item, depth + 1);
    }
  };
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
    if (dict) visit(dict, 0);
  }
  return [...found].sort();
}

/** True for a value that is never printed content: an action, annotation, page, file specification… */
function isDroppedValue(context: PDFContext, value: PDFObject | undefined): boolean {
  const v = lookup(context, value);
  const dict = v instanceof PDFDict ? v : v instanceof PDFStream ? v.dict : undefined;
  if (!dict) return false;
  const type = nameOf(context, dict.get(PDFName.of('Type')));
  if (type && DROPPED_TYPES.has(type)) return true;
  const action = nameOf(context, dict.get(PDFName.of('S')));
  return action !== undefined && ACTION_TYPES.has(action);
}

/**
 * Copies `root` from one document into another without any entry in DROPPED_KEYS, any external stream data, or
 * any value that is an action, annotation, page or file (arrays keep their length: such items become null).
 * Indirect objects are copied once each, through a work list rather than recursion, so loops and long chains
 * are both safe.
 */
function copyInert(from: PDFContext, to: PDFContext, root: PDFDict): PDFDict {
  const refs = new Map<string, PDFRef>();
  const pending: { source: PDFObject; target: PDFRef }[] = [];
  const copy = (o: PDFObject): PDFObject => {
    if (o instanceof PDFRef) {
      const key = o.toString();
      let target = refs.get(key);
      if (!target) {
        target = to.nextRef();
        refs.set(key, target);
        const source = from.lookup(o);
        if (source) pending.push({ source, target });
      }
      return target;
    }
    if (o instanceof PDFDict) return copyDict(o, false);
    if (o instanceof PDFArray) {
      const array = PDFArray.withContext(to);
      for (const item of o.asArray()) array.push(isDroppedValue(from, item) ? PDFNull : copy(item));
      return array;
    }
    if (o instanceof PDFRawStream) {
      const dict = copyDict(o.dict, true);
      return PDFRawStream.of(dict, o.contents);
    }
    if (o instanceof PDFStream) throw new RangeError('the PDF holds a stream Folio cannot copy');
    return o;
  };
  const copyDict = (dict: PDFDict, isStream: boolean): PDFDict => {
    const out = PDFDict.withContext(to);
    for (const [key, value] of dict.entries()) {
      const name = key.decodeText();
      if (DROPPED_KEYS.has(name) || (isStream && EXTERNAL_STREAM_KEYS.has(name)) || isDroppedValue(from, value)) continue;
      out.set(key, copy(value));
    }
    return out;
  };
  const result = copyDict(root, false);
  while (pending.length > 0) {
    const { source, target } = pending.pop() as { source: PDFObject; target: PDFRef };
    to.assign(target, copy(source));
  }
  return result;
}
