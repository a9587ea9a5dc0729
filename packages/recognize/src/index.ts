export type {
  Block,
  BlockDocument,
  BlockDocumentMeta,
  HeadingBlock,
  ParagraphBlock,
  TableBlock,
  TableSlot,
} from "./block-document";
export {
  type DecodedPieces,
  type DecodedText,
  type DecodeTextOptions,
  decodeText,
  decodeTextPieces,
  encodingForLabel,
  textPieceLength,
} from "./decode-text";
export { importDiagnostic } from "./diagnostics";
export { type ImportRuleId, importRuleIds, importRules } from "./import-rules";
export { NotAReportError } from "./not-a-report-error";
export { type RecognizeOptions, type RecognizeResult, recognize } from "./recognize";
export { type GridCell, TableGridBuilder, type TableGridOptions } from "./table-grid-builder";
