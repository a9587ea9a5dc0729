export { type FromPdfOptions, fromPdf } from "./from-pdf";
export { defaultPdfLimits, isPdf, type PdfLimits } from "./limits";
export type { PdfDataFile, PdfDataOptions, PdfDataReader } from "./pdf-data";
export { PdfReadError, type PdfReadErrorCode, pdfReadErrorCodes } from "./pdf-read-error";
export { type PdfOptions, pdfToBlocks } from "./pdf-to-blocks";
