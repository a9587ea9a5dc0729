import type { SourcePosition } from "@gongkai/core";

/**
 * The position of `text[index]` when `text` starts at `start`. Lines and columns are counted
 * through any `\n` inside the text; the offset moves with the index when the start has one.
 */
export function positionAt(start: SourcePosition, text: string, index: number): SourcePosition {
  let line = start.line;
  let lineStart = -1;
  const limit = Math.min(index, text.length);
  for (let cursor = text.indexOf("\n"); cursor !== -1 && cursor < limit; cursor = text.indexOf("\n", cursor + 1)) {
    line += 1;
    lineStart = cursor;
  }
  const column = lineStart === -1 ? start.column + index : index - lineStart;
  const position: SourcePosition = { line, column };
  if (start.offset !== undefined) position.offset = start.offset + index;
  if (start.path !== undefined) position.path = start.path;
  return position;
}

/** The line a text starting at `start` ends on. */
export function lastLineOf(start: SourcePosition, text: string): number {
  let line = start.line;
  for (let cursor = text.indexOf("\n"); cursor !== -1; cursor = text.indexOf("\n", cursor + 1)) line += 1;
  return line;
}

/**
 * The position of `text[index]` inside a block that starts at `start`: computed with
 * {@link positionAt} when the block's text is exactly the source text there (`exact`, see
 * `BlockDocument.exactTextPositions`), else the block's own position, which markup or entities
 * between the tag and the text would make a computed one miss.
 */
export function positionWithin(start: SourcePosition, text: string, index: number, exact: boolean): SourcePosition {
  return exact ? positionAt(start, text, index) : start;
}
