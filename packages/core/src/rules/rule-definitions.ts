import { cellInvalidValue } from "./cell-invalid-value";
import { coverageUnverifiable } from "./coverage-unverifiable";
import { crossYearCarryOver } from "./cross-year-carry-over";
import { crossYearPriorMismatch } from "./cross-year-prior-mismatch";
import { crossYearValidDocuments } from "./cross-year-valid-documents";
import type { CoreRule } from "./emit";
import { metaDeadline } from "./meta-deadline";
import { metaEditionMismatch } from "./meta-edition-mismatch";
import { narrativeNumberMismatch } from "./narrative-number-mismatch";
import { structureEmptyTable } from "./structure-empty-table";
import { structureMissingPart } from "./structure-missing-part";
import { structurePartNumbering } from "./structure-part-numbering";
import { table3Balance } from "./table3-balance";
import { table3ResultsTotal } from "./table3-results-total";
import { table3RowTotal } from "./table3-row-total";
import { table4GroupTotal } from "./table4-group-total";

/** Every rule, in the order `check()` runs them (the order of `ruleIds`). */
export const ruleDefinitions: readonly CoreRule[] = [
  table3Balance,
  table3ResultsTotal,
  table3RowTotal,
  table4GroupTotal,
  crossYearPriorMismatch,
  crossYearCarryOver,
  crossYearValidDocuments,
  narrativeNumberMismatch,
  metaDeadline,
  metaEditionMismatch,
  structureMissingPart,
  structurePartNumbering,
  structureEmptyTable,
  cellInvalidValue,
  coverageUnverifiable,
];
