import type { Report } from "@gongkai/core";
import {
  blankReport,
  feesReport,
  generatedReport,
  groupAsRowReport,
  hostileReport,
  longProseReport,
  moneyAndChangesReport,
  notApplicableReport,
  unreadCellsReport,
} from "./builders";
import { seedReport } from "./seed";

/** A named report for the round-trip suite, and why it is in the set. */
export interface ConformanceCase {
  /** A short name for test titles. */
  readonly name: string;
  /** The report every renderer/importer pair must bring back. */
  readonly report: Report;
}

/** Every case the round-trip suite (`@gongkai/conformance`) runs, freshly built. */
export function conformanceCases(): ConformanceCase[] {
  return [
    { name: "the seed report (柳州市阳和工业新区 2020)", report: seedReport() },
    { name: "a blank 2021 report", report: blankReport() },
    { name: "'/' beside 0 and blank", report: notApplicableReport() },
    { name: "unread cells of every reason beside numbers, 0, blank and '/'", report: unreadCellsReport() },
    { name: "money with decimals and negative changes (2019)", report: moneyAndChangesReport() },
    { name: "fees in 万元 with decimals (2021)", report: feesReport() },
    { name: "long prose", report: longProseReport() },
    { name: "hostile strings", report: hostileReport() },
    { name: "（六）其他处理 printed as one row in a 2021 report", report: groupAsRowReport() },
    { name: "generated 2019 report (seed 1)", report: generatedReport("2019", 1) },
    { name: "generated 2021 report (seed 2)", report: generatedReport("2021", 2) },
    { name: "generated 2021 report (seed 3)", report: generatedReport("2021", 3) },
  ];
}
