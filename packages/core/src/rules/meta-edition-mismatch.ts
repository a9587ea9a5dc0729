import { editionForYear, editionIds, getEdition } from "../editions/editions";
import type { CoreRule } from "./emit";

/** What a `meta/edition-mismatch` finding is worded from. */
export interface EditionMismatchData {
  /** The report year. */
  readonly year: number;
  /** The edition for that year, and the document that issued it. */
  readonly expected: string;
  readonly expectedDocument: string;
  /** The edition the report is laid out in, and its document. */
  readonly used: string;
  readonly usedDocument: string;
}

/**
 * `meta/edition-mismatch`: the report is laid out in another edition than the one for its year
 * ({@link editionForYear}): a report on 2021 or later in the 2019 layout, or on 2020 or earlier
 * in the 2021 layout. Seen in real 2022 and 2023 reports.
 */
export const metaEditionMismatch: CoreRule<EditionMismatchData> = {
  run(context, emit) {
    const { report } = context;
    const year = report.meta.year;
    const expected = editionForYear(year) ?? editionIds[0];
    if (expected === report.edition) return;
    const used = context.edition;
    const wanted = getEdition(expected);
    emit({
      data: {
        year,
        expected,
        expectedDocument: wanted.document,
        used: report.edition,
        usedDocument: used.document,
      },
      location: { pointer: "/edition" },
      expected,
      actual: report.edition,
    });
  },
};
