export {
  describeFindingLocation,
  type ElementLanguage,
  type FindingGroup,
  groupFindingsByCause,
} from "./findings";
export {
  defineGongkaiReport,
  type GongkaiErrorDetail,
  type GongkaiLoadDetail,
  GongkaiReportElement,
  type GongkaiSelectDetail,
} from "./gongkai-report-element";
export { type ImportedReport, type ImportReportOptions, importReport } from "./import-report";
export { ReportLoadError, type ReportLoadErrorCode, reportLoadErrorCodes } from "./report-load-error";
