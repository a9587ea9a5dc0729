import type { LocalizedText } from "../diagnostic";
import type { DiagnosticRuleId, MessageDataOf } from "../diagnostic-registry";
import { en } from "./en";
import { zh } from "./zh";

/** How one language words the findings of one id: the message, and the fix's when the rule gives fixes. */
export interface MessageFormat<Data> {
  /** The finding's message. */
  readonly message: (data: Data) => string;
  /** The fix's message, for a rule whose findings carry a fix. */
  readonly fix?: (data: Data) => string;
}

/**
 * One language's wording of every finding gongkai makes, by id (as zod keeps one module per
 * locale): check rules, importers and `check()` itself make a finding from its id and data, never
 * words.
 */
export type RuleMessages = { readonly [Id in DiagnosticRuleId]: MessageFormat<MessageDataOf<Id>> };

/** How the findings of one id are worded, in both languages: the message, and the fix's. */
export interface FindingWording {
  /** The finding's message, from its data. */
  readonly message: (data: unknown) => LocalizedText;
  /** The fix's message, from the finding's data. */
  readonly fix: (data: unknown) => LocalizedText;
}

const wordings = new Map<DiagnosticRuleId, FindingWording>();

/**
 * The zh and en wording of the findings of `ruleId` (built once per id, then applied to each
 * finding's data). A rule that emits a fix without wording for it is a bug: the wording throws,
 * and `check()` reports it as internal/rule-failed.
 */
export function wordingOf(ruleId: DiagnosticRuleId): FindingWording {
  let wording = wordings.get(ruleId);
  if (wording === undefined) {
    wording = wordingFrom(ruleId);
    wordings.set(ruleId, wording);
  }
  return wording;
}

function wordingFrom(ruleId: DiagnosticRuleId): FindingWording {
  const zhWording = zh[ruleId] as MessageFormat<unknown>;
  const enWording = en[ruleId] as MessageFormat<unknown>;
  const zhFix = zhWording.fix;
  const enFix = enWording.fix;
  return {
    message: (data) => ({ zh: zhWording.message(data), en: enWording.message(data) }),
    fix: (data) => {
      if (zhFix === undefined || enFix === undefined) throw new Error(`no fix wording for ${ruleId}`);
      return { zh: zhFix(data), en: enFix(data) };
    },
  };
}

/**
 * The zh and en message of a finding of `ruleId` made from `data`: how an importer words the
 * finding it reports (core's message modules hold the wording of every id).
 *
 * @example
 * diagnosticMessage("import/missing-table", { table: "table4" });
 * // { zh: "报告中找不到表四（行政复议、行政诉讼情况）。", en: "Table 4 (reconsideration and litigation) was not found in the report." }
 */
export function diagnosticMessage<Id extends DiagnosticRuleId>(ruleId: Id, data: MessageDataOf<Id>): LocalizedText {
  return wordingOf(ruleId).message(data);
}
