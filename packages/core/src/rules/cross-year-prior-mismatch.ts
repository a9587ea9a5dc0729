import type { LocalizedText } from "../diagnostics/diagnostic";
import type { CoreRule } from "./emit";
import { priorMismatch } from "./prior-mismatch";

/**
 * `cross-year/prior-mismatch`: the prior report given (`options.prior`, `--prior`) is not the same
 * agency's report for the previous year: the agency names differ after `normalizeAgencyName`
 * (bracket style, full/half width, whitespace, 关于…的, years and title words aside), or the years
 * are not consecutive. `cross-year/carry-over` and `cross-year/valid-documents` are then not run.
 */
export const crossYearPriorMismatch: CoreRule = {
  run({ report, options }, emit) {
    const prior = options.prior;
    if (!prior) return;
    const mismatch = priorMismatch(report, prior);
    if (!mismatch) return;
    const reasons: LocalizedText[] = [];
    if (mismatch.agency) {
      reasons.push({
        zh: `上年报告的机关为“${prior.meta.agency.name}”，本报告为“${report.meta.agency.name}”`,
        en: `the prior report is by "${prior.meta.agency.name}", this one by "${report.meta.agency.name}"`,
      });
    }
    if (mismatch.year) {
      reasons.push({
        zh: `上年报告是${prior.meta.year}年的，不是本报告（${report.meta.year}年）的上一年`,
        en: `the prior report covers ${prior.meta.year}, not the year before this report (${report.meta.year})`,
      });
    }
    emit({
      message: {
        zh: `${reasons.map((reason) => reason.zh).join("；")}，未进行跨年度核对（上年结转、现行有效件数）。`,
        en: `Cross-year checks (carry-over, documents in force) were not run: ${reasons.map((reason) => reason.en).join("; ")}.`,
      },
      location: { pointer: mismatch.agency ? "/meta/agency/name" : "/meta/year" },
      ...(mismatch.agency
        ? { expected: report.meta.agency.name, actual: prior.meta.agency.name }
        : { expected: report.meta.year - 1, actual: prior.meta.year }),
    });
  },
};
