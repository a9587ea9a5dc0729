export { type AuditOptions, type AuditRun, audit } from "./audit";
export {
  type AuditCrossYearResult,
  type AuditFailure,
  type AuditFailureKind,
  type AuditReportResult,
  type AuditResult,
  auditFailureKinds,
  type SeverityCounts,
} from "./audit-result";
export { auditNodeFlags } from "./node-flags";
export { type AuditSummary, auditSummarySchema, auditSummaryVersion } from "./summary";
export { auditSummaryJsonSchema, auditSummarySchemaUrl } from "./summary-json-schema";
export { summaryPage } from "./summary-page";
