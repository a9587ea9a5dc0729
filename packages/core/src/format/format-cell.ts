import type { ColumnDefinition } from "../editions/editions";
import type { Cell } from "../model/cell";

/**
 * A number as plain decimal digits: no grouping, no exponent (`1e-7` reads `0.0000001`), `-` for
 * negatives, `0` for `-0`.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  if (Object.is(value, -0)) return "0";
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}

/**
 * The text every renderer prints for a cell the importer could not read (never an empty cell),
 * and that importers read back as an unread cell. Renderers may follow it with the reason's
 * label (`unreadReasonLabels`) in brackets: 未读出（原文在此之前截断）.
 */
export const unreadCellText = "未读出";

/**
 * The text a cell shows in the printed form, the same in every renderer, decided from its value
 * and unit (not from `raw`):
 * - number: the decimal value; a money unit is appended unless the column header prints that
 *   unit (2021 本年收费金额（单位：万元）), e.g. `287.36万元`; in a signed column (本年增/减) a
 *   negative value shows `-`, and a positive value shows `+` only when the report wrote one
 *   (`raw` starts with `+` or `＋`), so `+3` stays `+3` and `3` stays `3`;
 * - blank: nothing; not applicable: `/`;
 * - unread: {@link unreadCellText} (未读出), so an unread cell never looks blank.
 *
 * @example
 * formatCell({ kind: "number", value: 287.36, unit: "万元" }, column) // "287.36万元"
 */
export function formatCell(cell: Cell | undefined, column: ColumnDefinition): string {
  if (cell === undefined) return "";
  switch (cell.kind) {
    case "number": {
      let text = formatNumber(cell.value);
      if (column.signed && cell.value > 0 && /^\s*[+＋]/.test(cell.raw ?? "")) text = `+${text}`;
      if (cell.unit !== undefined && cell.unit !== column.unit) text += cell.unit;
      return text;
    }
    case "notApplicable":
      return "/";
    case "unread":
      return unreadCellText;
    default:
      return "";
  }
}
