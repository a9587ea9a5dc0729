export { type FromPdfOptions, fromPdf } from "./from-pdf";
export { defaultPdfLimits, isPdf, type PdfLimits } from "./limits";
export { PdfReadError, type PdfReadErrorCode, pdfReadErrorCodes } from "./pdf-read-error";
export { type PdfDataOptions } from "./pdf-data";
export { type PdfOptions, pdfToBlocks } from "./pdf-to-blocks";
