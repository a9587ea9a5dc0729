import { parseChineseNumber } from "../narrative/chinese-number";
import type { CoreRule } from "./emit";

/** The position of the section with `code`, or -1. */
function indexOfSection(sections: readonly { readonly code: string }[], code: string): number {
  for (let index = 0; index < sections.length; index += 1) if (sections[index]?.code === code) return index;
  return -1;
}

/** What a `structure/part-numbering` finding (and its fix) is worded from. */
export interface PartNumberingData {
  /** The part's printed heading and numeral. */
  readonly heading: string;
  readonly numeral: string;
  /** The numeral it should have, and its section's label (zh and en). */
  readonly expected: string;
  readonly label: string;
  readonly en: string;
  /** How many other parts print the same numeral. */
  readonly others: number;
}

/**
 * `structure/part-numbering`: a part prints a numeral that is neither the one its code has in the
 * edition (四 for 政府信息公开行政复议、行政诉讼情况) nor the one its position gives (the fourth
 * part printed), e.g. two parts numbered 五, or a skipped 四. A part printed without a numeral is
 * not checked.
 */
export const structurePartNumbering: CoreRule<PartNumberingData> = {
  run({ report, edition }, emit) {
    const sections = edition.sections;
    for (const [index, part] of report.parts.entries()) {
      if (part.numeral === undefined) continue;
      const printed = parseChineseNumber(part.numeral);
      const sectionIndex = indexOfSection(sections, part.code);
      const section = sections[sectionIndex];
      if (printed === undefined || section === undefined) continue;
      if (printed === sectionIndex + 1 || printed === index + 1) continue;
      const expected = section.label.slice(0, section.label.indexOf("、"));
      const others = report.parts.filter((other) => other !== part && other.numeral === part.numeral).length;
      emit({
        data: {
          heading: part.heading,
          numeral: part.numeral,
          expected,
          label: section.label,
          en: section.en,
          others,
        },
        location: {
          pointer: `/parts/${index}/numeral`,
          ...(part.source === undefined ? {} : { source: part.source }),
        },
        expected,
        actual: part.numeral,
        fix: {},
      });
    }
  },
};
