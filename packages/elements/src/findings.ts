import { type Diagnostic, getTableDefinition, type Report, type Severity } from "@gongkai/core";

/** The languages the element speaks. */
export type ElementLanguage = "zh" | "en";

/** A finding and the findings that only follow from it (`causedBy` its `id`). */
export interface FindingGroup {
  /** The finding at the root of the group. */
  readonly cause: Diagnostic;
  /** Its index in the list the group was made from. */
  readonly index: number;
  /** Findings that follow from it, with their indices. */
  readonly effects: readonly { readonly diagnostic: Diagnostic; readonly index: number }[];
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Group findings by cause: each finding whose `causedBy` names another finding's `id` goes under
 * it (following chains to their root); the rest are roots. Roots keep their order, errors first.
 */
export function groupFindingsByCause(diagnostics: readonly Diagnostic[]): FindingGroup[] {
  const byId = new Map<string, number>();
  diagnostics.forEach((diagnostic, index) => {
    if (diagnostic.id !== undefined && !byId.has(diagnostic.id)) byId.set(diagnostic.id, index);
  });
  const rootOf = (index: number): number => {
    const path = [index];
    for (;;) {
      const current = path[path.length - 1] as number;
      const cause = diagnostics[current]?.causedBy;
      const next = cause === undefined ? undefined : byId.get(cause);
      if (next === undefined) return current;
      const seenAt = path.indexOf(next);
      // A cycle (which check() never makes) is one group, rooted at its first finding.
      if (seenAt >= 0) return Math.min(...path.slice(seenAt));
      path.push(next);
    }
  };
  const groups = new Map<
    number,
    { cause: Diagnostic; index: number; effects: { diagnostic: Diagnostic; index: number }[] }
  >();
  diagnostics.forEach((diagnostic, index) => {
    const root = rootOf(index);
    let group = groups.get(root);
    if (group === undefined) {
      group = { cause: diagnostics[root] as Diagnostic, index: root, effects: [] };
      groups.set(root, group);
    }
    if (root !== index) group.effects.push({ diagnostic, index });
  });
  return [...groups.values()].sort(
    (left, right) =>
      severityOrder[left.cause.severity] - severityOrder[right.cause.severity] || left.index - right.index,
  );
}

/** The cell a finding is on, as its table, row and column labels (`三、… · （一）予以公开 · 自然人`). */
export function describeFindingLocation(report: Report, diagnostic: Diagnostic, language: ElementLanguage): string {
  const { table, row, column } = diagnostic.location;
  if (table === undefined || report.tables[table] === undefined) return "";
  const definition = getTableDefinition(report.edition, table);
  const label = (node: { label: string; en: string }) => (language === "zh" ? node.label : node.en);
  const parts = [definition.title];
  const rowDefinition = row === undefined ? undefined : definition.rows.find((candidate) => candidate.key === row);
  if (row !== undefined)
    parts.push(rowDefinition ? [...rowDefinition.groups, rowDefinition].map(label).join(" › ") : row);
  if (column !== undefined) {
    const columnDefinition = rowDefinition?.columns.find((candidate) => candidate.key === column);
    parts.push(columnDefinition ? [...columnDefinition.groups, columnDefinition].map(label).join(" › ") : column);
  }
  return parts.join(" · ");
}

/** The element's own words, in each language. */
export const elementText = {
  zh: {
    findings: (count: number) => `检查结果（${count}）`,
    none: "未发现问题。",
    severity: { error: "错误", warning: "警告", info: "提示" } as Record<Severity, string>,
    location: "位置",
    fix: "修改建议",
    effects: (count: number) => `由此引起的 ${count} 项`,
    rule: "规则",
    loading: "正在读取报告…",
    failed: "无法读取报告：",
  },
  en: {
    findings: (count: number) => `Findings (${count})`,
    none: "No problems found.",
    severity: { error: "Error", warning: "Warning", info: "Info" } as Record<Severity, string>,
    location: "Location",
    fix: "How to fix",
    effects: (count: number) => `${count} more that follow from it`,
    rule: "Rule",
    loading: "Reading the report…",
    failed: "Could not read the report: ",
  },
} as const;
