export { type FromPdfOptions, fromPdf } from "./from-pdf";
export { defaultPdfLimits, isPdf, type PdfLimits } from "./limits";
export type { PdfDataOptions } from "./pdf-data";
export { PdfReadError, type PdfReadErrorCode, pdfReadErrorCodes } from "./pdf-read-error";
export { type PdfOptions, pdfToBlocks } from "./pdf-to-blocks";
