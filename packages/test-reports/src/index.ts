// Reports the gongkai tests share. Test-only and private: it reads its fixtures with node:fs.
export {
  balancedReport,
  blankReport,
  feesReport,
  fullReport,
  generatedReport,
  groupAsRowReport,
  hostileReport,
  hostileStrings,
  longProseReport,
  moneyAndChangesReport,
  notApplicableReport,
  patternedReport,
  sampleReport,
} from "./builders";
export { concatBytes } from "./bytes";
export { type ConformanceCase, conformanceCases } from "./conformance-cases";
export { corpusDirectory, corpusExcerptNames, corpusFile } from "./corpus";
export { encodeGbk } from "./gbk";
export { type LooseRows, numberTexts, rowsOf, setLoose } from "./loose";
export { type PrintedShape, type PrintedTextOptions, printedCell, printedCells, printedText } from "./printed-text";
export { fixturesDirectory, seedJsonText, seedReport, seedText } from "./seed";
