import { describe, expect, it } from "vitest";
import type { BlockDocument } from "../block-document";
import { FindingCollector } from "../diagnostics";
import { readMeta, reportMetaFindings } from "./meta";
import { findParts } from "./parts";
import { documentOf, unitsOfLines } from "./stage-test-support";

function metaOf(lines: readonly string[]) {
  const units = unitsOfLines(lines);
  return readMeta(documentOf(lines), units, findParts(units));
}

describe("stage meta: readMeta", () => {
  it("reads the title, the closing and where the content ends", () => {
    const meta = metaOf([
      "某县统计局2023年政府信息公开工作年度报告",
      "一、总体情况",
      "本年度工作有序开展。",
      "六、其他需要报告的事项",
      "无。",
      "某县统计局",
      "2024年1月20日",
    ]);
    expect(meta).toMatchObject({
      title: { agency: "某县统计局", year: 2023 },
      titleUnit: 0,
      year: 2023,
      yearSource: "title",
      closing: { from: 5, signature: "某县统计局", date: "2024-01-20" },
      contentEnd: 5,
      published: { date: "2024-01-20", source: { line: 7 } },
      agencyName: "某县统计局",
      agencyKind: "department",
    });
  });

  it("takes the year from the statistics period when no title states it, and reports the missing agency", () => {
    const meta = metaOf(["一、总体情况", "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。"]);
    expect(meta).toMatchObject({ year: 2022, yearSource: "period", closing: undefined, agencyName: "" });
    const findings = new FindingCollector();
    reportMetaFindings(meta, findings);
    expect(findings.finish().map((finding) => finding.location.pointer)).toEqual([
      "/meta/agency/name",
      "/meta/publishedDate",
    ]);
  });

  it("takes the agency kind and region the container states over the kind the name suggests", () => {
    const lines = ["某县统计局2023年政府信息公开工作年度报告", "一、总体情况", "本年度工作有序开展。"];
    const read = (agency: NonNullable<NonNullable<BlockDocument["meta"]>["agency"]>) => {
      const units = unitsOfLines(lines);
      return readMeta({ ...documentOf(lines), meta: { agency } }, units, findParts(units));
    };
    expect(metaOf(lines)).toMatchObject({
      agencyKind: "department",
      agencyKindInferred: true,
      agencyRegion: undefined,
    });
    expect(read({ kind: "peoplesGovernment", region: "某省某市" })).toMatchObject({
      agencyKind: "peoplesGovernment",
      agencyKindInferred: false,
      agencyRegion: "某省某市",
    });
    expect(read({ kind: "unknown" })).toMatchObject({ agencyKind: "unknown", agencyKindInferred: false });
    expect(read({ kind: "department", kindInferred: true })).toMatchObject({ agencyKindInferred: true });
    // A kind that is no agency kind is not taken.
    expect(read({ kind: "ministry" })).toMatchObject({ agencyKind: "department", agencyKindInferred: true });
  });
});
