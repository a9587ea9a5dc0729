import type { EditionId, TableId } from "../editions/editions";
import type { NarrativeFact } from "./extract-counts";

/** A table cell a prose count is compared with. */
export interface NarrativeTargetCell {
  /** The table. */
  readonly table: TableId;
  /** The row key. */
  readonly row: string;
  /** The column key. */
  readonly column: string;
}

const table3Total = (row: string): NarrativeTargetCell => ({ table: "table3", row, column: "total" });
const table4Total = (row: string): NarrativeTargetCell => ({ table: "table4", row, column: "total" });

const shared = {
  newReceived: [table3Total("newReceived")],
  carriedOver: [table3Total("carriedOver")],
  totalProcessed: [table3Total("results.totalProcessed")],
  carriedForward: [table3Total("carriedForward")],
  reviewTotal: [table4Total("review")],
  litigationTotal: [table4Total("litigationDirect"), table4Total("litigationPostReview")],
} as const satisfies Partial<Record<NarrativeFact, readonly NarrativeTargetCell[]>>;

/**
 * The cells each prose count is compared with, per edition (their sum when more than one). A new
 * edition adds its entry here.
 */
export const narrativeTargets: Readonly<
  Record<EditionId, Readonly<Record<NarrativeFact, readonly NarrativeTargetCell[]>>>
> = {
  "2019": {
    ...shared,
    normativeDocumentsMade: [{ table: "table2", row: "art20_1.normativeDocuments", column: "newlyMade" }],
  },
  "2021": {
    ...shared,
    normativeDocumentsMade: [{ table: "table2", row: "art20_1.normativeDocuments", column: "made" }],
  },
};
