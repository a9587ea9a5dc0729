import { editionForYear, editionIds, getEdition } from "../editions/editions";
import type { CoreRule } from "./emit";

/**
 * `meta/edition-mismatch`: the report is laid out in another edition than the one for its year
 * ({@link editionForYear}): a report on 2021 or later in the 2019 layout, or on 2020 or earlier
 * in the 2021 layout. Seen in real 2022 and 2023 reports.
 */
export const metaEditionMismatch: CoreRule = {
  run({ report }, emit) {
    const year = report.meta.year;
    const expected = editionForYear(year) ?? editionIds[0];
    if (expected === report.edition) return;
    const used = getEdition(report.edition);
    const wanted = getEdition(expected);
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
