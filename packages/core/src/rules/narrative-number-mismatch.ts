import type { CellReference, DiagnosticLocation, LocalizedText } from "../diagnostics/diagnostic";
import type { TableId } from "../editions/editions";
import type { SourcePosition } from "../model/cell";
import type { NarrativeBlock, Report } from "../model/report";
import {
  type ExtractNarrativeCountsOptions,
  extractNarrativeCounts,
  type NarrativeCount,
} from "../narrative/extract-counts";
import type { NarrativeTargetCell } from "../narrative/narrative-targets";
import { sum } from "./arithmetic";
import { type EffectiveValue, effectiveValue, unreadValue } from "./effective-value";
import type { CheckContext, CoreRule, TracedEmit } from "./emit";
import { appendReferences, columnLabel, rowLabel } from "./table-cells";

/** A table cell a narrative count describes, as labelled. */
export interface NarrativeTargetLabel {
  readonly table: TableId;
  readonly row: LocalizedText;
  readonly column: LocalizedText;
}

/** What a `narrative/number-mismatch` finding is worded from. */
export interface NumberMismatchData {
  /** The phrase in the text, and the count it states. */
  readonly phrase: string;
  readonly stated: number;
  /** The cells it describes (their sum when more than one), and what they hold. */
  readonly targets: readonly NarrativeTargetLabel[];
  readonly tableValue: number;
  /** Whether a blank total was counted as the sum of its parts. */
  readonly computed: boolean;
}

/** The source position of the number inside a paragraph, when the paragraph is one line. */
function numberSource(block: NarrativeBlock, count: NarrativeCount): SourcePosition | undefined {
  const source = block.source;
  if (!source) return undefined;
  const singleLine = !block.text.includes("\n") && (source.endLine === undefined || source.endLine === source.line);
  if (!singleLine) return source;
  const length = count.numberText.length;
  return {
    ...source,
    column: source.column + count.index,
    endLine: source.line,
    endColumn: source.column + count.index + length,
    ...(source.offset === undefined
      ? {}
      : { offset: source.offset + count.index, endOffset: source.offset + count.index + length }),
  };
}

/** The JSON pointer of a block: in the preamble when `partIndex` is undefined, else in that part. */
function blockPointer(partIndex: number | undefined, blockIndex: number): string {
  return partIndex === undefined ? `/preamble/${blockIndex}` : `/parts/${partIndex}/blocks/${blockIndex}`;
}

function hasTables(report: Report, targets: readonly NarrativeTargetCell[]): boolean {
  for (const target of targets) if (report.tables[target.table] === undefined) return false;
  return true;
}

/** The target cells with their labels, for the message. */
function targetLabels(report: Report, targets: readonly NarrativeTargetCell[]): NarrativeTargetLabel[] {
  return targets.map((target) => ({
    table: target.table,
    row: rowLabel(report, target.table, target.row),
    column: columnLabel(report, target.table, target.column),
  }));
}

function checkBlock(
  context: CheckContext,
  emit: TracedEmit<NumberMismatchData>,
  block: NarrativeBlock,
  extractOptions: ExtractNarrativeCountsOptions,
  partIndex: number | undefined,
  blockIndex: number,
): void {
  if (block.type !== "paragraph") return;
  const { report } = context;
  const counts = extractNarrativeCounts(block.text, extractOptions);
  for (const count of counts) {
    const targets = context.edition.narrativeTargets[count.fact];
    if (targets === undefined || !hasTables(report, targets)) continue;
    const values: EffectiveValue[] = [];
    const numbers: number[] = [];
    let computed = false;
    let unread = false;
    for (const target of targets) {
      const value = effectiveValue(report, target.table, target.row, target.column, context.arithmetic);
      values.push(value);
      if (value.value === unreadValue) unread = true;
      else if (value.value !== undefined) numbers.push(value.value);
      computed ||= value.computed;
    }
    // A count is compared only with what was read: an unread cell (or a blank total computed
    // from one) says nothing.
    if (unread || numbers.length === 0) continue;
    const tableValue = sum(numbers);
    if (tableValue === count.value) continue;
    const source = numberSource(block, count);
    const pointer = blockPointer(partIndex, blockIndex);
    const location: DiagnosticLocation = source === undefined ? { pointer } : { pointer, source };
    const cells: CellReference[] = [];
    for (const value of values) appendReferences(cells, value.cells);
    emit({
      data: {
        phrase: count.phrase,
        stated: count.value,
        targets: targetLabels(report, targets),
        tableValue,
        computed,
      },
      location,
      expected: tableValue,
      actual: count.value,
      cells,
    });
  }
}

/**
 * `narrative/number-mismatch`: a count stated in the prose (preamble and parts) differs from the
 * table cell it describes, e.g. `全年共收到政府信息公开申请49件` against table 三's
 * 一、本年新收 总计 (a blank total counts as the sum of its parts). Only confident phrasings are
 * read (see `extractNarrativeCounts`).
 */
export const narrativeNumberMismatch: CoreRule<NumberMismatchData> = {
  run(context, emit) {
    const { report } = context;
    const year = report.meta.year;
    const preambleOptions: ExtractNarrativeCountsOptions = { year };
    let blockIndex = 0;
    for (const block of report.preamble) {
      checkBlock(context, emit, block, preambleOptions, undefined, blockIndex);
      blockIndex += 1;
    }
    let partIndex = 0;
    for (const part of report.parts) {
      const partOptions: ExtractNarrativeCountsOptions = { year, section: part.code };
      blockIndex = 0;
      for (const block of part.blocks) {
        checkBlock(context, emit, block, partOptions, partIndex, blockIndex);
        blockIndex += 1;
      }
      partIndex += 1;
    }
  },
};
