export { NotAReportError } from "@gongkai/recognize";
export { DocxReadError, type DocxReadErrorCode, docxReadErrorCodes } from "./docx-read-error";
export { type DocxOptions, defaultDocxLimits, docxToBlocks } from "./docx-to-blocks";
export { type FromDocxOptions, fromDocx } from "./from-docx";
