import * as z from "zod";
import type { RuleId } from "../diagnostics/diagnostic-registry";
import { narrativeFacts } from "../narrative/extract-counts";
import { sectionCodes, tableIds } from "./edition-codes";

/** The rules that check an edition's sum relations: a relation in edition data names one of them. */
export const sumRuleIds = [
  "table3/balance",
  "table3/results-total",
  "table3/row-total",
  "table4/group-total",
] as const satisfies readonly RuleId[];

/**
 * What a row or column means to the rules that compare a report with last year's, so that they
 * find it by its meaning, not by its code:
 * - `fromLastYear`: table 三's row of requests carried over from last year (二、上年结转…), which
 *   continues last year's `toNextYear` row (`cross-year/carry-over`);
 * - `toNextYear`: table 三's row of requests carried forward to next year (四、结转下年度继续办理);
 * - `issuedThisYear`, `repealedThisYear`, `inForce`: table 二's columns 本年制发件数, 本年废止件数
 *   and 现行有效件数: last year's `inForce` + `issuedThisYear` − `repealedThisYear` is expected to
 *   give this year's `inForce` (`cross-year/valid-documents`).
 */
export const editionRoles = ["fromLastYear", "toNextYear", "issuedThisYear", "repealedThisYear", "inForce"] as const;

/** What a row or column means to the cross-year rules (see {@link editionRoles}). */
export type EditionRole = (typeof editionRoles)[number];

/** A node of a printed label tree (a row, a column, or a group of them). */
export interface EditionTreeNode {
  /** The stable code; a leaf's code is the row or column key in the model. */
  readonly code: string;
  /** The label exactly as the edition prints it. */
  readonly label: string;
  /** An English label (ours, not official). */
  readonly en: string;
  /** The 条例 articles behind a table 三 outcome. */
  readonly articles?: readonly string[] | undefined;
  /** The value may be negative. */
  readonly signed?: boolean | undefined;
  /** The column holds money. */
  readonly money?: boolean | undefined;
  /** The unit the edition prints for the column. */
  readonly unit?: string | undefined;
  /** A total: the sum of its siblings, e.g. `sum(results.*)` or `maintain+correct+other+unfinished`. */
  readonly derived?: string | undefined;
  /** The rule that checks the total (`derived`). */
  readonly rule?: (typeof sumRuleIds)[number] | undefined;
  /** What the row or column means to the cross-year rules (see {@link editionRoles}). */
  readonly role?: EditionRole | undefined;
  /** How the spec confirmed the label (V, V2 or R). */
  readonly verification?: string | undefined;
  /**
   * A group of table 三's rows that a report may print as one row carrying the group's own values
   * (its items then not printed, as the 2019 edition printed （六）其他处理). The model keeps those
   * values in an optional row keyed by the group's code; where the items are not read, the group's
   * row stands for them in every sum. Only read on a group (a node with `children`).
   */
  readonly mayPrintAsRow?: boolean | undefined;
  /** The nodes under a group. */
  readonly children?: readonly EditionTreeNode[] | undefined;
}

const text = z.string().min(1);

/** A node of a printed label tree, children included. */
export const editionTreeNodeSchema: z.ZodType<EditionTreeNode> = z.lazy(() =>
  z.object({
    code: text.describe("The stable code; a leaf's code is the row or column key in the model."),
    label: text.describe("The label exactly as the edition prints it."),
    en: z.string().describe("An English label (ours, not official)."),
    articles: z.array(z.string()).optional().describe("The 条例 articles behind a table 三 outcome."),
    signed: z.boolean().optional().describe("The value may be negative."),
    money: z.boolean().optional().describe("The column holds money."),
    unit: z.string().optional().describe("The unit the edition prints for the column."),
    derived: z
      .string()
      .optional()
      .describe("A total: the sum of its siblings, terms joined by +, each a code or sum(prefix.*)."),
    rule: z.enum(sumRuleIds).optional().describe("The rule that checks the total."),
    /** What the row or column means to the cross-year rules (see {@link editionRoles}). */
    role: z
      .enum(editionRoles)
      .optional()
      .describe(
        "What the row or column means to the cross-year rules: fromLastYear / toNextYear (table 三's carried-over and carried-forward rows), issuedThisYear / repealedThisYear / inForce (table 二's document counts).",
      ),
    verification: z.string().optional().describe("How the spec confirmed the label (V, V2 or R)."),
    mayPrintAsRow: z
      .boolean()
      .optional()
      .describe(
        "A group of table 三's rows a report may print as one row with the group's own values (its items then not printed); the model keeps them in an optional row keyed by the group's code.",
      ),
    children: z.array(editionTreeNodeSchema).min(1).optional().describe("The nodes under a group."),
  }),
);

/** A sum relation the edition states for a whole table (table 三's printed 勾稽 note). */
export const editionRelationSchema = z.object({
  rule: z.enum(sumRuleIds).describe("The rule that checks it."),
  along: z.enum(["rows", "columns"]).describe("rows: it holds down every column; columns: across every row."),
  equation: z
    .string()
    .regex(/^[^=]+=[^=]+$/u)
    .describe("Left = right, each side terms joined by +, each a code or sum(prefix.*)."),
  printed: z.boolean().describe("Whether the form prints it."),
});

/**
 * The cues by which the recognizer finds a table in a document and tells which edition printed it:
 * printed words as data, beside the table's labels. Every fragment is compared without spaces,
 * punctuation or numbering, as a substring of a line's (or a table's) text.
 */
export const tableCuesSchema = z
  .object({
    /** Fragments only this table prints (its own header words): each alone starts the table. */
    strong: z
      .array(text)
      .optional()
      .describe(
        "Fragments only this table prints (its own header words): each alone is enough to take a line for the start of the table.",
      ),
    /**
     * Fragments printed in other tables or in prose too: several must come together to start the
     * table. The table's own row and column labels of four or more characters that no other table
     * prints are weak cues without being listed.
     */
    weak: z
      .array(text)
      .optional()
      .describe(
        "Fragments printed in other tables or in prose too: several must come together to start the table. The table's own row and column labels of four or more characters that no other table prints are weak cues without being listed.",
      ),
    /** Labels (or parts of labels) only this edition prints in this table: each found adds one to the edition's score. */
    edition: z
      .array(text)
      .optional()
      .describe(
        "Labels (or parts of labels) only this edition prints in this table: each one found in the table adds one to the edition's score when the recognizer tells the editions apart.",
      ),
    /**
     * Labels that tell the edition only when a value follows them on their row, not a sub-row's
     * numbering (the 2019 edition's one-row （六）其他处理): each adds one to the edition's score.
     */
    editionRowWithValue: z
      .array(text)
      .optional()
      .describe(
        "Labels that tell the edition only when a value follows them on their row, not a sub-row's numbering (the 2019 edition's one-row （六）其他处理): each adds one to the edition's score.",
      ),
  })
  .describe("How the recognizer finds the table and tells the edition by it (printed words, as data).");

/**
 * The words by which the recognizer tells which part a heading starts: for each part, words its
 * heading prints (paraphrases included: 因政府信息公开工作被申请行政复议和提起行政诉讼情况 names
 * part 四 by 复议). The parts are tried in the order listed, so a heading that prints words of two
 * parts is the first one's. Every word is compared as a substring of the heading, with common
 * traditional characters simplified. The recognizer reads the words of every registered edition
 * (the edition is not known when the parts are found).
 */
export const partCuesSchema = z
  .array(
    z.object({
      /** The part the words name. */
      section: z.enum(sectionCodes).describe("The part the words name."),
      /** Words a heading of this part prints; any one names the part. */
      words: z.array(text).min(1).describe("Words a heading of this part prints; any one names the part."),
    }),
  )
  .describe(
    "How the recognizer tells which part a heading starts: each part's heading words, tried in this order (a heading printing words of two parts is the first one's).",
  );

const cellTargetSchema = z.object({ table: z.enum(tableIds), row: text, column: text });

/**
 * One format edition as data, the shape of `edition2019` and `edition2021`: the six parts' printed
 * headings (and the words that tell them in a heading), tables 二, 三 and 四 as label trees (with the totals' sum expressions and the roles the
 * cross-year rules read), table 三's printed relation, the cells prose counts are compared with, and
 * each table's cues (how the recognizer finds the table and tells the edition by it).
 * `registerEdition` reads this.
 */
export const editionDataSchema = z
  .object({
    id: z
      .string()
      .regex(/^[0-9A-Za-z][0-9A-Za-z._-]*$/u)
      .describe("The edition id a report's `edition` names, e.g. 2021."),
    document: text.describe("The document that issued the format, e.g. 国办公开办函〔2021〕30号."),
    formatTitle: text.describe("The format's title."),
    issued: z.string().nullable().describe("When it was issued (YYYY-MM-DD), if known."),
    appliesToReportYears: z
      .union([z.array(z.number().int()).min(1), z.string().regex(/^\d{4}-(?:\d{4})?$/u)])
      .describe("The report years it applies to: a list, or a range such as 2021- or 2019-2020."),
    sections: z
      .array(z.object({ code: z.enum(sectionCodes), label: text, en: z.string(), verification: z.string().optional() }))
      .describe("The six parts with their printed headings, in order."),
    /** How the recognizer tells which part a heading starts (see {@link partCuesSchema}). */
    partCues: partCuesSchema.optional(),
    narrativeTargets: z
      .partialRecord(z.enum(narrativeFacts), z.array(cellTargetSchema).min(1))
      .describe("For each count the prose states, the table cells it is compared with (their sum)."),
    tables: z.object({
      table2: z.object({
        title: text,
        firstColumnHeader: text,
        /** How the recognizer finds table 二 and tells the edition by it. */
        cues: tableCuesSchema.optional(),
        subTables: z
          .array(
            z.object({
              code: text,
              label: text,
              en: z.string(),
              columns: z.array(editionTreeNodeSchema).min(1),
              rows: z.array(editionTreeNodeSchema).min(1),
            }),
          )
          .min(1),
      }),
      table3: z.object({
        title: text,
        headerNote: text,
        /** How the recognizer finds table 三 and tells the edition by it. */
        cues: tableCuesSchema.optional(),
        relations: z.array(editionRelationSchema).optional(),
        columns: editionTreeNodeSchema,
        rows: z.array(editionTreeNodeSchema).min(1),
      }),
      table4: z.object({
        title: text,
        /** How the recognizer finds table 四 and tells the edition by it. */
        cues: tableCuesSchema.optional(),
        columns: z.array(editionTreeNodeSchema).min(1),
      }),
    }),
  })
  .describe("One format edition of the 政府信息公开工作年度报告, as data.");

/** `T` with every array and object read-only, as edition data declared `as const` is. */
type DeepReadonly<T> = T extends readonly (infer Item)[]
  ? readonly DeepReadonly<Item>[]
  : T extends object
    ? { readonly [Key in keyof T]: DeepReadonly<T[Key]> }
    : T;

/** One format edition as data (see {@link editionDataSchema}); `edition2019` and `edition2021` have this shape. */
export type EditionDataShape = DeepReadonly<z.infer<typeof editionDataSchema>>;
