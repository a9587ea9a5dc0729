/**
 * The 1-based line and column (in UTF-16 code units) of `offset` in `text`; `\r\n`, `\n` and `\r`
 * each end a line. For locating a finding in decoded text (an encoding problem, a JSON syntax error).
 *
 * @example
 * lineColumnAt("ab\ncd", 4); // { line: 2, column: 2 }
 */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let index = 0; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
