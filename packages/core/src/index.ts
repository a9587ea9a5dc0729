export { normalizeAgencyName } from "./agency/normalize-agency-name";
export {
  type CellAddress,
  type CellInput,
  cellPointer,
  getCell,
  getCellLoose,
  type LooseCellAddress,
  setCell,
} from "./authoring/cells";
export { type CreateReportOptions, cloneReport, createBlankTable, createReport } from "./authoring/create-report";
export { fillTotals } from "./authoring/fill-totals";
export {
  type ResolveRunTogetherOptions,
  type ResolveRunTogetherResult,
  type RunTogetherResolution,
  resolveRunTogether,
} from "./authoring/resolve-run-together";
export { type CheckResult, check, checkReport, getRules } from "./check";
export { InvalidDeadlineError } from "./deadlines/invalid-deadline-error";
export { defaultDeadlines, publicationDeadline } from "./deadlines/publication-deadline";
export { type Coverage, coverageSchema } from "./diagnostics/coverage";
export {
  type CellReference,
  cellReferenceSchema,
  type Diagnostic,
  type DiagnosticLocation,
  diagnosticLocationSchema,
  diagnosticSchema,
  type LocalizedText,
  localizedTextSchema,
  type Severity,
  severities,
} from "./diagnostics/diagnostic";
export {
  type DiagnosticInfo,
  type DiagnosticOrigin,
  type DiagnosticRuleId,
  diagnosticOrigins,
  diagnosticRegistry,
  diagnosticRuleIds,
  type ImportRuleId,
  type InternalRuleId,
  importRuleIds,
  internalRuleFailedId,
  internalRuleIds,
  isDiagnosticRuleId,
  type MessageDataOf,
  type RuleId,
  ruleDocsBaseUrl,
  ruleDocsUrl,
  ruleIds,
} from "./diagnostics/diagnostic-registry";
export type { ImportFindingData, RuleFailedData, TruncationReason } from "./diagnostics/import-finding-data";
export { diagnosticMessage } from "./diagnostics/messages/localize";
export { applyRuleLevels, type RuleLevel, type RuleLevels, ruleLevel, ruleLevels } from "./diagnostics/rule-levels";
export { edition2019, edition2021 } from "./editions/edition-data";
export {
  type EditionDataShape,
  type EditionRole,
  type EditionTreeNode,
  editionDataSchema,
} from "./editions/edition-schema";
export {
  type ColumnDefinition,
  type ColumnOf,
  type EditionData,
  type EditionId,
  editionForYear,
  editionIds,
  editions,
  type GroupRowDefinition,
  getEdition,
  getTableDefinition,
  type Label,
  listEditions,
  type RowDefinition,
  type RowOf,
  reportYearsOf,
  type SectionCode,
  sectionCodes,
  type Table2Column,
  type Table2Row,
  type Table3Column,
  type Table3GroupRow,
  type Table3Row,
  type Table4Column,
  type Table4Row,
  type TableDefinition,
  type TableId,
  tableIds,
} from "./editions/editions";
export { groupsPrintedAsRows, reportRowsOf } from "./editions/group-rows";
export { registerEdition } from "./editions/register-edition";
export { getSumRelations, reportSumRelations, type SumRelation } from "./editions/sum-relations";
export { EditionDataError } from "./errors/edition-data-error";
export { GongkaiError } from "./errors/gongkai-error";
export { ReportValidationError, type ValidationProblem } from "./errors/report-validation-error";
export { type AppliedFix, type FixableRuleId, type FixResult, fix, fixableRuleIds } from "./fix/fix";
export { formatCell, formatNumber, unreadCellText } from "./format/format-cell";
export { formatDate } from "./format/format-date";
export { lineColumnAt } from "./format/line-column";
export {
  type DataCellLayout,
  type HeaderCellLayout,
  type HeaderRole,
  type RowLayout,
  type SectionLayout,
  type TableLayout,
  tableLayout,
} from "./layout/table-layout";
export {
  type BlankCell,
  blankCell,
  blankCellSchema,
  type Cell,
  cellSchema,
  type Inference,
  inferenceSchema,
  type MoneyUnit,
  moneyUnits,
  type NotApplicableCell,
  type NumberCell,
  notApplicableCell,
  notApplicableCellSchema,
  numberCell,
  numberCellSchema,
  type PageBox,
  pageBoxSchema,
  type SourcePosition,
  sourcePositionSchema,
  type UnreadCell,
  type UnreadReason,
  unreadCell,
  unreadCellSchema,
  unreadReasonLabels,
  unreadReasons,
} from "./model/cell";
export {
  escapePointerSegment,
  parseReport,
  type SafeParseReportResult,
  safeParseReport,
  toJsonPointer,
} from "./model/parse-report";
export {
  agencySchema,
  metaSchema,
  type NarrativeBlock,
  narrativeBlockSchema,
  type Part,
  paragraphBlockSchema,
  partSchema,
  type Report,
  type ReportMeta,
  type ReportOf,
  type ReportTables,
  report2019Schema,
  report2021Schema,
  reportSchema,
  sectionCodeSchema,
  subheadingBlockSchema,
} from "./model/report";
export { parseChineseNumber } from "./narrative/chinese-number";
export {
  type ExtractNarrativeCountsOptions,
  extractNarrativeCounts,
  type NarrativeCount,
  type NarrativeFact,
  narrativeFacts,
} from "./narrative/extract-counts";
export { type NarrativeTargetCell, narrativeTargets } from "./narrative/narrative-targets";
export type { CheckOptions, Emit, RuleContext, RuleDefinition, RuleFinding } from "./rules/rule";
export { type AgencyKind, agencyKindLabels, agencyKinds } from "./taxonomy/agency-kind";
