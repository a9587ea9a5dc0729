/**
 * The one place pdf.js is loaded. pdf.js is imported lazily, on the first PDF read, so that
 * importing this package costs nothing; its worker code runs on the calling thread (pdf.js's
 * "fake worker", fed from `globalThis.pdfjsWorker`), the same way in Node and in a browser bundle,
 * with no worker file to serve.
 */

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let loading: Promise<PdfJs> | undefined;

/**
 * The built-in objects whose methods pdf.js's legacy build may replace: it bundles core-js, which
 * on older engines (V8 before 12.2: Node 20) swaps built-ins that work for script versions
 * (`Array.prototype.push`, `JSON.parse`, `JSON.stringify`, `Function.prototype.toString`), slowing
 * every caller in the process, not only pdf.js.
 */
function builtIns(): object[] {
  const typedArray = Object.getPrototypeOf(Uint8Array.prototype) as object;
  return [
    Array,
    Array.prototype,
    Object,
    Object.prototype,
    Function.prototype,
    JSON,
    Math,
    Number,
    Number.prototype,
    String,
    String.prototype,
    Promise,
    Promise.prototype,
    Map.prototype,
    Set.prototype,
    typedArray,
    Uint8Array.prototype,
    Reflect,
  ];
}

/** The methods of the built-ins as they are now. */
function snapshotBuiltIns(): Map<object, Map<PropertyKey, PropertyDescriptor>> {
  const snapshot = new Map<object, Map<PropertyKey, PropertyDescriptor>>();
  for (const target of builtIns()) {
    const descriptors = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(target)) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor && typeof descriptor.value === "function") descriptors.set(key, descriptor);
    }
    snapshot.set(target, descriptors);
  }
  return snapshot;
}

/**
 * Every method that existed before pdf.js loaded and was replaced by it put back; what it added
 * (methods the engine lacks, which pdf.js needs) stays.
 */
function restoreBuiltIns(snapshot: Map<object, Map<PropertyKey, PropertyDescriptor>>): void {
  for (const [target, descriptors] of snapshot) {
    for (const [key, descriptor] of descriptors) {
      const now = Object.getOwnPropertyDescriptor(target, key);
      if (now?.value !== descriptor.value) {
        try {
          Object.defineProperty(target, key, descriptor);
        } catch {
          // Not configurable any more: leave it.
        }
      }
    }
  }
}

/** pdf.js's display API, with its worker set up on this thread. */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const snapshot = snapshotBuiltIns();
    try {
      const holder = globalThis as { pdfjsWorker?: unknown };
      if (holder.pdfjsWorker === undefined) {
        holder.pdfjsWorker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
      }
      return await import("pdfjs-dist/legacy/build/pdf.mjs");
    } finally {
      restoreBuiltIns(snapshot);
    }
  })();
  return loading;
}

/** pdf.js operator codes this package reads (`OPS` of pdf.js 5; pinned with the dependency). */
export const ops = {
  save: 10,
  restore: 11,
  transform: 12,
  beginText: 31,
  setCharSpacing: 33,
  setWordSpacing: 34,
  setHScale: 35,
  setLeading: 36,
  setFont: 37,
  setTextRise: 39,
  moveText: 40,
  setLeadingMoveText: 41,
  setTextMatrix: 42,
  nextLine: 43,
  showText: 44,
  showSpacedText: 45,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  endPath: 28,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  paintImageMaskXObject: 83,
  paintImageXObject: 85,
  paintInlineImageXObject: 86,
  paintImageXObjectRepeat: 88,
  constructPath: 91,
} as const;

/** Path drawing codes inside a `constructPath` operation (pdf.js 5's `DrawOPS`). */
export const drawOps = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;
