import { type EditionId, edition2021, registerEdition, sectionCodes } from "@gongkai/core";
import { describe, expect, it } from "vitest";
import { recognize } from "../recognize";
import { findParts } from "./parts";
import { documentOf, unitsOfLines } from "./stage-test-support";

// Which part a heading starts is edition data (`partCues`). An edition made up for this test only
// heads part 五 工作中的不足和下一步打算 and part 六 附注, in words no built-in edition gives; once its
// data is registered, the recognizer finds both.
const lines = [
  "某县统计局2030年政府信息公开工作年度报告",
  "一、总体情况",
  "全年工作有序开展。",
  "二、主动公开政府信息情况",
  "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况",
  "五、工作中的不足和下一步打算",
  "无。",
  "六、附注",
  "无。",
];

describe("part headings from edition data", () => {
  it("finds a made-up edition's own part headings once its data is registered, and not before", () => {
    const before = findParts(unitsOfLines(lines)).map((part) => part.code);
    expect(before).toEqual(["overview", "activeDisclosure", "applications", "reviewLitigation"]);

    registerEdition({
      ...edition2021,
      id: "test-part-cues",
      appliesToReportYears: "2030-",
      sections: edition2021.sections.map((section) =>
        section.code === "problems"
          ? { ...section, label: "五、工作中的不足和下一步打算" }
          : section.code === "other"
            ? { ...section, label: "六、附注" }
            : section,
      ),
      partCues: [
        ...edition2021.partCues,
        { section: "problems", words: ["不足"] },
        { section: "other", words: ["附注"] },
      ],
    });
    const after = findParts(unitsOfLines(lines));
    expect(after.map((part) => [part.code, part.numeral, part.heading])).toEqual([
      ["overview", "一", "一、总体情况"],
      ["activeDisclosure", "二", "二、主动公开政府信息情况"],
      ["applications", "三", "三、收到和处理政府信息公开申请情况"],
      ["reviewLitigation", "四", "四、政府信息公开行政复议、行政诉讼情况"],
      ["problems", "五", "五、工作中的不足和下一步打算"],
      ["other", "六", "六、附注"],
    ]);

    const { report } = recognize(documentOf(lines));
    expect(report.edition).toBe("test-part-cues" as EditionId);
    expect(report.parts.map((part) => part.code)).toEqual(sectionCodes);
    expect(report.parts.find((part) => part.code === "other")?.blocks).toEqual([
      expect.objectContaining({ type: "paragraph", text: "无。" }),
    ]);
  });
});
