import { describe, expect, it } from "vitest";
import {
  type AgencyKind,
  type CheckOptions,
  check,
  createReport,
  type Diagnostic,
  GongkaiError,
  InvalidDeadlineError,
  publicationDeadline,
  type Report,
} from "../index";

const findings = (report: Report, options: CheckOptions = {}): Diagnostic[] =>
  check(report, options).filter((diagnostic) => diagnostic.ruleId === "meta/deadline");

function published(kind: AgencyKind, date: string, kindInferred?: boolean): Report {
  const report = createReport({ edition: "2021", year: 2024, agency: { name: "某机关", kind } });
  report.meta.publishedDate = date;
  if (kindInferred !== undefined) report.meta.agency.kindInferred = kindInferred;
  return report;
}

describe("publicationDeadline", () => {
  it("gives the 第四十九条 deadlines in the year after the report year", () => {
    expect(publicationDeadline(2020, "department")).toBe("2021-01-31");
    expect(publicationDeadline(2024, "peoplesGovernment")).toBe("2025-03-31");
    expect(publicationDeadline(2024, "townshipStreet")).toBeUndefined();
    expect(publicationDeadline(2024, "unknown")).toBeUndefined();
  });

  it("takes configured deadlines, null for none, but never for an unknown kind", () => {
    expect(publicationDeadline(2024, "townshipStreet", { townshipStreet: "03-31" })).toBe("2025-03-31");
    expect(publicationDeadline(2024, "department", { department: "01-15" })).toBe("2025-01-15");
    expect(publicationDeadline(2024, "department", { department: null })).toBeUndefined();
    expect(publicationDeadline(2024, "unknown", { unknown: "01-31" })).toBeUndefined();
    expect(publicationDeadline(2023, "department", { department: "02-29" })).toBe("2024-02-29");
  });

  it("throws a typed error for a day that does not exist", () => {
    for (const value of ["02-30", "1-31", "13-01", "01/31"]) {
      let thrown: unknown;
      try {
        publicationDeadline(2024, "department", { department: value });
      } catch (error) {
        thrown = error;
      }
      expect(InvalidDeadlineError.isInstance(thrown)).toBe(true);
      expect(GongkaiError.isInstance(thrown)).toBe(true);
      expect((thrown as InvalidDeadlineError).value).toBe(value);
    }
  });
});

describe("meta/deadline", () => {
  it("passes a report published on or before its deadline, or without a date or known kind", () => {
    expect(findings(published("department", "2025-01-31"))).toEqual([]);
    expect(findings(published("peoplesGovernment", "2025-03-31"))).toEqual([]);
    expect(findings(published("unknown", "2025-12-31"))).toEqual([]);
    expect(findings(published("townshipStreet", "2025-12-31"))).toEqual([]);
    expect(
      findings(createReport({ edition: "2021", year: 2024, agency: { name: "某局", kind: "department" } })),
    ).toEqual([]);
  });

  it("fails a late report with the deadline and the days late", () => {
    const [finding, ...rest] = findings(published("peoplesGovernment", "2025-04-02"));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: "warning",
      location: { pointer: "/meta/publishedDate" },
      expected: "2025-03-31",
      actual: "2025-04-02",
    });
    expect(finding?.message.zh).toBe(
      "报告发布于2025年4月2日，晚于《条例》第四十九条规定的县级以上人民政府发布期限2025年3月31日，逾期2天。",
    );
    expect(finding?.message.en).toContain("2 days after the Article 49 deadline 2025-03-31");
  });

  it("mentions an inferred agency kind, and uses a configured township deadline", () => {
    expect(findings(published("department", "2025-02-01", true))[0]?.message.zh).toContain("机关类型系推断所得");
    const [township] = findings(published("townshipStreet", "2025-04-01"), { deadlines: { townshipStreet: "03-31" } });
    expect(township?.expected).toBe("2025-03-31");
    expect(township?.message.zh).toContain("逾期1天");
  });

  it("points at where the published date was read, when the report was imported", () => {
    const report = published("department", "2025-02-03");
    report.meta.sources = { publishedDate: { line: 3, column: 20 } };
    expect(findings(report)[0]?.location).toEqual({
      pointer: "/meta/publishedDate",
      source: { line: 3, column: 20 },
    });
  });

  it("reports a malformed configured deadline instead of throwing", () => {
    const diagnostics = findings(published("department", "2025-02-01"), { deadlines: { department: "02-30" } });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message.zh).toContain("“02-30”不是有效的“月-日”日期");
  });
});
