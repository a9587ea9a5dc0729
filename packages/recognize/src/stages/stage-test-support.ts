import { type EditionId, getTableDefinition, type TableId } from "@gongkai/core";
import type { BlockDocument } from "../block-document";
import { type Unit, unitsOf } from "../structure";

/** A plain-text document: one paragraph per line, positions exact (as from-text makes them). */
export function documentOf(lines: readonly string[]): BlockDocument {
  return {
    blocks: lines.map((text, index) => ({ type: "paragraph", text, source: { line: index + 1, column: 1 } })),
    exactTextPositions: true,
  };
}

/** The units of {@link documentOf}. */
export function unitsOfLines(lines: readonly string[]): Unit[] {
  return unitsOf(documentOf(lines));
}

/**
 * A table printed one cell per line from the edition's own labels (group labels before their
 * first row), every value `value`; `rows` limits it to the first rows (a cut text).
 */
export function tableLines(
  edition: EditionId,
  table: Exclude<TableId, "table4">,
  value = "0",
  rows?: number,
): string[] {
  const definition = getTableDefinition(edition, table);
  const lines: string[] = [];
  let group = "";
  for (const row of definition.rows.slice(0, rows)) {
    const innermost = row.groups[row.groups.length - 1]?.label ?? "";
    if (innermost !== group && innermost !== "") lines.push(innermost);
    group = innermost;
    if (table === "table2" && row.groups.length > 0 && lines[lines.length - 1] === innermost)
      lines.push("信息内容", ...row.columns.map((column) => column.label));
    lines.push(row.label, ...row.columns.map(() => value));
  }
  return lines;
}
