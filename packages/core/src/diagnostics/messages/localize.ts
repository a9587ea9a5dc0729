import type { LocalizedText } from "../diagnostic";
import type { MessageDataOf, RuleId } from "../diagnostic-registry";
import { en } from "./en";
import { zh } from "./zh";

/** How one language words the findings of one rule: the message, and the fix's when the rule gives fixes. */
export interface MessageFormat<Data> {
  /** The finding's message. */
  readonly message: (data: Data) => string;
  /** The fix's message, for a rule whose findings carry a fix. */
  readonly fix?: (data: Data) => string;
}

/**
 * One language's wording of every check rule's findings, by rule id (as zod keeps one module per
 * locale): a rule emits its id and data, never words.
 */
export type RuleMessages = { readonly [Id in RuleId]: MessageFormat<MessageDataOf<Id>> };

/** The zh and en wording of one finding of `ruleId` (its message, or its fix's) from its data. */
export function localizeFinding(ruleId: RuleId, data: unknown, part: "message" | "fix" = "message"): LocalizedText {
  const zhWording = (zh[ruleId] as MessageFormat<unknown>)[part];
  const enWording = (en[ruleId] as MessageFormat<unknown>)[part];
  // A rule that emits a fix without wording for it is a bug: check() reports it as internal/rule-failed.
  if (zhWording === undefined || enWording === undefined) throw new Error(`no ${part} wording for ${ruleId}`);
  return { zh: zhWording(data), en: enWording(data) };
}
