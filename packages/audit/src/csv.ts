import type { Diagnostic, Report } from "@gongkai/core";
import { cellCsvColumns, cellCsvRows, csvField } from "@gongkai/to-json";

/** One CSV line (RFC 4180, CRLF end) from its fields. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/** The header of `findings.csv`. */
export const findingsCsvHeader = csvLine([
  "file",
  "agency",
  "year",
  "ruleId",
  "severity",
  "table",
  "row",
  "column",
  "pointer",
  "line",
  "sourceColumn",
  "expected",
  "actual",
  "id",
  "causedBy",
  "message",
]);

/** The header of `cells.csv`. */
export const cellsCsvHeader = csvLine(["file", "agency", "year", ...cellCsvColumns]);

/** The fields every line of one report starts with (file, agency, year), each formatted once, with the comma after. */
function reportFields(file: string, agency: string, year: number): string {
  return `${csvField(file)},${csvField(agency)},${year},`;
}

/** `findings.csv` lines for one report's findings. */
export function findingsCsv(file: string, agency: string, year: number, diagnostics: readonly Diagnostic[]): string {
  const prefix = reportFields(file, agency, year);
  let text = "";
  for (const diagnostic of diagnostics) {
    const { location } = diagnostic;
    text += prefix;
    text += csvLine([
      diagnostic.ruleId,
      diagnostic.severity,
      location.table ?? "",
      location.row ?? "",
      location.column ?? "",
      location.pointer,
      location.source ? String(location.source.line) : "",
      location.source ? String(location.source.column) : "",
      diagnostic.expected === undefined ? "" : String(diagnostic.expected),
      diagnostic.actual === undefined || diagnostic.actual === null ? "" : String(diagnostic.actual),
      diagnostic.id ?? "",
      diagnostic.causedBy ?? "",
      diagnostic.message.zh,
    ]);
  }
  return text;
}

/** `cells.csv` lines for one report's cells. */
export function cellsCsv(file: string, agency: string, year: number, report: Report): string {
  let text = "";
  const prefix = reportFields(file, agency, year);
  for (const fields of cellCsvRows(report)) {
    text += prefix;
    text += csvLine(fields);
  }
  return text;
}
