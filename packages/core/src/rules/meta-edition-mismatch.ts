import { editionForYear, editionIds, editions } from "../editions/editions";
import type { RuleDefinition } from "./rule";

/**
 * `meta/edition-mismatch`: the report is laid out in another edition than the one for its year
 * ({@link editionForYear}): a report on 2021 or later in the 2019 layout, or on 2020 or earlier
 * in the 2021 layout. Seen in real 2022 and 2023 reports.
 */
export const metaEditionMismatch: RuleDefinition = {
  id: "meta/edition-mismatch",
  defaultSeverity: "warning",
  description: {
    zh: "报告采用的格式版本应与报告年度相符（2019、2020年度用2019年试行格式，2021年度起用2021年格式）。",
    en: "The report uses the format edition for its year (2019 trial edition for 2019–2020, 2021 edition from 2021).",
  },
  run({ report }, emit) {
    const year = report.meta.year;
    const expected = editionForYear(year) ?? editionIds[0];
    if (expected === report.edition) return;
    const used = editions[report.edition];
    const wanted = editions[expected];
    emit({
      message: {
        zh: `${year}年度报告应采用${wanted.document}印发的格式（${expected}版），但本报告采用的是${used.document}印发的格式（${report.edition}版）。`,
        en: `A report on ${year} should use the ${expected} edition (${wanted.document}), but this one is laid out in the ${report.edition} edition (${used.document}).`,
      },
      location: { pointer: "/edition" },
      expected,
      actual: report.edition,
    });
  },
};
