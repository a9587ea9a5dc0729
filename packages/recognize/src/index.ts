export type { Block, BlockDocument, HeadingBlock, ParagraphBlock, TableBlock, TableSlot } from "./block-document";
export { type ImportRuleId, importRuleIds, importRules } from "./import-rules";
