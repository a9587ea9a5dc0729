import { type Cell, getTableDefinition, type Report, type RowDefinition } from "@gongkai/core";

/** How a synthesized page is marked up. */
export interface PageStyle {
  /** Word "save as web page" markup: MsoNormal paragraphs, nested spans, `mso-` styles, `<o:p>`, lines wrapped inside Chinese text, the misaligned-columns row. */
  readonly word?: boolean;
  /** Table 三's 三、本年度办理结果 cell uses `rowspan="0"`, its rows in their own `<tbody>`. */
  readonly rowspanZero?: boolean;
  /** Header labels split over lines with `<br>`. */
  readonly headerBreaks?: boolean;
  /** Header cells as `<th>`. */
  readonly th?: boolean;
  /** A `<meta charset>` to declare. */
  readonly charset?: string;
}

/** Where the synthesizer put one report cell in a table grid, and the text it wrote. */
export interface PlacedCell {
  readonly row: number;
  readonly column: number;
  readonly text: string;
}

/** A synthesized page and, per table, where each report cell went (`row\u0000column` keys). */
export interface SynthesizedPage {
  readonly html: string;
  readonly placements: Record<"table2" | "table3" | "table4", Map<string, PlacedCell>>;
}

const escapeText = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

const wide = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uff60]/;

/** Word's HTML export wraps long lines anywhere in Chinese text: a CRLF after every `width` characters between two Chinese characters. */
function wordWrap(html: string, width: number): string {
  let out = "";
  let run = 0;
  for (let index = 0; index < html.length; index += 1) {
    const character = html[index] as string;
    out += character;
    run += 1;
    if (run >= width && wide.test(character) && wide.test(html[index + 1] ?? "")) {
      out += "\r\n";
      run = 0;
    }
  }
  return out;
}

/** The text a page prints for a cell: the number with its unit, "/" or nothing. */
export function cellText(cell: Cell | undefined): string {
  if (!cell || cell.kind === "blank" || cell.kind === "unread") return "";
  if (cell.kind === "notApplicable") return cell.raw ?? "/";
  return `${cell.value}${cell.unit ?? ""}`;
}

function cellsOf(report: Report, table: "table2" | "table3" | "table4"): Record<string, Record<string, Cell>> {
  return (report.tables[table]?.rows ?? {}) as Record<string, Record<string, Cell>>;
}

/**
 * An HTML page for `report` as a portal would serve it, in one of several markup styles. Test-only:
 * the placements say where every value went, so a test can check the grid the importer reads.
 */
export function synthesizePage(report: Report, style: PageStyle = {}): SynthesizedPage {
  const word = style.word === true;
  const header = (label: string) =>
    style.headerBreaks && label.length >= 4
      ? `${escapeText(label.slice(0, Math.ceil(label.length / 2)))}<br>${escapeText(label.slice(Math.ceil(label.length / 2)))}`
      : escapeText(label);
  const cell = (html: string, attributes = "", isHeader = false) => {
    const tag = isHeader && style.th ? "th" : "td";
    if (!word) return `<${tag}${attributes}>${html === "" ? "&nbsp;" : html}</${tag}>`;
    const inner =
      html === ""
        ? `<span lang=EN-US style='font-size:10.5pt'><o:p>&nbsp;</o:p></span>`
        : `<span style='font-size:10.5pt;font-family:仿宋_GB2312;mso-hansi-font-family:宋体'><span lang=EN-US>${wordWrap(html, 6)}</span><o:p></o:p></span>`;
    return `<${tag} width=64 valign=top style='width:48.0pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'${attributes}><p class=MsoNormal align=center style='text-align:center;mso-line-height-rule:exactly;line-height:15.0pt'>${inner}</p></${tag}>`;
  };
  const paragraph = (text: string) =>
    word
      ? `<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>${wordWrap(escapeText(text), 12)}<span lang=EN-US><o:p></o:p></span></span></p>\n`
      : `<p>${escapeText(text)}</p>\n`;
  const tableOpen = word
    ? `<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-table-layout-alt:fixed;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n`
    : `<table border="1" cellspacing="0">\n`;
  const tableClose = (width: number) =>
    word
      ? `<![if !supportMisalignedColumns]><tr height=0>${"<td width=64 style='border:none'></td>".repeat(width)}</tr><![endif]></table>\n`
      : "</table>\n";
  const tr = (cells: string, index: number) =>
    word ? `<tr style='mso-yfti-irow:${index};height:20.0pt'>${cells}</tr>\n` : `<tr>${cells}</tr>\n`;

  const placements = { table2: new Map<string, PlacedCell>(), table3: new Map(), table4: new Map() };
  const place = (table: keyof typeof placements, row: string, column: string, placed: PlacedCell) =>
    placements[table].set(`${row}\u0000${column}`, placed);

  // Table 二: one table, four columns; a sub-table with two value columns widens its last cell.
  let table2 = tableOpen;
  let gridRow = 0;
  const t2 = getTableDefinition(report.edition, "table2").rows;
  const t2Cells = cellsOf(report, "table2");
  const subTables = [...new Set(t2.map((row) => row.groups[0]?.label ?? ""))];
  for (const subTable of subTables) {
    const rows = t2.filter((row) => row.groups[0]?.label === subTable);
    const columns = rows[0]?.columns ?? [];
    const lastSpan = 4 - columns.length;
    const spanOf = (index: number) => (index === columns.length - 1 && lastSpan > 1 ? ` colspan="${lastSpan}"` : "");
    table2 += tr(cell(escapeText(subTable), ` colspan="4"`, true), gridRow++);
    table2 += tr(
      cell(header("信息内容"), "", true) +
        columns.map((column, index) => cell(header(column.label), spanOf(index), true)).join(""),
      gridRow++,
    );
    for (const row of rows) {
      const texts = columns.map((column) => cellText(t2Cells[row.key]?.[column.key]));
      columns.forEach((column, index) => {
        place("table2", row.key, column.key, { row: gridRow, column: 1 + index, text: texts[index] as string });
      });
      table2 += tr(
        cell(escapeText(row.label)) + texts.map((text, index) => cell(escapeText(text), spanOf(index))).join(""),
        gridRow++,
      );
    }
  }
  table2 += tableClose(4);

  // Table 三: the three-row header, row labels over three columns with row spans.
  const t3 = getTableDefinition(report.edition, "table3").rows;
  const t3Cells = cellsOf(report, "table3");
  const t3Columns = t3[0]?.columns ?? [];
  const note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
  let table3 = tableOpen + (style.rowspanZero ? "<tbody>\n" : "");
  table3 += tr(cell(escapeText(note), ` colspan="3" rowspan="3"`, true) + cell("申请人情况", ` colspan="7"`, true), 0);
  table3 += tr(
    cell(header("自然人"), ` rowspan="2"`, true) +
      cell(header("法人或其他组织"), ` colspan="5"`, true) +
      cell(header("总计"), ` rowspan="2"`, true),
    1,
  );
  table3 += tr(
    t3Columns
      .filter((column) => column.groups.length === 2)
      .map((column) => cell(header(column.label), "", true))
      .join(""),
    2,
  );
  const groupSize = (level: number, code: string) => t3.filter((row) => row.groups[level]?.code === code).length;
  const firstOf = (level: number, row: RowDefinition) =>
    t3.find((candidate) => candidate.groups[level]?.code === row.groups[level]?.code) === row;
  gridRow = 3;
  let inResults = false;
  for (const row of t3) {
    const top = row.groups[0];
    if (style.rowspanZero && top && !inResults) {
      table3 += "</tbody><tbody>\n";
      inResults = true;
    } else if (style.rowspanZero && !top && inResults) {
      table3 += "</tbody><tbody>\n";
      inResults = false;
    }
    let labels = "";
    let labelColumn = 0;
    if (top && firstOf(0, row)) {
      const span = style.rowspanZero ? "0" : String(groupSize(0, top.code));
      labels += cell(escapeText(top.label), ` rowspan="${span}"`);
    }
    if (top) labelColumn = 1;
    const second = row.groups[1];
    if (second && firstOf(1, row)) labels += cell(escapeText(second.label), ` rowspan="${groupSize(1, second.code)}"`);
    if (second) labelColumn = 2;
    labels += cell(escapeText(row.label), labelColumn < 2 ? ` colspan="${3 - labelColumn}"` : "");
    const values = t3Columns.map((column, index) => {
      const text = cellText(t3Cells[row.key]?.[column.key]);
      place("table3", row.key, column.key, { row: gridRow, column: 3 + index, text });
      return cell(escapeText(text));
    });
    table3 += tr(labels + values.join(""), gridRow++);
  }
  table3 += (style.rowspanZero ? "</tbody>\n" : "") + tableClose(10);

  // Table 四: 行政复议 (5 columns, header spanning two rows) then 行政诉讼 in two groups of five.
  const t4 = getTableDefinition(report.edition, "table4").rows;
  const t4Cells = cellsOf(report, "table4");
  const review = t4[0];
  let table4 = tableOpen;
  table4 += tr(cell("行政复议", ` colspan="5"`, true) + cell("行政诉讼", ` colspan="10"`, true), 0);
  table4 +=
    tr(
      (review?.columns ?? []).map((column) => cell(header(column.label), ` rowspan="2"`, true)).join("") +
        t4
          .slice(1)
          .map((group) => cell(header(group.label), ` colspan="5"`, true))
          .join(""),
      1,
    ) +
    tr(
      t4
        .slice(1)
        .flatMap((group) => group.columns.map((column) => cell(header(column.label), "", true)))
        .join(""),
      2,
    );
  let column4 = 0;
  const values4: string[] = [];
  for (const group of t4) {
    for (const column of group.columns) {
      const text = cellText(t4Cells[group.key]?.[column.key]);
      place("table4", group.key, column.key, { row: 3, column: column4++, text });
      values4.push(cell(escapeText(text)));
    }
  }
  table4 += tr(values4.join(""), 3) + tableClose(15);

  const title = `${report.meta.agency.name}${report.meta.year}年政府信息公开工作年度报告`;
  let body = paragraph(title);
  if (report.meta.publishedDate) body += paragraph(`发布日期：${report.meta.publishedDate}`);
  for (const part of report.parts) {
    body += word || style.th ? paragraph(part.heading) : `<h2>${escapeText(part.heading)}</h2>\n`;
    for (const block of part.blocks) body += paragraph(block.text);
    if (part.code === "activeDisclosure") body += table2;
    if (part.code === "applications") body += table3;
    if (part.code === "reviewLitigation") body += table4;
  }
  const charset = style.charset ? `<meta charset="${style.charset}">` : "";
  const html = word
    ? `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>${charset}<title>${escapeText(title)}</title><!--[if gte mso 9]><xml><o:DocumentProperties></o:DocumentProperties></xml><![endif]--><style>p.MsoNormal{mso-style-parent:"";}</style></head><body lang=ZH-CN style='tab-interval:21.0pt'><div class=WordSection1 style='layout-grid:15.6pt'>\n${body}</div></body></html>`
    : `<!DOCTYPE html><html><head>${charset}<title>${escapeText(title)}</title></head><body><div class="article">\n${body}</div></body></html>`;
  return { html, placements };
}
