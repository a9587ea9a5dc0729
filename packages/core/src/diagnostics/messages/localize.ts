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

/** The zh and en wording of one finding of `ruleId` (its message, or its fix's) from its data. */
export function localizeFinding(
  ruleId: DiagnosticRuleId,
  data: unknown,
  part: "message" | "fix" = "message",
): LocalizedText {
  const zhWording = (zh[ruleId] as MessageFormat<unknown>)[part];
  const enWording = (en[ruleId] as MessageFormat<unknown>)[part];
  // A rule that emits a fix without wording for it is a bug: check() reports it as internal/rule-failed.
  if (zhWording === undefined || enWording === undefined) throw new Error(`no ${part} wording for ${ruleId}`);
  return { zh: zhWording(data), en: enWording(data) };
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
  return localizeFinding(ruleId, data);
}
