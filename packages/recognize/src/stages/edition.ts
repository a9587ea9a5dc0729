import { type EditionId, editionForYear, type TableId } from "@gongkai/core";
import { normalizeLabel } from "../normalize";
import type { Unit } from "../structure";
import { type Regions, textOfUnit } from "./regions";

/** Which edition the tables are printed in, and whether that was only inferred from the year. */
export interface EditionReading {
  readonly edition: EditionId;
  /** No table label told the edition apart: it follows from the report year. */
  readonly inferred: boolean;
}

const markers2019 = [
  /新制作/u,
  /新公开数量/u,
  /对外公开总数/u,
  /上一年项目/u,
  /本年增\/?减/u,
  /其他对外管理服务/u,
  /采购项目/u,
  /采购总金额/u,
];
const markers2021 = [/制发件数/u, /废止件数/u, /现行有效件数/u, /本年收费金额/u, /本年处理决定数量/u];
const markers2021Table3 = [/逾期不补正/u, /缴纳费用/u, /收费通知/u];
// In the 2019 edition （六）其他处理 is one row: its label is followed directly by its cells.
const markers2019Table3 = [/\(六\)其他处理(?:\|{0,2})[\d/-]/u];

function countMarkers(text: string, markers: readonly RegExp[]): number {
  return markers.filter((marker) => marker.test(text)).length;
}

/** A region's text, normalised and capped at 200,000 characters. */
function regionText(units: readonly Unit[], regions: Regions, table: TableId): string {
  const region = regions[table];
  if (!region) return "";
  const texts: string[] = [];
  let length = 0;
  for (let index = region.from; index < region.to && length < 200_000; index += 1) {
    const unit = units[index];
    if (!unit) continue;
    const text = textOfUnit(unit);
    texts.push(text);
    length += text.length;
  }
  return normalizeLabel(texts.join("|").slice(0, 200_000));
}

/**
 * Stage 4: the edition, from the labels only one edition prints (table 二's column labels, table
 * 三's （六） rows); when they do not tell, from the year (`editionForYear`), marked inferred.
 */
export function detectEdition(units: readonly Unit[], regions: Regions, year: number | undefined): EditionReading {
  const table2Text = regionText(units, regions, "table2");
  const table3Text = regionText(units, regions, "table3");
  const score2019 = countMarkers(table2Text, markers2019) + countMarkers(table3Text, markers2019Table3);
  const score2021 = countMarkers(table2Text, markers2021) + countMarkers(table3Text, markers2021Table3);
  if (score2019 > score2021) return { edition: "2019", inferred: false };
  if (score2021 > score2019) return { edition: "2021", inferred: false };
  return { edition: year === undefined ? "2021" : (editionForYear(year) ?? "2019"), inferred: true };
}
