/** The format editions gongkai knows, oldest first. */
export const editionIds = ["2019", "2021"] as const;

/** A format edition: `2019` (试行, 国办公开办函〔2019〕60号) or `2021` (国办公开办函〔2021〕30号). */
export type EditionId = (typeof editionIds)[number];

/** The three tables of the report, by the part that prints them (二, 三, 四). */
export const tableIds = ["table2", "table3", "table4"] as const;

/** A table of the report: `table2` 主动公开, `table3` 依申请, `table4` 复议诉讼. */
export type TableId = (typeof tableIds)[number];

/** The six parts of the report, in printed order. */
export const sectionCodes = [
  "overview",
  "activeDisclosure",
  "applications",
  "reviewLitigation",
  "problems",
  "other",
] as const;

/** A part of the report: 一 `overview` … 六 `other`. */
export type SectionCode = (typeof sectionCodes)[number];
