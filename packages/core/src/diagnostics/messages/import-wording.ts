import type { MessageDataOf } from "../diagnostic-registry";

/** How many ways run-together digits split, as both languages print it (`1e15+` past 10¹⁵). */
export function runTogetherCount(count: number): string {
  return count >= 1e15 ? "1e15+" : String(count);
}

/** The splits a run-together finding lists, each as `a | b | c`, and how many more it does not. */
export function splitsListed(data: MessageDataOf<"import/run-together">): {
  readonly listed: readonly string[];
  readonly more: number;
} {
  const listed = data.splits.map((split) => split.join(" | "));
  return { listed, more: data.count > listed.length ? data.count - listed.length : 0 };
}
