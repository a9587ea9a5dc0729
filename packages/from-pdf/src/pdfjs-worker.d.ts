/** pdf.js's worker module, loaded onto the calling thread (see `pdfjs.ts`). Its types are not published. */
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  /** The handler pdf.js's "fake worker" runs on the main thread. */
  export const WorkerMessageHandler: unknown;
}
