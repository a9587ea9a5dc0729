export { NotAReportError } from "@gongkai/recognize";
export { fromText } from "./from-text";
export { maxCellsPerTextRow, maxRowsPerTextTable, textToBlocks } from "./text-to-blocks";
