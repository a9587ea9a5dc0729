import {
  type Cell,
  type MoneyUnit,
  type SourcePosition,
  type UnreadReason,
  unreadCellText,
  unreadReasonLabels,
  unreadReasons,
} from "@gongkai/core";
import { foldText } from "./normalize";

/** What the reader needs to know about the column a value is read for. */
export interface ValueColumn {
  /** The value may be negative. */
  readonly signed: boolean;
  /** The column holds money. */
  readonly money: boolean;
  /** The unit printed for the column (in the edition or the source's header), if any. */
  readonly unit: string | null;
}

/** The outcome of reading one cell's text. */
export interface ReadValue {
  /** The cell to store (blank when unreadable). */
  readonly cell: Cell;
  /** Set when the text was not a value: the cell is blank and the caller reports it. */
  readonly unreadable: boolean;
}

const nothingReported = new Set(["-", "--", "—", "——", "–", "―", "无", "－"]);
const notApplicable = new Set(["/", "\\", "//"]);
const countUnits = "件|条|个|项|次|人|家|宗|份|批";
const numberPattern = new RegExp(
  `^([+-]?)((?:\\d{1,3}(?:,\\d{3})+)|\\d+)(?:\\.(\\d+))?\\s*(万元|亿元|元|${countUnits})?$`,
  "u",
);

/** Each reason's label as a renderer prints it after 未读出, folded as cell text is. */
const unreadReasonsByLabel = new Map<string, UnreadReason>(
  unreadReasons.map((reason) => [foldText(unreadReasonLabels[reason].zh), reason]),
);

/**
 * The reason of a cell a renderer printed as unread (`未读出`, optionally followed by the
 * reason's label in brackets); `undefined` when `folded` is not such a mark. A mark without a
 * known label reads as `illegible`: the reason did not travel with the text.
 */
function unreadMarkReason(folded: string): UnreadReason | undefined {
  if (!folded.startsWith(unreadCellText)) return undefined;
  const rest = folded.slice(unreadCellText.length).trim();
  if (rest === "") return "illegible";
  const label = /^\((.*)\)$/u.exec(rest)?.[1];
  return label === undefined ? undefined : (unreadReasonsByLabel.get(label.trim()) ?? "illegible");
}

/** A signed change as printed: a dash or minus sign before the digits, or 增加/减少 in words. */
function signedForm(text: string): string {
  const words = /^(增加|新增|增|减少|减)\s*(\d.*)$/u.exec(text);
  if (words) return `${words[1]?.startsWith("减") ? "-" : "+"}${words[2] ?? ""}`;
  return text.replace(/^[—–−](?=\d)/u, "-");
}

function isMoneyUnit(unit: string | null | undefined): unit is MoneyUnit {
  return unit === "元" || unit === "万元" || unit === "亿元";
}

/** `cell` (a fresh object of the caller's) with the raw text and position appended, as `{ ...cell, raw, source }` would have them. */
function withProvenance<C extends Cell>(cell: C, raw: string, source: SourcePosition | undefined): C {
  cell.raw = raw;
  if (source !== undefined) cell.source = source;
  return cell;
}

/**
 * Whether `text` reads as a table value (a number, blank, `/`, or a nothing-reported mark),
 * regardless of column.
 */
export function looksLikeValue(text: string): boolean {
  const folded = foldText(text).trim();
  return (
    folded === "" ||
    notApplicable.has(folded) ||
    nothingReported.has(folded) ||
    numberPattern.test(folded) ||
    unreadMarkReason(folded) !== undefined
  );
}

/**
 * Read one cell's text for a column.
 *
 * - empty → blank; `/` → notApplicable;
 * - `-`, `—`, `无` (nothing reported) → blank, keeping the raw text: they say no number was given,
 *   which is what blank means, and a blank is never taken for 0;
 * - numbers: full-width digits, thousands separators, a sign (`+3`, `-392`), a count unit (`9件`),
 *   and in money columns a decimal part and a money unit (`0.35万元`, `251000元`); a money cell
 *   without its own unit takes the column's printed unit; a count may carry a zero fraction
 *   (`5.00`); a signed column also reads `—3`, `−3`, `增加2`, `减少3`;
 * - `未读出` (how renderers print a cell that was not read, maybe with its reason's label in
 *   brackets) → unread again, with that reason (`illegible` when none is given);
 * - anything else (including a decimal or a money unit in a count column) is unreadable: blank.
 */
export function readValue(raw: string, column: ValueColumn, source?: SourcePosition): ReadValue {
  const folded = foldText(raw).trim();
  if (folded === "") return { cell: withProvenance({ kind: "blank" }, raw, source), unreadable: false };
  if (notApplicable.has(folded))
    return { cell: withProvenance({ kind: "notApplicable" }, raw, source), unreadable: false };
  if (nothingReported.has(folded)) return { cell: withProvenance({ kind: "blank" }, raw, source), unreadable: false };
  const reason = unreadMarkReason(folded);
  if (reason !== undefined) return { cell: withProvenance({ kind: "unread", reason }, raw, source), unreadable: false };
  const match = numberPattern.exec(column.signed ? signedForm(folded) : folded);
  if (match) {
    const [, sign, integer = "", fraction, unit] = match;
    const isMoney = isMoneyUnit(unit);
    const wholeFraction = fraction === undefined || /^0+$/u.test(fraction);
    const fits = (wholeFraction || column.money) && (!isMoney || column.money);
    if (fits) {
      const digits = integer.includes(",") ? integer.replaceAll(",", "") : integer;
      const magnitude = Number(fraction === undefined ? digits : `${digits}.${fraction}`);
      const value = sign === "-" ? -magnitude : magnitude;
      if (Number.isFinite(value)) {
        const moneyUnit = isMoney ? unit : column.money && isMoneyUnit(column.unit) ? column.unit : undefined;
        const cell: Cell =
          moneyUnit === undefined ? { kind: "number", value } : { kind: "number", value, unit: moneyUnit };
        return { cell: withProvenance(cell, raw, source), unreadable: false };
      }
    }
  }
  return { cell: withProvenance({ kind: "blank" }, raw, source), unreadable: true };
}
