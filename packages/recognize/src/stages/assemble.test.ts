import { describe, expect, it } from "vitest";
import { recognize } from "../recognize";
import { narrativeOf, withPath } from "./assemble";
import { documentOf, tableLines } from "./stage-test-support";

const title = "某县统计局2023年政府信息公开工作年度报告";

describe("stage assemble", () => {
  it("sets meta.truncatedAt with the import/truncated finding, and reports no table after the cut missing", () => {
    const { report, diagnostics } = recognize(
      documentOf([title, "二、主动公开政府信息情况", ...tableLines("2021", "table2", "0", 3)]),
      { fileName: "cut.txt" },
    );
    expect(report.meta.truncatedAt).toEqual({
      part: "activeDisclosure",
      table: "table2",
      source: { line: 20, column: 2, path: "cut.txt" },
    });
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(["import/truncated", "import/meta-missing"]);
    expect(diagnostics[0]?.location.source).toEqual(report.meta.truncatedAt?.source);
    expect(report.tables).not.toHaveProperty("table3");
  });

  it("leaves meta.truncatedAt unset for a whole report, and reports a table it lacks", () => {
    const { report, diagnostics } = recognize(
      documentOf([
        title,
        "二、主动公开政府信息情况",
        ...tableLines("2021", "table2", "0"),
        "六、其他需要报告的事项",
        "无。",
      ]),
    );
    expect(report.meta).not.toHaveProperty("truncatedAt");
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === "import/missing-table")).toHaveLength(2);
  });

  it("gives positions the file name, never over a path they have", () => {
    expect(withPath({ line: 1, column: 1 }, "a.txt")).toEqual({ line: 1, column: 1, path: "a.txt" });
    expect(withPath({ line: 1, column: 1, path: "body>p[2]" }, "a.html")).toEqual({
      line: 1,
      column: 1,
      path: "body>p[2]",
    });
    expect(withPath({ line: 1, column: 1 }, undefined)).toEqual({ line: 1, column: 1 });
  });

  it("takes a short numbered line without a full stop inside for a subheading", () => {
    expect(narrativeOf("（一）主动公开", { line: 1, column: 1 }).type).toBe("subheading");
    expect(narrativeOf("（一）主动公开。全年公开信息12条，较上年增加。", { line: 1, column: 1 }).type).toBe(
      "paragraph",
    );
  });
});
