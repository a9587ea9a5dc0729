import { edition2019, edition2021 } from "../editions/edition-data";
import type { EditionId, TableId } from "../editions/editions";
import type { NarrativeFact } from "./extract-counts";

/** A table cell a prose count is compared with. */
export interface NarrativeTargetCell {
  /** The table. */
  readonly table: TableId;
  /** The row key. */
  readonly row: string;
  /** The column key. */
  readonly column: string;
}

/**
 * The cells each prose count is compared with, per built-in edition (their sum when more than
 * one): each edition data's `narrativeTargets`, which a new edition states in its data.
 */
export const narrativeTargets: Readonly<
  Record<EditionId, Readonly<Record<NarrativeFact, readonly NarrativeTargetCell[]>>>
> = {
  "2019": edition2019.narrativeTargets,
  "2021": edition2021.narrativeTargets,
};
