export { type ImportFileOptions, type ImportFileResult, importFile, sniffFormat } from "./import-file";
export { ImportFileError, type ImportFileErrorReason, importFileErrorReasons } from "./import-file-error";
export { type InputFormat, inputExtensions, inputFormats } from "./input-format";
