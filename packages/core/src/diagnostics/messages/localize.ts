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

/** How one rule's findings are worded, in both languages: its message, and its fix's. */
export interface FindingWording {
  /** The finding's message, from its data. */
  readonly message: (data: unknown) => LocalizedText;
  /** The fix's message, from the finding's data. */
  readonly fix: (data: unknown) => LocalizedText;
}

const wordings = new Map<RuleId, FindingWording>();

/**
 * The zh and en wording of the findings of `ruleId` (built once per rule, then applied to each
 * finding's data). A rule that emits a fix without wording for it is a bug: the wording throws,
 * and `check()` reports it as internal/rule-failed.
 */
export function wordingOf(ruleId: RuleId): FindingWording {
  let wording = wordings.get(ruleId);
  if (wording === undefined) {
    wording = wordingFrom(ruleId);
    wordings.set(ruleId, wording);
  }
  return wording;
}

function wordingFrom(ruleId: RuleId): FindingWording {
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
