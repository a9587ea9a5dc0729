/** The ids of the rules `check()` runs. Ids are never renamed, only deprecated. */
export const ruleIds = [
  "table3/balance",
  "table3/results-total",
  "table3/row-total",
  "table4/group-total",
  "cross-year/prior-mismatch",
  "cross-year/carry-over",
  "cross-year/valid-documents",
  "narrative/number-mismatch",
  "meta/deadline",
  "meta/edition-mismatch",
  "structure/missing-part",
  "structure/part-numbering",
  "structure/empty-table",
  "cell/invalid-value",
  "coverage/unverifiable",
] as const;

/** The id of a rule `check()` runs. */
export type RuleId = (typeof ruleIds)[number];
