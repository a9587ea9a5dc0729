import { getEdition } from "../editions/editions";
import { parseChineseNumber } from "../narrative/chinese-number";
import type { CoreRule } from "./emit";

/** The position of the section with `code`, or -1. */
function indexOfSection(sections: readonly { readonly code: string }[], code: string): number {
  for (let index = 0; index < sections.length; index += 1) if (sections[index]?.code === code) return index;
  return -1;
}

/**
 * `structure/part-numbering`: a part prints a numeral that is neither the one its code has in the
 * edition (四 for 政府信息公开行政复议、行政诉讼情况) nor the one its position gives (the fourth
 * part printed), e.g. two parts numbered 五, or a skipped 四. A part printed without a numeral is
 * not checked.
 */
export const structurePartNumbering: CoreRule = {
  run({ report }, emit) {
    const sections = getEdition(report.edition).sections;
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
        message: {
          zh: `“${part.heading}”部分的序号为“${part.numeral}”，应为“${expected}”（${section.label}）${others > 0 ? `；报告中另有 ${others} 个部分也编为“${part.numeral}”` : ""}。`,
          en: `The part "${part.heading}" is numbered ${part.numeral}; it should be ${expected} (${section.en})${others > 0 ? `; ${others} other part${others === 1 ? " is" : "s are"} also numbered ${part.numeral}` : ""}.`,
        },
        location: {
          pointer: `/parts/${index}/numeral`,
          ...(part.source === undefined ? {} : { source: part.source }),
        },
        expected,
        actual: part.numeral,
        fix: {
          message: {
            zh: `将该部分改为“${section.label}”。`,
            en: `Renumber the part as ${expected} ("${section.label}").`,
          },
        },
      });
    }
  },
};
