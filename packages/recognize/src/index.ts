export type { Block, BlockDocument, HeadingBlock, ParagraphBlock, TableBlock, TableSlot } from "./block-document";
export { type ImportRuleId, importRuleIds, importRules } from "./import-rules";
export { NotAReportError } from "./not-a-report-error";
export { type RecognizeOptions, type RecognizeResult, recognize } from "./recognize";
