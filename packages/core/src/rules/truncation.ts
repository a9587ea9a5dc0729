import { type SectionCode, sectionCodes, type TableId } from "../editions/editions";
import type { Report } from "../model/report";

/** The part that prints each table. */
const tableSections: Readonly<Record<TableId, SectionCode>> = {
  table2: "activeDisclosure",
  table3: "applications",
  table4: "reviewLitigation",
};

/**
 * Whether the source stops before `section` (`meta.truncatedAt`): the part lies after the last part
 * the source reached, or the source reached no part at all. Nothing there is reported missing.
 */
export function isCutOff(report: Report, section: SectionCode): boolean {
  const truncatedAt = report.meta.truncatedAt;
  if (truncatedAt === undefined) return false;
  if (truncatedAt.part === undefined) return true;
  return sectionCodes.indexOf(section) > sectionCodes.indexOf(truncatedAt.part);
}

/** The part that prints `table`. */
export function tableSection(table: TableId): SectionCode {
  return tableSections[table];
}

/** Whether the source stops before the part that prints `table` (see {@link isCutOff}). */
export function isTableCutOff(report: Report, table: TableId): boolean {
  return isCutOff(report, tableSections[table]);
}
