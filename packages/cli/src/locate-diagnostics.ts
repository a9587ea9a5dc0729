import type { Diagnostic, Report, SourcePosition } from "@gongkai/core";
import { locateJsonPointer, pointerSegments } from "./json-pointer-position";
import type { LoadedInput } from "./load-input";

/** Where a finding is in its input file: 1-based line and column, and an end when known. */
export interface FilePosition {
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** A finding with its position in the input file, when it has one. */
export interface LocatedDiagnostic {
  readonly diagnostic: Diagnostic;
  readonly position: FilePosition | undefined;
}

function isSourcePosition(value: unknown): value is SourcePosition {
  if (typeof value !== "object" || value === null) return false;
  const { line, column } = value as { line?: unknown; column?: unknown };
  return typeof line === "number" && typeof column === "number" && line >= 1 && column >= 1;
}

/** The `source` of the value at `pointer`, or else of its nearest ancestor that has one. */
function sourceAlongPointer(report: Report, pointer: string): { exact?: SourcePosition; ancestor?: SourcePosition } {
  const segments = pointerSegments(pointer);
  let current: unknown = report;
  let ancestor: SourcePosition | undefined;
  for (const [index, segment] of segments.entries()) {
    if (typeof current !== "object" || current === null) return ancestor ? { ancestor } : {};
    const source = (current as { source?: unknown }).source;
    if (index > 0 && isSourcePosition(source)) ancestor = source;
    current = (current as Record<string, unknown>)[segment];
  }
  const exact = typeof current === "object" && current !== null ? (current as { source?: unknown }).source : undefined;
  return {
    ...(isSourcePosition(exact) ? { exact } : {}),
    ...(ancestor ? { ancestor } : {}),
  };
}

function fromSource(source: SourcePosition): FilePosition {
  return {
    line: source.line,
    column: source.column,
    ...(source.endLine === undefined ? {} : { endLine: source.endLine }),
    ...(source.endColumn === undefined ? {} : { endColumn: source.endColumn }),
  };
}

/**
 * Where each finding is in the input. JSON inputs: the JSON pointer located in the text (the
 * nearest existing ancestor when the pointer leads to something missing). Imported inputs: the
 * finding's own source position, else that of the value it points at, of the first cell it read,
 * or of the nearest enclosing part or table.
 */
export function positionOf(input: LoadedInput, diagnostic: Diagnostic): FilePosition | undefined {
  const { pointer } = diagnostic.location;
  if (input.jsonText !== undefined) {
    const position = locateJsonPointer(input.jsonText, pointer);
    return { line: position.line, column: position.column };
  }
  if (diagnostic.location.source) return fromSource(diagnostic.location.source);
  const along = sourceAlongPointer(input.report, pointer);
  const fromCells = diagnostic.cells?.find((cell) => cell.source)?.source;
  const chosen = along.exact ?? fromCells ?? along.ancestor;
  return chosen ? fromSource(chosen) : undefined;
}

/** Locate every finding and sort them by position (findings without one first), stably. */
export function locateDiagnostics(input: LoadedInput, diagnostics: readonly Diagnostic[]): LocatedDiagnostic[] {
  const located = diagnostics.map((diagnostic) => ({ diagnostic, position: positionOf(input, diagnostic) }));
  return located
    .map((entry, index) => ({ entry, index }))
    .sort((left, right) => {
      const a = left.entry.position;
      const b = right.entry.position;
      const byLine = (a?.line ?? 0) - (b?.line ?? 0);
      if (byLine !== 0) return byLine;
      const byColumn = (a?.column ?? 0) - (b?.column ?? 0);
      return byColumn !== 0 ? byColumn : left.index - right.index;
    })
    .map(({ entry }) => entry);
}
