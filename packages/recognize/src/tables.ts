import {
  type Cell,
  type ColumnDefinition,
  cellPointer,
  type EditionId,
  getTableDefinition,
  type Label,
  type MoneyUnit,
  type RowDefinition,
  type SourcePosition,
  type TableId,
  type UnreadCell,
  unreadCell,
} from "@gongkai/core";
import type { TableBlock } from "./block-document";
import type { FindingCollector } from "./diagnostics";
import { type KnownLabel, type LabelMatch, LabelMatcher } from "./label-matcher";
import { foldText, normalizeLabel, normalizeWithMap } from "./normalize";
import { looksLikeValue, readValue, type ValueColumn } from "./read-value";
import { positionWithin } from "./source-position";
import { maxListedSplits, maxRunTogetherCharacters, splitRunTogether } from "./split-digits";
import { headerLabelsOf } from "./stages/cues";
import type { Unit } from "./structure";

/** The most tokens (cells and text pieces) read from one table's part of the document. */
export const maxTokensPerTable = 20_000;
/** The most cells read from one table row. */
export const maxCellsPerRow = 64;
/** The most label occurrences spotted inside one run of text. */
export const maxSpottedLabels = 5_000;
/** The longest run of text searched for labels inside it. */
export const maxSpottedCharacters = 200_000;

type Role =
  | { readonly role: "row"; readonly row: RowDefinition }
  | { readonly role: "group"; readonly group: Label }
  | { readonly role: "subTable" }
  | { readonly role: "header"; readonly column?: ColumnDefinition };

interface Token {
  readonly text: string;
  readonly source?: SourcePosition;
  /** Cut out of running text: cell boundaries were lost. */
  readonly inline: boolean;
  readonly unit: number;
  /** The text is exactly the source text at `source` (indexes into it are columns and offsets). */
  readonly exact?: boolean;
  /** The grid column of the cell, when it comes from a table grid whose spans are known. */
  readonly column?: number;
  /** The grid columns the cell spans, with `column`. */
  readonly colSpan?: number;
}

interface TokenRow {
  readonly tokens: Token[];
  /** From a table grid row (cells explicit, trailing empties are padding). */
  readonly fromTable: boolean;
}

/**
 * Where a grid's header puts each value slot: grid column → slot key (table 三: the column key;
 * table 四: `<group>/<column>`). Only built when every slot of the edition is named exactly once
 * by a header cell one grid column wide.
 */
type HeaderColumns = ReadonlyMap<number, string>;

/** The tables whose value slots are placed by header labels when the grid gives them. */
const headerMappedTables: ReadonlySet<TableId> = new Set(["table3", "table4"]);

/** How many texts a vocabulary or header matcher remembers the match of. */
const matchCacheSize = 4096;

/** Table 四's header words: the group (行政复议 …) and the column (结果维持 …) a header cell names. */
interface Table4Headers {
  readonly group: (text: string) => LabelMatch<string> | undefined;
  readonly column: (text: string) => LabelMatch<string> | undefined;
}

const headerMatchers = new Map<string, Table4Headers>();

/**
 * `match` with its answers remembered: reports print the same labels, headings, header and value
 * cells again and again, each otherwise matched against every label again. Up to
 * `matchCacheSize` texts; the cache then starts over. `null` stands for "matches nothing", so one
 * lookup answers a text seen before.
 */
function rememberMatches<T extends object>(match: (text: string) => T | undefined): (text: string) => T | undefined {
  const cache = new Map<string, T | null>();
  return (text) => {
    const cached = cache.get(text);
    if (cached !== undefined) return cached ?? undefined;
    const result = match(text);
    if (cache.size >= matchCacheSize) cache.clear();
    cache.set(text, result ?? null);
    return result;
  };
}

function table4Matchers(edition: EditionId): Table4Headers {
  const cached = headerMatchers.get(edition);
  if (cached) return cached;
  const definition = getTableDefinition(edition, "table4");
  const groups = new LabelMatcher(definition.rows.map((row) => ({ label: row.label, value: row.key })));
  const columns = new LabelMatcher(
    (definition.rows[0]?.columns ?? []).map((column) => ({ label: column.label, value: column.key })),
  );
  const matchers = {
    group: rememberMatches((text) => groups.match(text)),
    column: rememberMatches((text) => columns.match(text)),
  };
  headerMatchers.set(edition, matchers);
  return matchers;
}

/**
 * The header columns of a table grid (spans known), or undefined when its header does not name
 * every value slot of the edition exactly once. Table 三's columns are its applicant columns
 * (自然人 … 总计); table 四's are the column labels (结果维持 …) under their group (行政复议,
 * 未经复议直接起诉, 复议后起诉).
 */
function headerColumnsOf(
  block: TableBlock,
  input: TableReadInput,
  vocabulary: TableVocabulary,
): HeaderColumns | undefined {
  if (!block.spansKnown || !headerMappedTables.has(input.table)) return undefined;
  const definition = getTableDefinition(input.edition, input.table);
  const expected = new Set<string>();
  if (input.table === "table4") {
    for (const row of definition.rows) for (const column of row.columns) expected.add(`${row.key}/${column.key}`);
  } else for (const column of definition.rows[0]?.columns ?? []) expected.add(column.key);
  const found: { column: number; key: string }[] = [];
  const groupSpans: { from: number; to: number; key: string }[] = [];
  const columnCells: { column: number; key: string }[] = [];
  const matchers = input.table === "table4" ? table4Matchers(input.edition) : undefined;
  block.rows.forEach((slots, rowIndex) => {
    slots.forEach((slot, column) => {
      if (slot.origin.row !== rowIndex || slot.origin.column !== column || slot.text.length > 200) return;
      if (matchers) {
        const group = matchers.group(slot.text);
        if (group) groupSpans.push({ from: column, to: column + slot.colSpan, key: group.value });
        const label = slot.colSpan === 1 ? matchers.column(slot.text) : undefined;
        if (label) columnCells.push({ column, key: label.value });
        return;
      }
      const match = slot.colSpan === 1 ? vocabulary.match(slot.text) : undefined;
      if (match?.value.role === "header" && match.value.column) found.push({ column, key: match.value.column.key });
    });
  });
  for (const cell of columnCells) {
    const groups = groupSpans.filter((group) => group.from <= cell.column && cell.column < group.to);
    if (groups.length === 1 && groups[0]) found.push({ column: cell.column, key: `${groups[0].key}/${cell.key}` });
  }
  const byColumn = new Map<number, string>();
  const keys = new Set<string>();
  for (const { column, key } of found) {
    if (byColumn.has(column) || keys.has(key) || !expected.has(key)) return undefined;
    byColumn.set(column, key);
    keys.add(key);
  }
  return keys.size === expected.size ? byColumn : undefined;
}

/**
 * Values ordered by the slots their header columns name, or undefined when they cannot all be
 * placed so (a value outside the named columns, a cell spanning two of them, a slot with no cell).
 */
function valuesByHeader(
  values: readonly Token[],
  slotKeys: readonly string[],
  headerColumnsByUnit: ReadonlyMap<number, HeaderColumns>,
): Token[] | undefined {
  const first = values[0];
  if (!first) return undefined;
  const headerColumns = headerColumnsByUnit.get(first.unit);
  if (!headerColumns) return undefined;
  const placed = new Map<string, Token>();
  for (const token of values) {
    if (token.unit !== first.unit || token.column === undefined || token.inline) return undefined;
    const covered: string[] = [];
    for (let column = token.column; column < token.column + (token.colSpan ?? 1); column += 1) {
      const key = headerColumns.get(column);
      if (key !== undefined) covered.push(key);
    }
    const key = covered.length === 1 ? covered[0] : undefined;
    if (key === undefined || placed.has(key)) {
      if (token.text.trim() === "" && covered.length === 0) continue;
      return undefined;
    }
    placed.set(key, token);
  }
  const ordered: Token[] = [];
  for (const key of slotKeys) {
    const token = placed.get(key);
    if (!token) return undefined;
    ordered.push(token);
  }
  return ordered;
}

interface TableVocabulary {
  /** The best match for a token among this table's labels, judged against the whole edition's. */
  readonly match: (text: string) => LabelMatch<Role> | undefined;
  /** Label texts to find inside running text (normalised, numbering removed), longest first. */
  readonly spotLabels: readonly string[];
  /** For each spot label, the numberings the edition prints before it (normalised: `2.`, `(三)`). */
  readonly numberings: ReadonlyMap<string, readonly string[]>;
}

/** A label of the edition's vocabulary: the table that prints it and its role there. */
interface VocabularyEntry {
  readonly table: TableId;
  readonly role: Role;
}

/** The labels one table prints (rows, row groups, sub-tables, column headers), each with its role. */
function tableLabels(edition: EditionId, table: TableId): KnownLabel<Role>[] {
  const definition = getTableDefinition(edition, table);
  const labels: KnownLabel<Role>[] = [];
  const seen = new Set<string>();
  const add = (label: string, role: Role): void => {
    const id = `${role.role}:${label}`;
    if (seen.has(id)) return;
    seen.add(id);
    labels.push({ label, value: role });
  };
  for (const row of definition.rows) {
    if (table === "table4") add(row.label, { role: "header" });
    else add(row.label, { role: "row", row });
    for (const group of row.groups)
      add(group.label, table === "table2" ? { role: "subTable" } : { role: "group", group });
    for (const column of row.columns) {
      add(column.label, { role: "header", column });
      for (const group of column.groups) add(group.label, { role: "header" });
    }
  }
  for (const header of headerLabelsOf(edition, table)) add(header, { role: "header" });
  return labels;
}

const editionMatchers = new Map<EditionId, LabelMatcher<VocabularyEntry>>();

/**
 * One matcher over every label the edition prints in tables 二, 三 and 四, so a token is matched
 * to the nearest label of the whole edition: a near miss of another table's label is not taken
 * for one of this table's.
 */
function editionMatcher(edition: EditionId): LabelMatcher<VocabularyEntry> {
  const cached = editionMatchers.get(edition);
  if (cached) return cached;
  const labels: KnownLabel<VocabularyEntry>[] = [];
  for (const table of ["table2", "table3", "table4"] as const) {
    for (const known of tableLabels(edition, table))
      labels.push({ label: known.label, value: { table, role: known.value } });
  }
  const matcher = new LabelMatcher(labels);
  editionMatchers.set(edition, matcher);
  return matcher;
}

const vocabularies = new Map<string, TableVocabulary>();

function vocabularyOf(edition: EditionId, table: TableId): TableVocabulary {
  const key = `${edition}:${table}`;
  const cached = vocabularies.get(key);
  if (cached) return cached;
  const labels = tableLabels(edition, table);
  const numberings = new Map<string, string[]>();
  for (const known of labels) {
    const normalized = normalizeLabel(known.label);
    const numbering =
      /^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d{1,2}\.)/u.exec(normalized)?.[0] ?? "";
    const core = normalized.slice(numbering.length);
    const list = numberings.get(core) ?? [];
    if (numbering.length > 0 && !list.includes(numbering)) list.push(numbering);
    numberings.set(core, list);
  }
  const spotLabels = [...numberings.keys()].filter((label) => label.length >= 2).sort((a, b) => b.length - a.length);
  const matcher = editionMatcher(edition);
  const prefer = (entry: VocabularyEntry): boolean => entry.table === table;
  // Each text is matched once per edition and table.
  const match = rememberMatches((text): LabelMatch<Role> | undefined => {
    const found = matcher.match(text, { prefer });
    return found && found.value.table === table ? Object.freeze({ ...found, value: found.value.role }) : undefined;
  });
  const vocabulary = { match, spotLabels, numberings };
  vocabularies.set(key, vocabulary);
  return vocabulary;
}

/** What reading one table needs. */
export interface TableReadInput {
  readonly edition: EditionId;
  readonly table: TableId;
  /** The units of the table's part of the document, with their indexes in the document. */
  readonly units: readonly { readonly unit: Unit; readonly index: number }[];
  /**
   * The text may stop inside this table (it is the last thing before the end and no closing
   * follows): the last row read may be short, and rows after it are not reported missing.
   */
  readonly truncatedHere: boolean;
  readonly findings: FindingCollector;
}

/** What reading one table produced. */
export interface TableReadResult {
  /** The source shows the table (a row, sub-table or header label was found). */
  readonly present: boolean;
  /** Every row and cell of the edition's table; blank where nothing was read. */
  readonly rows: Record<string, Record<string, Cell>>;
  readonly source?: SourcePosition;
  /** Document indexes of the units the table took (they are not narrative). */
  readonly usedUnits: ReadonlySet<number>;
  /**
   * The table reaches its end: the edition's last row was found (table 四: all fifteen values).
   * A table that is the last thing in a text and is not complete is evidence the text was cut.
   */
  readonly complete: boolean;
}

const closingQuotes = new Set(["\u201d", "\u2019", '"', "'", "\u300d"]);

const valueRunPattern = /^[\s\d.,+\-—/万元亿件条个项次]+$/u;

function isValueRun(text: string): boolean {
  const folded = foldText(text);
  return /\d/u.test(folded) && valueRunPattern.test(folded);
}

/**
 * Whether a line holding table labels reads as a flattened row (cut into label and value pieces)
 * rather than as one line of a label printed over several lines: a value follows its first label,
 * or it holds two labels; and a short label (其他, 总计) starts the line, after its numbering only.
 * "2.其他法律行" (a wrapped "2.其他法律行政法规禁止公开") and "只计这一情形，不计其他情形）" stay whole.
 */
function readsAsFlattenedRow(text: string, found: readonly { start: number; end: number }[]): boolean {
  const first = found[0];
  if (!first) return false;
  if (
    first.end - first.start <= 3 &&
    !/^(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])?$/u.test(
      text.slice(0, first.start),
    )
  )
    return false;
  const labels = found.filter((occurrence, index) => index === 0 || occurrence.start >= (found[index - 1]?.end ?? 0));
  return /\d/u.test(text.slice(first.end)) || labels.length >= 2;
}

function spotTokens(
  text: string,
  source: SourcePosition,
  unit: number,
  exact: boolean,
  vocabulary: TableVocabulary,
  input: TableReadInput,
): Token[] {
  if (text.length > maxSpottedCharacters) {
    input.findings.add("import/limit-exceeded", {
      data: { kind: "textRun", max: maxSpottedCharacters },
      location: { table: input.table, pointer: `/tables/${input.table}`, source },
    });
    return [{ text, source, inline: false, unit, exact }];
  }
  const normalized = normalizeWithMap(text);
  const found: { start: number; end: number; label: string }[] = [];
  let capped = false;
  for (const label of vocabulary.spotLabels) {
    for (
      let index = normalized.text.indexOf(label);
      index !== -1;
      index = normalized.text.indexOf(label, index + label.length)
    ) {
      if (found.length >= maxSpottedLabels) {
        capped = true;
        break;
      }
      found.push({ start: index, end: index + label.length, label });
    }
    if (capped) break;
  }
  if (capped) {
    input.findings.add("import/limit-exceeded", {
      data: { kind: "tableLabels", max: maxSpottedLabels },
      location: { table: input.table, pointer: `/tables/${input.table}`, source },
    });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // Only text that reads as a flattened table is cut up: it starts with a label and has no
  // sentence end. Prose that mentions a label ("规章0件。") stays prose.
  const first = found[0];
  if (!first || first.start > 12 || /[。!?！？]/u.test(normalized.text) || !readsAsFlattenedRow(normalized.text, found))
    return [{ text, source, inline: false, unit, exact }];
  const picked: { start: number; end: number }[] = [];
  let lastEnd = 0;
  for (const occurrence of found) {
    if (occurrence.start < lastEnd) continue;
    let start = occurrence.start;
    const before = normalized.text.slice(Math.max(lastEnd, start - 6), start);
    // The edition's own numbering for this label, when the text prints it right before the label
    // ("…00000002.其他法律…": the "2." belongs to the label, not to the previous row's digits).
    const numbering = (vocabulary.numberings.get(occurrence.label) ?? []).find((candidate) =>
      before.endsWith(candidate),
    );
    if (numbering !== undefined) start -= numbering.length;
    else {
      const generic = /(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)$/u.exec(before);
      if (generic) start -= generic[0].length;
    }
    picked.push({ start, end: occurrence.end });
    lastEnd = occurrence.end;
  }
  const tokens: Token[] = [];
  let rawCursor = 0;
  const pushPiece = (from: number, to: number, inline: boolean): void => {
    const piece = text.slice(from, to);
    const trimmed = piece.trim();
    if (trimmed.length === 0) return;
    const leading = piece.length - piece.trimStart().length;
    tokens.push({ text: trimmed, source: positionWithin(source, text, from + leading, exact), inline, unit, exact });
  };
  for (const occurrence of picked) {
    const rawStart = normalized.map[occurrence.start] ?? rawCursor;
    let rawEnd = (normalized.map[occurrence.end - 1] ?? rawStart) + 1;
    // Closing quotes were dropped by normalisation; they still belong to the label.
    while (rawEnd < text.length && closingQuotes.has(text.charAt(rawEnd))) rawEnd += 1;
    pushPiece(rawCursor, rawStart, true);
    pushPiece(rawStart, rawEnd, false);
    rawCursor = rawEnd;
  }
  pushPiece(rawCursor, text.length, true);
  return tokens;
}

function tokenize(
  input: TableReadInput,
  vocabulary: TableVocabulary,
  headerColumnsByUnit: Map<number, HeaderColumns>,
): TokenRow[] {
  const rows: TokenRow[] = [];
  let count = 0;
  let limited = false;
  const limit = (source: SourcePosition | undefined): void => {
    if (limited) return;
    limited = true;
    input.findings.add("import/limit-exceeded", {
      data: { kind: "tableTokens", max: maxTokensPerTable },
      location:
        source === undefined
          ? { table: input.table, pointer: `/tables/${input.table}` }
          : { table: input.table, pointer: `/tables/${input.table}`, source },
    });
  };
  for (const { unit, index } of input.units) {
    if (limited) break;
    if (unit.kind === "table") {
      const block = unit.block;
      const headerColumns = headerColumnsOf(block, input, vocabulary);
      if (headerColumns) headerColumnsByUnit.set(index, headerColumns);
      for (let rowIndex = 0; rowIndex < block.rows.length && !limited; rowIndex += 1) {
        const slots = block.rows[rowIndex] ?? [];
        const tokens: Token[] = [];
        for (let column = 0; column < slots.length; column += 1) {
          const slot = slots[column];
          if (!slot) continue;
          if (block.spansKnown && (slot.origin.row !== rowIndex || slot.origin.column !== column)) continue;
          const grid = block.spansKnown ? { column, colSpan: slot.colSpan } : {};
          tokens.push(
            slot.source === undefined
              ? { text: slot.text, inline: false, unit: index, ...grid }
              : { text: slot.text, source: slot.source, inline: false, unit: index, ...grid },
          );
        }
        // Text tables pad rows at the end. Rows of tables 二 and 三 keep their empties (blank cells
        // with a position; placing drops any beyond the row's columns); table 四 reads its values
        // across rows, so padding must go before the rows are joined.
        if (!block.spansKnown && input.table === "table4") {
          while (tokens.length > 0 && (tokens[tokens.length - 1]?.text.trim() ?? "") === "") tokens.pop();
        }
        if (tokens.length > maxCellsPerRow) {
          input.findings.add("import/limit-exceeded", {
            data: { kind: "rowCells", cells: tokens.length, max: maxCellsPerRow },
            location: {
              table: input.table,
              pointer: `/tables/${input.table}`,
              ...(tokens[0]?.source ? { source: tokens[0].source } : {}),
            },
            actual: tokens.length,
          });
          tokens.length = maxCellsPerRow;
        }
        count += tokens.length;
        if (count > maxTokensPerTable) {
          limit(tokens[0]?.source);
          break;
        }
        rows.push({ tokens, fromTable: true });
      }
      continue;
    }
    const text = unit.text;
    const whole = looksLikeValue(text) || (text.length <= 200 && vocabulary.match(text) !== undefined);
    const tokens = whole
      ? [{ text, source: unit.source, inline: false, unit: index, exact: unit.exact }]
      : spotTokens(text, unit.source, index, unit.exact, vocabulary, input);
    count += tokens.length;
    if (count > maxTokensPerTable) {
      limit(unit.source);
      break;
    }
    rows.push({ tokens, fromTable: false });
  }
  return rows;
}

interface Slot {
  readonly row: string;
  readonly column: ColumnDefinition;
}

interface RowOccurrence {
  readonly row: RowDefinition | undefined;
  /** The row group whose label this is, when the label is a group's (（六）其他处理). */
  readonly group?: Label;
  /** How the label matched (`LabelMatch.tier`): a label read in full (0) takes no next line. */
  readonly tier?: number;
  readonly label: Token;
  readonly values: Token[];
  readonly fromTable: boolean;
  /** The occurrence is the last thing read before the document stops. */
  atEnd: boolean;
}

/**
 * Whether `token` may continue the label of `occurrence`: the label was not read in full (no
 * label matched it, or only as a truncated one), both are whole lines of text (not grid cells,
 * not cut out of running text) and no value came after the label yet.
 */
function continuesLabel(occurrence: RowOccurrence, token: Token, fromTable: boolean, table: TableId): boolean {
  return (
    table !== "table4" &&
    occurrence.tier !== 0 &&
    occurrence.values.length === 0 &&
    !fromTable &&
    !occurrence.fromTable &&
    !token.inline &&
    !occurrence.label.inline &&
    token.text.length <= 60
  );
}

/** Two lines of one label as one token, placed where the first starts. */
function joinTokens(first: Token, second: Token): Token {
  const text = `${first.text}${second.text}`;
  return first.source === undefined
    ? { text, inline: false, unit: first.unit }
    : { text, source: first.source, inline: false, unit: first.unit };
}

/** A row whose every cell is `cell` (a fresh copy each). */
function uniformRow(row: RowDefinition, cell: () => Cell): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  for (const column of row.columns) cells[column.key] = cell();
  return cells;
}

/** An unread cell with the raw text and position the source had there. */
function unreadWith(
  reason: UnreadCell["reason"],
  raw: string,
  source: SourcePosition | undefined,
  details: Pick<UnreadCell, "candidates" | "candidateCount"> = {},
): UnreadCell {
  return unreadCell(reason, source === undefined ? { ...details, raw } : { ...details, raw, source });
}

function location(table: TableId, row: string, column: string | undefined, source: SourcePosition | undefined) {
  const pointer = column === undefined ? `/tables/${table}/rows/${row}` : cellPointer({ table, row, column });
  return {
    table,
    row,
    ...(column === undefined ? {} : { column }),
    pointer,
    ...(source === undefined ? {} : { source }),
  };
}

function valueColumnOf(column: ColumnDefinition, headerUnits: ReadonlyMap<string, MoneyUnit>): ValueColumn {
  return { signed: column.signed, money: column.money, unit: headerUnits.get(column.key) ?? column.unit };
}

/** Read a sequence of value tokens into the columns of one row (or table 四's one long row). */
/**
 * The cells of one row from the values printed after its label: a grid whose header names the
 * columns places each value under its header; otherwise values follow the edition's printed
 * column order.
 */
function readRow(
  input: TableReadInput,
  row: RowDefinition,
  occurrence: RowOccurrence,
  headerColumnsByUnit: ReadonlyMap<number, HeaderColumns>,
  headerUnits: ReadonlyMap<string, MoneyUnit>,
): Record<string, Cell> {
  const byHeader = occurrence.fromTable
    ? valuesByHeader(
        occurrence.values,
        row.columns.map((column) => column.key),
        headerColumnsByUnit,
      )
    : undefined;
  const cells = placeValues(
    input,
    row.columns.map((column) => ({ row: row.key, column })),
    byHeader ?? occurrence.values,
    { fromTable: occurrence.fromTable, atEnd: occurrence.atEnd, headerUnits, label: occurrence.label.text },
  );
  const target: Record<string, Cell> = {};
  row.columns.forEach((column, index) => {
    target[column.key] = cells[index] ?? { kind: "blank" };
  });
  return target;
}

function placeValues(
  input: TableReadInput,
  slots: readonly Slot[],
  values: readonly Token[],
  options: {
    readonly fromTable: boolean;
    readonly atEnd: boolean;
    readonly headerUnits: ReadonlyMap<string, MoneyUnit>;
    readonly label: string;
  },
): Cell[] {
  const { table, findings } = input;
  const rowKey = slots[0]?.row ?? "";
  const columns = slots.map((slot) => slot.column);
  const cells: Cell[] = columns.map(() => ({ kind: "blank" }));
  const valueColumns = columns.map((column) => valueColumnOf(column, options.headerUnits));
  const store = (index: number, raw: string, source: SourcePosition | undefined): void => {
    const column = columns[index];
    const valueColumn = valueColumns[index];
    const slot = slots[index];
    if (!column || !valueColumn || !slot) return;
    const read = readValue(raw, valueColumn, source);
    cells[index] = read.unreadable ? unreadWith("illegible", raw, source) : read.cell;
    if (read.unreadable) {
      findings.add("import/unreadable-value", {
        data: { row: options.label, column: column.label, text: raw },
        location: location(table, slot.row, column.key, source),
        actual: raw,
      });
    }
  };
  const firstSource = values[0]?.source;
  if (values.some((token) => token.inline)) {
    const parts: { text: string; source?: SourcePosition }[] = [];
    for (const token of values) {
      const re = /\S+/gu;
      for (let match = re.exec(token.text); match; match = re.exec(token.text)) {
        parts.push(
          token.source === undefined
            ? { text: match[0] }
            : { text: match[0], source: positionWithin(token.source, token.text, match.index, token.exact === true) },
        );
      }
    }
    if (parts.length === columns.length) {
      parts.forEach((part, index) => {
        store(index, part.text, part.source);
      });
      return cells;
    }
    const raw = values.map((token) => token.text).join(" ");
    const digitsOnly = parts.every((part) => /^[+-]?[\d.]+(?:万元|亿元|元)?$/u.test(foldText(part.text)));
    if (parts.length < columns.length && digitsOnly) {
      const folded = parts.map((part) => foldText(part.text));
      const last = folded[folded.length - 1] ?? "";
      const unit = /(万元|亿元|元)$/u.exec(last)?.[1];
      const groups = folded.map((part) => part.replace(/(?:万元|亿元|元)$/u, ""));
      const characters = groups.reduce((sum, group) => sum + group.length, 0);
      if (characters > maxRunTogetherCharacters) {
        findings.add("import/limit-exceeded", {
          data: { kind: "runTogether", row: options.label, max: maxRunTogetherCharacters },
          location: location(table, rowKey, undefined, firstSource),
        });
        return cells.map(() => unreadWith("runTogether", raw, firstSource));
      }
      const split = splitRunTogether(groups, valueColumns);
      if (split.count === 1 && split.candidates[0]) {
        const chosen = split.candidates[0];
        chosen.forEach((part, index) => {
          const isLast = index === chosen.length - 1;
          store(index, isLast && unit !== undefined ? `${part}${unit}` : part, firstSource);
        });
        cells.forEach((cell, index) => {
          cells[index] = firstSource === undefined ? { ...cell, raw } : { ...cell, raw, source: firstSource };
        });
        findings.add("import/split-digits", {
          data: { row: options.label, text: raw, split: chosen },
          location: location(table, rowKey, undefined, firstSource),
          actual: raw,
        });
        return cells;
      }
      // Reading k of the row gives cell i the value candidates[k][i] (index-aligned, as core's
      // UnreadCell says); none when the digits split no way at all (the values are then unplaced).
      cells.forEach((_, index) => {
        cells[index] =
          split.count === 0
            ? unreadWith("unplaced", raw, firstSource)
            : unreadWith("runTogether", raw, firstSource, {
                candidates: split.candidates.map((candidate) => Number(candidate[index])),
                candidateCount: split.count,
              });
      });
      const countText = split.count >= 1e15 ? "1e15+" : String(split.count);
      findings.add("import/run-together", {
        data: { row: options.label, text: raw, columns: columns.length, count: split.count, splits: split.candidates },
        location: location(table, rowKey, undefined, firstSource),
        actual: raw,
        expected:
          split.count > maxListedSplits ? `${maxListedSplits} of ${countText} splits listed` : `${split.count} splits`,
      });
      return cells;
    }
    findings.add("import/column-count", {
      data: { row: options.label, unit: "values", found: parts.length, columns: columns.length },
      location: location(table, rowKey, undefined, firstSource),
      expected: columns.length,
      actual: parts.length,
    });
    return cells.map(() => unreadWith("unplaced", raw, firstSource));
  }
  let trimmed = values.length;
  while (trimmed > columns.length && (values[trimmed - 1]?.text.trim() ?? "") === "") trimmed -= 1;
  const nonBlank = values.filter((token) => token.text.trim() !== "").length;
  const placeable =
    trimmed <= columns.length &&
    (options.fromTable || options.atEnd || nonBlank === 0 || values.length === columns.length);
  if (!placeable) {
    findings.add("import/column-count", {
      data: { row: options.label, unit: "cells", found: values.length, columns: columns.length },
      location: location(table, rowKey, undefined, firstSource),
      expected: columns.length,
      actual: values.length,
    });
    const raw = values.map((token) => token.text).join(" ");
    return cells.map(() => unreadWith("unplaced", raw, firstSource));
  }
  for (let index = 0; index < Math.min(trimmed, columns.length); index += 1) {
    const token = values[index];
    if (token) store(index, token.text, token.source);
  }
  // The text stops inside this row: the cells after the last value read were not in the source.
  if (options.atEnd)
    for (let index = trimmed; index < columns.length; index += 1) cells[index] = unreadCell("truncated");
  return cells;
}

const unitInHeader = /(万元|亿元|元)/u;

/**
 * Read one table from its part of the document, by labels: every row the edition defines is
 * looked for by its printed label (tolerantly), its values are the cells that follow the label in
 * order (trailing empties are padding), and a row or cell that cannot be read stays blank with a
 * finding. Table 四, whose one data row carries no label, takes the 15 values that follow its
 * headers.
 */
export function readTable(input: TableReadInput): TableReadResult {
  const { edition, table, findings } = input;
  const definition = getTableDefinition(edition, table);
  const vocabulary = vocabularyOf(edition, table);
  const headerColumnsByUnit = new Map<number, HeaderColumns>();
  const tokenRows = tokenize(input, vocabulary, headerColumnsByUnit);
  const usedUnits = new Set<number>();
  const occurrences: RowOccurrence[] = [];
  const headerUnits = new Map<string, MoneyUnit>();
  let present = false;
  let source: SourcePosition | undefined;
  let current: RowOccurrence | undefined;
  const table4Values: Token[] = [];
  let table4Started = false;
  const markUsed = (token: Token): void => {
    usedUnits.add(token.unit);
    if (source === undefined && token.source !== undefined) source = token.source;
  };
  const close = (): void => {
    if (current) occurrences.push(current);
    current = undefined;
  };
  for (const tokenRow of tokenRows) {
    if (tokenRow.fromTable) close();
    // Table 四's data row has no row label: once its headers were seen, a row with a value and no
    // label (a stray caption such as 数量 is ignored) holds its cells.
    const pureValues =
      table === "table4" &&
      tokenRow.tokens.some((token) => token.text.trim() !== "" && looksLikeValue(token.text)) &&
      tokenRow.tokens.every(
        (token) =>
          looksLikeValue(token.text) ||
          (token.inline && isValueRun(token.text)) ||
          (token.text.length <= 200 && vocabulary.match(token.text) === undefined),
      );
    for (const token of tokenRow.tokens) {
      const isValue = looksLikeValue(token.text) || (token.inline && isValueRun(token.text));
      if (isValue) {
        if (table === "table4") {
          if (table4Started && pureValues) {
            table4Values.push(token);
            markUsed(token);
          } else if (table4Started && token.inline) {
            table4Values.push(token);
            markUsed(token);
          }
        } else if (current) {
          current.values.push(token);
          markUsed(token);
        }
        continue;
      }
      const match = token.text.length <= 200 ? vocabulary.match(token.text) : undefined;
      if (!match && current && continuesLabel(current, token, tokenRow.fromTable, table)) {
        // A label printed over several lines (wrapped, or one character a line): the line joins
        // the label before it while no value came between them.
        const joined = joinTokens(current.label, token);
        const joinedMatch = vocabulary.match(joined.text);
        const role = joinedMatch?.value;
        if (role?.role === "row" || role?.role === "group") {
          current = {
            row: role.role === "row" ? role.row : undefined,
            ...(role.role === "group" ? { group: role.group } : {}),
            tier: joinedMatch?.tier ?? 0,
            label: joined,
            values: [],
            fromTable: false,
            atEnd: false,
          };
          present = true;
          markUsed(token);
          continue;
        }
        if (current.row === undefined && current.group === undefined && joined.text.length <= 60) {
          current = { ...current, label: joined };
          continue;
        }
      }
      if (!match && current?.row !== undefined && tokenRow.fromTable && table !== "table4") {
        // In a grid row, whatever follows the row label is a cell of that row, readable or not.
        current.values.push(token);
        markUsed(token);
        continue;
      }
      if (!match) {
        close();
        if (table !== "table4" && present && token.text.length <= 60) {
          current = { row: undefined, label: token, values: [], fromTable: tokenRow.fromTable, atEnd: false };
        }
        continue;
      }
      present = true;
      markUsed(token);
      if (table === "table4") {
        table4Started = true;
        continue;
      }
      close();
      if (match.value.role === "row") {
        current = {
          row: match.value.row,
          tier: match.tier,
          label: token,
          values: [],
          fromTable: tokenRow.fromTable,
          atEnd: false,
        };
      } else if (match.value.role === "group" || match.value.role === "subTable") {
        // Values right after a group label (a 2021 report printing （六）其他处理 as one row) are
        // reported as an unknown row, not dropped silently.
        current = {
          row: undefined,
          ...(match.value.role === "group" ? { group: match.value.group } : {}),
          tier: match.tier,
          label: token,
          values: [],
          fromTable: tokenRow.fromTable,
          atEnd: false,
        };
      } else if (match.value.role === "header" && match.value.column?.money) {
        const unit = unitInHeader.exec(foldText(token.text))?.[1] as MoneyUnit | undefined;
        if (unit !== undefined) headerUnits.set(match.value.column.key, unit);
      }
    }
  }
  close();
  const rows: Record<string, Record<string, Cell>> = {};
  if (!present) return { present, rows, usedUnits, complete: false };
  const last = occurrences[occurrences.length - 1];
  if (last && last.row !== undefined && input.truncatedHere) last.atEnd = true;
  if (table === "table4") {
    const slots: Slot[] = definition.rows.flatMap((row) => row.columns.map((column) => ({ row: row.key, column })));
    const byHeader = valuesByHeader(
      table4Values,
      slots.map((slot) => `${slot.row}/${slot.column.key}`),
      headerColumnsByUnit,
    );
    const cells = placeValues(input, slots, byHeader ?? table4Values, {
      fromTable: true,
      atEnd: input.truncatedHere,
      headerUnits,
      label: "行政复议、行政诉讼",
    });
    for (const row of definition.rows) rows[row.key] = uniformRow(row, () => ({ kind: "blank" }));
    slots.forEach((slot, index) => {
      const target = rows[slot.row];
      const cell = cells[index];
      if (target && cell) target[slot.column.key] = cell;
    });
    const complete = table4Values.length >= slots.length;
    return source === undefined
      ? { present, rows, usedUnits, complete }
      : { present, rows, source, usedUnits, complete };
  }
  // Where a row label occurs more than once (a heading repeating it, a stray header row, a row in
  // running text and again in a grid), the occurrence with values wins, from a grid before one
  // from lines before one cut out of running text; ties go to the first.
  const rank = (occurrence: RowOccurrence): number =>
    (occurrence.values.some((token) => token.text.trim() !== "") ? 0 : 3) +
    (occurrence.fromTable ? 0 : occurrence.values.some((token) => token.inline) ? 2 : 1);
  const chosen = new Map<string, RowOccurrence>();
  // A row group printed as one row with its values (a 2021 report printing （六）其他处理 as the
  // 2019 edition did), when none of the group's own rows is printed: its rows are absent.
  const groupRows = new Map<string, RowOccurrence>();
  for (const occurrence of occurrences) {
    const group = occurrence.group;
    if (occurrence.row !== undefined || group === undefined) continue;
    if (!occurrence.values.some((token) => token.text.trim() !== "")) continue;
    const members = definition.rows.filter((row) => row.groups[row.groups.length - 1]?.code === group.code);
    const printed = occurrences.some((other) => other.row !== undefined && members.includes(other.row));
    if (members.length > 0 && !printed && !groupRows.has(group.code)) groupRows.set(group.code, occurrence);
  }
  const absentRows = new Set<string>();
  // The items of a group kept as its own row: printed as that row, so not cut off even at the end.
  const keptItems = new Set<string>();
  for (const [code, occurrence] of groupRows) {
    const members = definition.rows.filter((row) => row.groups[row.groups.length - 1]?.code === code);
    for (const row of members) absentRows.add(row.key);
    const values = occurrence.values.map((token) => token.text.trim()).filter((text) => text !== "");
    const first = members[0];
    // A group the edition lets a report print as one row (`mayPrintAsRow`) keeps its values in
    // the group's own row, as the group's total; any other group's values are only reported.
    const groupRow = definition.groupRows.find((candidate) => candidate.key === code);
    if (groupRow !== undefined) {
      rows[groupRow.key] = readRow(input, groupRow, occurrence, headerColumnsByUnit, headerUnits);
      for (const item of groupRow.items) keptItems.add(item);
    }
    const kept = groupRow !== undefined;
    findings.add("import/group-as-row", {
      data: { label: occurrence.label.text, values, items: members.length, kept },
      location: kept
        ? location(table, code, undefined, occurrence.label.source)
        : {
            table,
            ...(first ? { row: first.key } : {}),
            pointer: first ? `/tables/${table}/rows/${first.key}` : `/tables/${table}`,
            ...(occurrence.label.source ? { source: occurrence.label.source } : {}),
          },
      actual: values.join(" | "),
      expected: members.map((row) => row.label).join(" | "),
    });
  }
  for (const occurrence of occurrences) {
    if (occurrence.row === undefined) {
      if (occurrence.group !== undefined && groupRows.get(occurrence.group.code) === occurrence) continue;
      if (occurrence.values.some((token) => token.text.trim() !== "")) {
        findings.add("import/unknown-row", {
          data: { label: occurrence.label.text },
          location: {
            table,
            pointer: `/tables/${table}`,
            ...(occurrence.label.source ? { source: occurrence.label.source } : {}),
          },
          actual: occurrence.label.text,
        });
      }
      continue;
    }
    const key = occurrence.row.key;
    const previous = chosen.get(key);
    if (!previous || rank(occurrence) < rank(previous)) chosen.set(key, occurrence);
  }
  let lastFoundIndex = -1;
  definition.rows.forEach((row, index) => {
    if (chosen.has(row.key)) lastFoundIndex = index;
  });
  definition.rows.forEach((row, index) => {
    const occurrence = chosen.get(row.key);
    if (!occurrence) {
      // After the point where the text stops, a row is not in the source at all; before it, its
      // label was not found.
      const cut = input.truncatedHere && index > lastFoundIndex && !keptItems.has(row.key);
      rows[row.key] = uniformRow(row, () => unreadCell(cut ? "truncated" : "rowNotFound"));
      if (cut || absentRows.has(row.key)) return;
      findings.add("import/missing-row", {
        data: { label: row.label, english: row.en },
        location: location(table, row.key, undefined, undefined),
      });
      return;
    }
    rows[row.key] = readRow(input, row, occurrence, headerColumnsByUnit, headerUnits);
  });
  const complete = lastFoundIndex === definition.rows.length - 1;
  return source === undefined ? { present, rows, usedUnits, complete } : { present, rows, source, usedUnits, complete };
}
