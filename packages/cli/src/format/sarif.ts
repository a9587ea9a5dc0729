import { createHash } from "node:crypto";
import type { DiagnosticInfo, Severity } from "@gongkai/core";
import type { FilePosition, LocatedDiagnostic } from "../locate-diagnostics";
import type { FileResult, Language } from "./file-result";

/** The SARIF level of a severity. */
export function sarifLevel(severity: Severity): "error" | "warning" | "note" {
  return severity === "info" ? "note" : severity;
}

/** A rule id as a SARIF rule name: `table3/row-total` → `Table3RowTotal`. */
export function sarifRuleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join("");
}

/** A stable fingerprint of a finding: rule, JSON pointer and file, not line numbers. */
export function fingerprint(ruleId: string, pointer: string, uri: string): string {
  return createHash("sha256").update(`${ruleId}\u0000${pointer}\u0000${uri}`).digest("hex");
}

/** A SARIF location: the file and region, and the JSON pointer as a logical location. */
function sarifLocation(uri: string, position: FilePosition | undefined, pointer: string) {
  const region = {
    startLine: position?.line ?? 1,
    startColumn: position?.column ?? 1,
    ...(position?.endLine === undefined ? {} : { endLine: position.endLine }),
    ...(position?.endColumn === undefined ? {} : { endColumn: position.endColumn }),
  };
  return {
    physicalLocation: { artifactLocation: { uri }, region },
    ...(pointer === "" ? {} : { logicalLocations: [{ fullyQualifiedName: pointer, kind: "member" }] }),
  };
}

/** Options for {@link formatSarif}. */
export interface SarifOptions {
  readonly rules: readonly DiagnosticInfo[];
  readonly version: string;
  readonly language: Language;
  /** Inputs that could not be read, reported as tool execution notifications. */
  readonly failures: readonly string[];
}

/**
 * SARIF 2.1.0 for GitHub code scanning: one run whose driver lists every rule (core's and the
 * importers'), one result per finding with its level, message, file and region, and a
 * `partialFingerprints` entry that stays put when lines move. A finding that only follows from
 * another (`causedBy`) lists that finding's location in `relatedLocations` (id 0); `properties`
 * carry each finding's `id` and `causedBy`.
 */
export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  const { rules, language } = options;
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const other: Language = language === "zh" ? "en" : "zh";
  const seen = new Map<string, number>();
  const sarifResults = results.flatMap(({ input, diagnostics }) => {
    const byId = new Map<string, LocatedDiagnostic>();
    for (const located of diagnostics)
      if (located.diagnostic.id !== undefined) byId.set(located.diagnostic.id, located);
    return diagnostics.map(({ diagnostic, position }) => {
      const { pointer } = diagnostic.location;
      const hash = fingerprint(diagnostic.ruleId, pointer, input.uri);
      const occurrence = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, occurrence);
      const index = ruleIndex.get(diagnostic.ruleId);
      const cause = diagnostic.causedBy === undefined ? undefined : byId.get(diagnostic.causedBy);
      return {
        ruleId: diagnostic.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: sarifLevel(diagnostic.severity),
        message: { text: diagnostic.message[language] },
        locations: [sarifLocation(input.uri, position, pointer)],
        // The finding this one only follows from (its `causedBy`), when it is among the results.
        ...(cause === undefined
          ? {}
          : {
              relatedLocations: [
                {
                  id: 0,
                  ...sarifLocation(input.uri, cause.position, cause.diagnostic.location.pointer),
                  message: {
                    text:
                      language === "zh"
                        ? `源于：${cause.diagnostic.message.zh}`
                        : `Follows from: ${cause.diagnostic.message.en}`,
                  },
                },
              ],
            }),
        partialFingerprints: { "gongkaiFingerprint/v1": `${hash}:${occurrence}` },
        properties: {
          pointer,
          ...(diagnostic.location.table === undefined ? {} : { table: diagnostic.location.table }),
          ...(diagnostic.location.row === undefined ? {} : { row: diagnostic.location.row }),
          ...(diagnostic.location.column === undefined ? {} : { column: diagnostic.location.column }),
          ...(diagnostic.expected === undefined ? {} : { expected: diagnostic.expected }),
          ...(diagnostic.actual === undefined ? {} : { actual: diagnostic.actual }),
          ...(diagnostic.id === undefined ? {} : { id: diagnostic.id }),
          ...(diagnostic.causedBy === undefined ? {} : { causedBy: diagnostic.causedBy }),
        },
      };
    });
  });
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "gongkai",
            informationUri: "https://www.npmjs.com/package/@gongkai/cli",
            version: options.version,
            semanticVersion: options.version,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: sarifRuleName(rule.id),
              shortDescription: { text: rule.description[language] },
              fullDescription: { text: `${rule.description[language]} (${rule.description[other]})` },
              helpUri: rule.docsUrl,
              defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
              properties: { origin: rule.origin },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: options.failures.length === 0,
            toolExecutionNotifications: options.failures.map((failure) => ({
              level: "error",
              message: { text: failure },
            })),
          },
        ],
        columnKind: "utf16CodeUnits",
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
