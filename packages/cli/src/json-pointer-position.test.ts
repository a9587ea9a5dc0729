import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { locateJsonPointer, positionAt } from "./json-pointer-position";

const text = `{
  "edition": "2019",
  "a/b": { "m~n": [10, {"deep": true}, "x"] },
  "dup": 1,
  "tables": {
    "table3": { "rows": { "newReceived": { "total": { "kind": "blank" } } } }
  },
  "esc\\u0061ped": "v",
  "dup": 2
}`;

describe("locateJsonPointer", () => {
  it.each([
    ["", 1, 1, ""],
    ["/edition", 2, 3, "/edition"],
    ["/a~1b", 3, 3, "/a~1b"],
    ["/a~1b/m~0n", 3, 12, "/a~1b/m~0n"],
    ["/a~1b/m~0n/0", 3, 20, "/a~1b/m~0n/0"],
    ["/a~1b/m~0n/1/deep", 3, 25, "/a~1b/m~0n/1/deep"],
    ["/a~1b/m~0n/2", 3, 40, "/a~1b/m~0n/2"],
    ["/tables/table3/rows/newReceived/total", 6, 44, "/tables/table3/rows/newReceived/total"],
    ["/escaped", 8, 3, "/escaped"],
  ])("%s → %i:%i", (pointer, line, column, found) => {
    expect(locateJsonPointer(text, pointer)).toMatchObject({ line, column, found });
  });

  it("resolves a duplicate key to the last one, as JSON.parse does", () => {
    expect(locateJsonPointer(text, "/dup")).toMatchObject({ line: 9, column: 3 });
  });

  it("stops at the deepest part of the pointer that exists", () => {
    expect(locateJsonPointer(text, "/tables/table3/rows/carriedOver/total")).toMatchObject({
      line: 6,
      column: 17,
      found: "/tables/table3/rows",
    });
    expect(locateJsonPointer(text, "/a~1b/m~0n/3")).toMatchObject({ found: "/a~1b/m~0n" });
    expect(locateJsonPointer(text, "/edition/0")).toMatchObject({ found: "/edition" });
    expect(locateJsonPointer(text, "/a~1b/m~0n/01")).toMatchObject({ found: "/a~1b/m~0n" });
  });

  it("does not overflow on deep nesting it skips over", () => {
    const deep = `{"skip": ${"[".repeat(100_000)}${"]".repeat(100_000)}, "target": 1}`;
    expect(locateJsonPointer(deep, "/target")).toMatchObject({ line: 1, column: 200_012 });
  });

  it("finds every member and element of any JSON value", () => {
    const paths = (value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> => {
      if (Array.isArray(value)) return value.flatMap((child, index) => paths(child, [...prefix, index]));
      if (typeof value === "object" && value !== null) {
        return Object.entries(value).flatMap(([key, child]) => [[...prefix, key], ...paths(child, [...prefix, key])]);
      }
      return [prefix];
    };
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const json = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
        for (const path of paths(value)) {
          const pointer = path
            .map((segment) => `/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`)
            .join("");
          const position = locateJsonPointer(json, pointer);
          expect(position.found).toBe(pointer);
          const last = path[path.length - 1];
          let target: unknown = value;
          for (const segment of path) target = (target as Record<string | number, unknown>)[segment];
          const rest = json.slice(position.offset);
          if (typeof last === "string") expect(rest.startsWith(JSON.stringify(last))).toBe(true);
          else if (last !== undefined)
            expect(rest.startsWith(JSON.stringify(target, null, pretty ? 2 : undefined).split("\n")[0] ?? "")).toBe(
              true,
            );
          expect(positionAt(json, position.offset)).toEqual({
            line: position.line,
            column: position.column,
            offset: position.offset,
          });
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("positionAt", () => {
  it("counts \\r\\n, \\n and \\r as one line end each", () => {
    expect(positionAt("a\r\nb\nc\rd", 7)).toEqual({ line: 4, column: 1, offset: 7 });
  });
});
