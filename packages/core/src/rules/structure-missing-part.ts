import type { CoreRule } from "./emit";
import { isCutOff } from "./truncation";

/** What a `structure/missing-part` finding is worded from: the missing part's label, zh and en. */
export interface MissingPartData {
  readonly label: string;
  readonly en: string;
}

/**
 * `structure/missing-part`: one of the edition's six parts (一、总体情况 … 六、其他需要报告的事项)
 * is absent from the report. Parts after the point where the source stops (`meta.truncatedAt`,
 * set by an importer) are not reported: the text ends before them.
 *
 * @see 《中华人民共和国政府信息公开条例》 第五十条
 */
export const structureMissingPart: CoreRule<MissingPartData> = {
  run(context, emit) {
    const { report } = context;
    const present = new Set<string>();
    for (const part of report.parts) present.add(part.code);
    for (const section of context.edition.sections) {
      // A part after the point where the source stops was not in the source, not missing from the report.
      if (present.has(section.code) || isCutOff(report, section.code)) continue;
      emit({
        data: { label: section.label, en: section.en },
        location: { pointer: "/parts" },
        expected: section.label,
      });
    }
  },
};
