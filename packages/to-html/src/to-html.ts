import {
  type Cell,
  type DataCellLayout,
  type Diagnostic,
  formatCell,
  formatNumber,
  getTableDefinition,
  groupsPrintedAsRows,
  type HeaderCellLayout,
  type NarrativeBlock,
  parseReport,
  type Report,
  type SectionCode,
  type Severity,
  type TableId,
  type TableLayout,
  tableIds,
  tableLayout,
  type UnreadCell,
  unreadCellText,
  unreadReasonLabels,
} from "@gongkai/core";
import { BoundedCache } from "./bounded-cache";
import { ChunkBuffer } from "./chunk-buffer";
import { escapeHtml, escapeJsonForScript, safeHttpUrl } from "./escape";
import { writeJson } from "./json-text";
import { type ResolvedOptions, resolveOptions, type ToHtmlOptions } from "./options";
import { type ClassRole, ClassWriter } from "./styles";

/** The part whose heading a table is printed under. */
const partOfTable: Record<TableId, SectionCode> = {
  table2: "activeDisclosure",
  table3: "applications",
  table4: "reviewLitigation",
};

const severityRank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const severityLabel: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
const severityRole: Record<Severity, ClassRole> = { error: "has-error", warning: "has-warning", info: "has-info" };
const findingRole: Record<Severity, ClassRole> = {
  error: "finding-error",
  warning: "finding-warning",
  info: "finding-info",
};

type LooseRows = Record<string, Record<string, Cell> | undefined>;

/** A report to render: validated, with its options. */
export interface RenderInput {
  readonly report: Report;
  readonly options: ResolvedOptions;
  readonly classes: ClassWriter;
  readonly cellFindings: ReadonlyMap<string, readonly Diagnostic[]>;
}

/** A report being rendered, and where its text goes (one buffer per rendering). */
export interface RenderContext extends RenderInput {
  readonly out: ChunkBuffer;
}

/** The fragment's lines are joined by newlines: start the next one. */
function newLine(context: RenderContext): void {
  context.out.add("\n");
}

function cellKey(table: string, row: string, column: string): string {
  return `${table}\u0000${row}\u0000${column}`;
}

function indexFindings(diagnostics: readonly Diagnostic[] | undefined): Map<string, Diagnostic[]> {
  const index = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics ?? []) {
    const { table, row, column } = diagnostic.location;
    if (table === undefined || row === undefined || column === undefined) continue;
    const key = cellKey(table, row, column);
    const list = index.get(key);
    if (list) list.push(diagnostic);
    else index.set(key, [diagnostic]);
  }
  return index;
}

function attribute(name: string, value: string): string {
  return ` ${name}="${escapeHtml(value)}"`;
}

function spans(rowSpan: number, colSpan: number): string {
  return (rowSpan > 1 ? ` rowspan="${rowSpan}"` : "") + (colSpan > 1 ? ` colspan="${colSpan}"` : "");
}

function renderHeaderCell(context: RenderContext, cell: HeaderCellLayout): string {
  const role: ClassRole = cell.role;
  return (
    `<th${attribute("id", context.options.idPrefix + cell.id)} scope="${cell.scope}"` +
    `${spans(cell.rowSpan, cell.colSpan)}${context.classes.attributes(role)}${attribute("data-code", cell.code)}>` +
    `${escapeHtml(cell.text)}</th>`
  );
}

function kindRole(cell: Cell | undefined): ClassRole {
  if (cell === undefined) return "missing";
  if (cell.kind === "number") return "number";
  if (cell.kind === "notApplicable") return "not-applicable";
  if (cell.kind === "unread") return "unread";
  return "blank";
}

/** The HTML element of each layout section. */
const sectionElements = { head: "thead", body: "tbody" } as const;

/** A data cell's place in a compiled table: its layout and its fixed attributes. */
interface DataSlot {
  readonly layout: DataCellLayout;
  /** `<td headers="…" colspan="…"`: fixed for a layout and id prefix. */
  readonly open: string;
  /** ` data-table="…" data-row="…" data-column="…"`. */
  readonly codes: string;
  /** The cell's key in {@link RenderContext.cellFindings}. */
  readonly findingsKey: string;
}

type Piece = string | DataSlot;

/** By layout (core's `tableLayout` builds each once: per edition, table and groups printed as one row). */
const compiledTables = new WeakMap<TableLayout, BoundedCache<readonly Piece[]>>();

/**
 * The parts of a table's markup that do not depend on the report (everything but the caption and
 * the data cells), computed once per edition, table, prefixes and style mode.
 */
function compileTable(context: RenderContext, layout: TableLayout): readonly Piece[] {
  const { options, report } = context;
  let byOptions = compiledTables.get(layout);
  if (!byOptions) {
    byOptions = new BoundedCache(64);
    compiledTables.set(layout, byOptions);
  }
  const key = [
    report.edition,
    layout.id,
    options.classPrefix,
    options.idPrefix,
    options.inlineStyles,
    options.functionalStyles,
  ].join("\u0000");
  return byOptions.get(key, () => tablePieces(context, layout));
}

/** {@link compileTable}'s pieces, made. */
function tablePieces(context: RenderContext, layout: TableLayout): readonly Piece[] {
  const { classes, options } = context;
  const pieces: Piece[] = [];
  let text = "";
  for (const section of layout.sections) {
    const sectionAttributes =
      section.code === undefined ? "" : `${classes.attributes("subtable")}${attribute("data-subtable", section.code)}`;
    const element = sectionElements[section.kind];
    text += `\n<${element}${sectionAttributes}>`;
    for (const row of section.rows) {
      text += "\n<tr>";
      for (const cell of row) {
        if (cell.kind === "header") {
          text += renderHeaderCell(context, cell);
          continue;
        }
        pieces.push(text);
        text = "";
        pieces.push({
          layout: cell,
          open:
            `<td${attribute("headers", cell.headers.map((suffix) => options.idPrefix + suffix).join(" "))}` +
            spans(1, cell.colSpan),
          codes:
            attribute("data-table", layout.id) +
            attribute("data-row", cell.row.key) +
            attribute("data-column", cell.column.key),
          findingsKey: cellKey(layout.id, cell.row.key, cell.column.key),
        });
      }
      text += "</tr>";
    }
    text += `\n</${element}>`;
  }
  pieces.push(`${text}\n</table>`);
  return pieces;
}

/** The tooltip of an unread cell: 未读出, why, and the candidates of a run-together row. */
function unreadTitle(cell: UnreadCell): string {
  let title = `${unreadCellText}：${unreadReasonLabels[cell.reason].zh}`;
  if (cell.candidates !== undefined && cell.candidates.length > 0) {
    const more = (cell.candidateCount ?? cell.candidates.length) - cell.candidates.length;
    title += `；可能的值：${cell.candidates.map(formatNumber).join("、")}${more > 0 ? ` 等（另有 ${more} 种）` : ""}`;
  }
  return title;
}

function renderDataCell(context: RenderContext, rows: LooseRows | undefined, slot: DataSlot): string {
  const { classes } = context;
  const { layout } = slot;
  const cell = rows?.[layout.row.key]?.[layout.column.key];
  const findings = context.cellFindings.size === 0 ? undefined : context.cellFindings.get(slot.findingsKey);
  const roles: ClassRole[] = ["cell", kindRole(cell)];
  if (layout.row.derived || layout.column.derived) roles.push("total");
  let worst: Severity | undefined;
  for (const finding of findings ?? []) {
    if (worst === undefined || severityRank[finding.severity] > severityRank[worst]) worst = finding.severity;
  }
  if (worst !== undefined) roles.push(severityRole[worst]);
  let html = `${slot.open}${classes.attributes(...roles)}${slot.codes}${attribute("data-kind", cell?.kind ?? "missing")}`;
  if (cell?.kind === "number") {
    html += attribute("data-value", formatNumber(cell.value));
    if (cell.unit !== undefined) html += attribute("data-unit", cell.unit);
  }
  if (cell?.kind === "unread" || findings !== undefined) {
    const titles: string[] = [];
    if (cell?.kind === "unread") {
      html += attribute("data-reason", cell.reason);
      titles.push(unreadTitle(cell));
    }
    for (const finding of findings ?? []) titles.push(finding.message.zh);
    if (titles.length > 0) html += attribute("title", titles.join("\n"));
  }
  html += `>${escapeHtml(formatCell(cell, layout.column))}`;
  if (cell?.kind === "unread") {
    // The reason, for readers that do not show titles; importers read it back (未读出（…）).
    html += `<span${classes.attributes("cell-note", "visually-hidden")}>（${escapeHtml(unreadReasonLabels[cell.reason].zh)}）</span>`;
  }
  for (const finding of findings ?? []) {
    html +=
      `<span${classes.attributes("cell-note", "visually-hidden")}>` +
      `（${severityLabel[finding.severity]}：${escapeHtml(finding.message.zh)}）</span>`;
  }
  return `${html}</td>`;
}

function renderTable(context: RenderContext, layout: TableLayout, captionHidden: boolean): void {
  const { report, classes, options, out } = context;
  newLine(context);
  out.add(
    `<table${attribute("id", `${options.idPrefix}${layout.id}`)}${classes.attributes("table")}` +
      `${attribute("data-table", layout.id)}${attribute("data-edition", report.edition)}>\n` +
      `<caption${classes.attributes(...(captionHidden ? (["caption", "visually-hidden"] as const) : (["caption"] as const)))}>` +
      `${escapeHtml(layout.title)}</caption>`,
  );
  // Written piece by piece: table 三 alone is over 64K UTF-16 units, too large for one string.
  const rows = report.tables[layout.id]?.rows as LooseRows | undefined;
  for (const piece of compileTable(context, layout)) {
    out.add(typeof piece === "string" ? piece : renderDataCell(context, rows, piece));
  }
}

function renderBlocks(context: RenderContext, blocks: readonly NarrativeBlock[], level: number): void {
  const { classes, out } = context;
  for (const block of blocks) {
    newLine(context);
    if (block.type === "subheading") {
      out.add(`<h${level}${classes.attributes("subheading")}>`);
      out.add(escapeHtml(block.text));
      out.add(`</h${level}>`);
    } else {
      out.add(`<p${classes.attributes("paragraph")}>`);
      out.add(escapeHtml(block.text));
      out.add("</p>");
    }
  }
}

const classWriters = new BoundedCache<ClassWriter>(64);

function classWriterFor(options: ResolvedOptions): ClassWriter {
  const key = `${options.classPrefix}\u0000${options.inlineStyles}\u0000${options.functionalStyles}`;
  return classWriters.get(
    key,
    () => new ClassWriter(options.classPrefix, options.inlineStyles, options.functionalStyles),
  );
}

/** The title the report printed, or one composed from the agency and year. */
export function reportTitle(report: Report): string {
  if (report.meta.title !== undefined && report.meta.title.trim() !== "") return report.meta.title;
  return `${report.meta.agency.name}${report.meta.year}年政府信息公开工作年度报告`;
}

function renderHeader(context: RenderContext): string {
  const { report, classes, options } = context;
  const level = options.headingLevel;
  const items: string[] = [];
  if (report.meta.agency.name !== "") {
    items.push(
      `<span${classes.attributes("meta-item", "agency")}>发布机构：${escapeHtml(report.meta.agency.name)}</span>`,
    );
  }
  if (report.meta.publishedDate !== undefined) {
    const date = escapeHtml(report.meta.publishedDate);
    items.push(
      `<span${classes.attributes("meta-item", "date")}>发布日期：<time datetime="${date}">${date}</time></span>`,
    );
  }
  if (report.meta.sourceUrl !== undefined && report.meta.sourceUrl !== "") {
    const href = safeHttpUrl(report.meta.sourceUrl);
    const text = escapeHtml(report.meta.sourceUrl);
    const link =
      href === undefined ? text : `<a${attribute("href", href)} rel="noopener noreferrer nofollow">${text}</a>`;
    items.push(`<span${classes.attributes("meta-item", "source")}>原文链接：${link}</span>`);
  }
  return [
    `<header${classes.attributes("header")}>`,
    `<h${level}${classes.attributes("title")}>${escapeHtml(reportTitle(report))}</h${level}>`,
    ...(items.length > 0 ? [`<p${classes.attributes("meta")}>${items.join("\u3000")}</p>`] : []),
    "</header>",
  ].join("\n");
}

function describeLocation(report: Report, diagnostic: Diagnostic): string {
  const { table, row, column } = diagnostic.location;
  if (table === undefined) return "";
  const definition = getTableDefinition(report.edition, table);
  const labels: string[] = [definition.title];
  const rowDefinition =
    row === undefined
      ? undefined
      : [...definition.rows, ...definition.groupRows].find((candidate) => candidate.key === row);
  if (row !== undefined) {
    labels.push(
      rowDefinition ? [...rowDefinition.groups.map((group) => group.label), rowDefinition.label].join(" › ") : row,
    );
  }
  if (column !== undefined) {
    const columnDefinition = rowDefinition?.columns.find((candidate) => candidate.key === column);
    labels.push(
      columnDefinition
        ? [...columnDefinition.groups.map((group) => group.label), columnDefinition.label].join(" › ")
        : column,
    );
  }
  return labels.join(" · ");
}

function renderFindings(context: RenderContext, diagnostics: readonly Diagnostic[]): void {
  const { classes, options, report, out } = context;
  const level = options.headingLevel + 1;
  const headingId = `${options.idPrefix}findings-heading`;
  newLine(context);
  out.add(`<section${classes.attributes("findings")}${attribute("aria-labelledby", headingId)}>`);
  newLine(context);
  out.add(
    `<h${level}${attribute("id", headingId)}${classes.attributes("findings-heading")}>检查结果（${diagnostics.length}）</h${level}>`,
  );
  newLine(context);
  if (diagnostics.length === 0) {
    out.add(`<p${classes.attributes("paragraph")}>未发现问题。</p>`);
  } else {
    out.add(`<ol${classes.attributes("findings-list")}>`);
    diagnostics.forEach((diagnostic, index) => {
      const location = describeLocation(report, diagnostic);
      const href = diagnostic.url === undefined ? undefined : safeHttpUrl(diagnostic.url);
      const rule = escapeHtml(diagnostic.ruleId);
      const ruleHtml =
        href === undefined
          ? `<code${classes.attributes("rule")}>${rule}</code>`
          : `<a${attribute("href", href)}${classes.attributes("rule-link")} rel="noopener noreferrer nofollow"><code${classes.attributes("rule")}>${rule}</code></a>`;
      let item =
        `<li${attribute("id", `${options.idPrefix}finding-${index + 1}`)}` +
        `${classes.attributes("finding", findingRole[diagnostic.severity])}${attribute("data-rule", diagnostic.ruleId)}` +
        `${attribute("data-severity", diagnostic.severity)}>` +
        `<span${classes.attributes("severity")}>${severityLabel[diagnostic.severity]}</span>：` +
        escapeHtml(diagnostic.message.zh);
      if (location !== "") item += `<span${classes.attributes("location")}>（位置：${escapeHtml(location)}）</span>`;
      item += ` 规则：${ruleHtml}`;
      newLine(context);
      out.add(`${item}</li>`);
    });
    newLine(context);
    out.add("</ol>");
  }
  newLine(context);
  out.add("</section>");
}

/**
 * The agency facts no report prints, as `<article>` attributes a gongkai importer reads back (so a
 * page rendered without the embedded JSON keeps them): `data-agency-kind`, `data-agency-kind-inferred`
 * when the kind was inferred, `data-agency-region` when known.
 */
function agencyAttributes(agency: Report["meta"]["agency"]): string {
  return (
    attribute("data-agency-kind", agency.kind) +
    (agency.kindInferred === true ? attribute("data-agency-kind-inferred", "true") : "") +
    (agency.region === undefined ? "" : attribute("data-agency-region", agency.region))
  );
}

/**
 * Render a report as an embeddable HTML fragment: title and meta line, the preamble, each part's
 * heading and narrative with its table in the official layout (every header cell and span as the
 * edition prints it, `<caption>`, `<th scope>`, `headers` on every data cell), optional findings,
 * the agency's kind (and region) as `data-agency-*` attributes on the `<article>`,
 * and the report itself as JSON in `<script type="application/json" data-gongkai-report>`.
 * Every string taken from the report is escaped; only an `http(s)` `meta.sourceUrl` becomes a
 * link. No global CSS: classes all start with the prefix (see `toHtmlCss`). The output is
 * deterministic and uses no Node APIs.
 *
 * @throws {ReportValidationError} when `validate` is on (the default) and the report is invalid.
 * @throws {ToHtmlOptionsError} when an option is unusable.
 * @example
 * const html = toHtml(report, { diagnostics: check(report) });
 */
export function toHtml(report: Report, options?: ToHtmlOptions): string {
  const context = { ...renderInput(report, resolveOptions(options)), out: new ChunkBuffer() };
  const chunks = [...fragmentChunks(context)];
  context.out.add("\n");
  chunks.push(...context.out.finish());
  return chunks.join("");
}

/**
 * A report to render with `resolved`: validated first (when `validate` is on), so that a caller
 * gets `ReportValidationError` before any text is written.
 */
export function renderInput(report: Report, resolved: ResolvedOptions): RenderInput {
  return {
    report: resolved.validate ? parseReport(report) : report,
    options: resolved,
    classes: classWriterFor(resolved),
    cellFindings: indexFindings(resolved.diagnostics),
  };
}

/**
 * Write {@link toHtml}'s fragment, without its final newline, to `context.out`, and yield the
 * chunks it has closed after each part, so the page can be passed on while the rest is rendered.
 * Chunks still open at the end stay in `context.out` for the caller to add to and finish.
 */
export function* fragmentChunks(context: RenderContext): Generator<string, void, undefined> {
  const { classes, options, report: valid, out } = context;
  const { idPrefix, headingLevel } = options;
  out.add(
    `<article${classes.attributes("report")} lang="zh-CN"${attribute("data-edition", valid.edition)}` +
      `${attribute("data-year", String(valid.meta.year))}${agencyAttributes(valid.meta.agency)}>`,
  );
  newLine(context);
  out.add(renderHeader(context));
  if (valid.preamble.length > 0) {
    newLine(context);
    out.add(`<div${classes.attributes("preamble")}>`);
    renderBlocks(context, valid.preamble, headingLevel + 1);
    newLine(context);
    out.add("</div>");
  }
  yield* out.take();
  const rendered = new Set<TableId>();
  const tableFor = (code: SectionCode): TableId | undefined =>
    tableIds.find((table) => partOfTable[table] === code && valid.tables[table] !== undefined && !rendered.has(table));
  for (const [index, part] of valid.parts.entries()) {
    const headingId = `${idPrefix}part-${index + 1}`;
    const level = headingLevel + 1;
    newLine(context);
    out.add(
      `<section${classes.attributes("part")}${attribute("data-part", part.code)}${attribute("aria-labelledby", headingId)}>`,
    );
    newLine(context);
    out.add(
      `<h${level}${attribute("id", headingId)}${classes.attributes("part-heading")}>${escapeHtml(part.heading)}</h${level}>`,
    );
    renderBlocks(context, part.blocks, level + 1);
    const table = tableFor(part.code);
    if (table !== undefined) {
      rendered.add(table);
      renderTable(context, tableLayout(valid.edition, table, groupsPrintedAsRows(valid, table)), true);
    }
    newLine(context);
    out.add("</section>");
    yield* out.take();
  }
  for (const table of tableIds) {
    if (valid.tables[table] === undefined || rendered.has(table)) continue;
    renderTable(context, tableLayout(valid.edition, table, groupsPrintedAsRows(valid, table)), false);
    yield* out.take();
  }
  if (options.diagnostics !== undefined) {
    renderFindings(context, options.diagnostics);
    yield* out.take();
  }
  if (options.embedReport) {
    newLine(context);
    out.add('<script type="application/json" data-gongkai-report>');
    // Written member by member: a report's JSON can be larger than one string should be.
    writeJson(valid, (text) => out.add(escapeJsonForScript(text)));
    out.add("</script>");
  }
  newLine(context);
  out.add("</article>");
  yield* out.take();
}
