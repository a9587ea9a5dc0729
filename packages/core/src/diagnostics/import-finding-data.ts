import type { EditionId, TableId } from "../editions/edition-codes";
import type { DiagnosticRuleId, ImportRuleId, RuleId } from "./diagnostic-registry";

/**
 * Why the text is taken to stop before the report ends: a table it stops inside, a part heading
 * cut short, a last paragraph that stops mid-sentence, a last part heading with nothing after
 * it, or a text that is only part 一.
 */
export type TruncationReason = "tableIncomplete" | "partHeadingCut" | "midSentence" | "emptyLastPart" | "onlyOverview";

/** What each importer finding carries for its wording, by id (checked against the registry below). */
interface ImportFindingDataByRule {
  "import/unreadable-value": {
    /** The row's label as printed. */
    readonly row: string;
    /** The column's label. */
    readonly column: string;
    /** The cell's text. */
    readonly text: string;
  };
  "import/run-together": {
    /** The row's label as printed. */
    readonly row: string;
    /** The run-together text. */
    readonly text: string;
    /** How many columns the row has. */
    readonly columns: number;
    /** How many ways the digits split (0: none). */
    readonly count: number;
    /** The splits listed, each a value per column. */
    readonly splits: readonly (readonly string[])[];
  };
  "import/split-digits": {
    /** The row's label as printed. */
    readonly row: string;
    /** The run-together text. */
    readonly text: string;
    /** The one split, a value per column. */
    readonly split: readonly string[];
  };
  "import/column-count": {
    /** The row's label as printed. */
    readonly row: string;
    /** What was counted: values cut out of text, or a table's cells. */
    readonly unit: "values" | "cells";
    /** How many values or cells the row has. */
    readonly found: number;
    /** How many columns the row should have. */
    readonly columns: number;
  };
  "import/missing-row": {
    /** The row's label in the edition. */
    readonly label: string;
    /** Its English label. */
    readonly english: string;
  };
  "import/unknown-row": {
    /** The row's label as printed. */
    readonly label: string;
  };
  "import/group-as-row": {
    /** The group's label as printed. */
    readonly label: string;
    /** The row's values as printed. */
    readonly values: readonly string[];
    /** How many items the group has. */
    readonly items: number;
    /** Whether the values were kept as the group's total (the edition lets the group print as one row). */
    readonly kept: boolean;
  };
  "import/missing-table": {
    /** The table not found. */
    readonly table: TableId;
  };
  "import/truncated":
    | {
        /** The line the text stops at. */
        readonly line: number;
        /** Why the text is taken to stop early. */
        readonly reason: Exclude<TruncationReason, "tableIncomplete">;
      }
    | {
        /** The line the text stops at. */
        readonly line: number;
        /** The text stops inside a table. */
        readonly reason: "tableIncomplete";
        /** The table. */
        readonly table: TableId;
      };
  "import/meta-missing":
    | { readonly kind: "agencyName" | "year" | "publishedDate" }
    | {
        readonly kind: "agencySpam";
        /** The agency name as printed, spam and all. */
        readonly raw: string;
      }
    | {
        readonly kind: "yearInferred";
        /** The year inferred. */
        readonly year: number;
        /** What it was inferred from: the year the text mentions most, or the published date. */
        readonly from: "mention" | "date";
      };
  "import/edition-inferred": {
    /** The edition inferred from the report year. */
    readonly edition: EditionId;
  };
  "import/limit-exceeded":
    | {
        /**
         * Which limit: a run of text too long to search for a table, too many table labels in
         * one run, too many cells or pieces in a table, a page with too many blocks (HTML), a
         * table wider than the most columns (DOCX), a table with too many rows (text).
         */
        readonly kind: "textRun" | "tableLabels" | "tableTokens" | "pageBlocks" | "tableColumns" | "textTableRows";
        /** The limit. */
        readonly max: number;
      }
    | {
        /** A table row with too many cells: read by the recognizer, or kept by the text parser. */
        readonly kind: "rowCells" | "textRowCells";
        /** How many cells the row has. */
        readonly cells: number;
        /** The limit. */
        readonly max: number;
      }
    | {
        /** A row's run-together digits too long to split. */
        readonly kind: "runTogether";
        /** The row's label as printed. */
        readonly row: string;
        /** The limit, in characters. */
        readonly max: number;
      }
    | {
        /** A table past the slot limit (HTML). */
        readonly kind: "tableSlots";
        /** The option that set the limit. */
        readonly option: "maxSlots" | "maxTableSlots";
        /** The slots the table could have. */
        readonly budget: number;
        /** How many rows were imported. */
        readonly rows: number;
      }
    | {
        /** More findings of one id than an import lists. */
        readonly kind: "findingsPerRule";
        /** The id. */
        readonly ruleId: DiagnosticRuleId;
        /** How many findings it had. */
        readonly count: number;
        /** How many are listed. */
        readonly max: number;
      };
  "import/encoding":
    | {
        /** A run of bytes that could not be decoded, replaced with U+FFFD. */
        readonly kind: "undecodable";
        /** The encoding decoded with. */
        readonly encoding: string;
        /** Where the run starts. */
        readonly line: number;
        /** Where the run starts. */
        readonly column: number;
        /** How many byte sequences the run has. */
        readonly sequences: number;
      }
    | {
        /** Runs past the first ten located ones. */
        readonly kind: "moreUndecodable";
        /** The encoding decoded with. */
        readonly encoding: string;
        /** How many more runs. */
        readonly more: number;
        /** How many replacement characters in all. */
        readonly characters: number;
      }
    | {
        /** An encoding label the caller gave that is not supported. */
        readonly kind: "unsupportedLabel";
        /** The label. */
        readonly label: string;
      }
    | {
        /** No declared encoding and not UTF-8: the encoding was guessed. */
        readonly kind: "guessed";
        /** The encoding guessed. */
        readonly encoding: string;
      }
    | {
        /** A DOCX XML part with bytes that are not UTF-8. */
        readonly kind: "invalidUtf8Part";
        /** The part's path. */
        readonly part: string;
      }
    | {
        /** PDF text in a font without a Unicode map, or in a font that could not be loaded. */
        readonly kind: "unmappedFont" | "fontNotLoaded";
        /** The pages, in order. */
        readonly pages: readonly number[];
      };
  "import/embedded-report-invalid":
    | {
        /** Not JSON. */
        readonly kind: "json";
        /** The JSON parser's message. */
        readonly detail: string;
      }
    | {
        /** JSON, but not a report. */
        readonly kind: "schema";
        /** The first problems, as `pointer: message` joined by `; `. */
        readonly problems: string;
      };
  "import/no-text-layer": {
    /** The pages without a text layer, in order. */
    readonly pages: readonly number[];
  };
}

/**
 * What each importer finding carries for its wording, by id: an importer makes a finding from its
 * id and this data, and core's message modules word it (as check rules' findings are worded).
 */
export type ImportFindingData = { readonly [Id in ImportRuleId]: ImportFindingDataByRule[Id] };

/** What an `internal/rule-failed` finding carries: the rule that failed, and its error as text. */
export interface RuleFailedData {
  /** The rule that failed. */
  readonly rule: RuleId;
  /** The error it threw, as text. */
  readonly error: string;
}
