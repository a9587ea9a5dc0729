import { GongkaiError, ReportValidationError } from "@gongkai/core";
import { seedReport } from "@gongkai/test-reports";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonSyntaxError } from "./find-json-syntax-error";
import { JsonSyntaxError, parseJson, safeParseJson, toJson } from "./index";

function syntaxErrorOf(text: string): JsonSyntaxError {
  try {
    parseJson(text);
  } catch (error) {
    if (JsonSyntaxError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("parseJson accepted the text");
}

function validationErrorOf(text: string): ReportValidationError {
  const result = safeParseJson(text);
  if (result.success || !ReportValidationError.isInstance(result.error)) throw new Error("expected a validation error");
  return result.error;
}

describe("parseJson: syntax errors", () => {
  it.each([
    ['{"a": 1,}', 1, 9, "Expected a property name in double quotes, found '}'"],
    ['{\n  "edition": "2019"\n  "meta": {}\n}', 3, 3, "Expected ',' or '}', found '\"'"],
    ["[1, 2", 1, 6, "Unexpected end of JSON text"],
    ['{"a": "b\nc"}', 1, 9, "Unescaped control character U+000A in string"],
    ["", 1, 1, "Unexpected end of JSON text"],
    ['{"a": 01}', 1, 8, "Invalid number"],
    ["{} x", 1, 4, "Unexpected 'x' after the JSON value"],
    ["{'a': 1}", 1, 2, "Expected a property name in double quotes or '}', found '''"],
    ['\r\n\r\n  {"a" 1}', 3, 8, "Expected ':' after property name, found '1'"],
    ['"\\x"', 1, 2, "Invalid escape '\\x' in string"],
    ["tru", 1, 1, "Unexpected 't' where a value was expected"],
  ])("%j → line %i, column %i", (text, line, column, message) => {
    const error = syntaxErrorOf(text);
    expect(error.line).toBe(line);
    expect(error.column).toBe(column);
    expect(error.message).toBe(`${message} at line ${line}, column ${column}`);
    expect(error.name).toBe("GongkaiJsonSyntaxError");
    expect(GongkaiError.isInstance(error)).toBe(true);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it("counts columns on the line after a byte-order mark as an editor shows them", () => {
    const error = syntaxErrorOf('\uFEFF{"a" 1}');
    expect([error.line, error.column]).toEqual([1, 6]);
  });

  it("does not overflow the stack on deeply nested input", () => {
    const error = syntaxErrorOf("[".repeat(200_000));
    expect(error.offset).toBe(200_000);
  });

  it("agrees with JSON.parse on what is JSON", () => {
    const accepts = (text: string) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    const jsonish = fc.stringMatching(/^[[\]{}",:0-9eE.+\- tfrnul\\a\n]{0,24}$/);
    fc.assert(
      fc.property(fc.oneof(jsonish, fc.json(), fc.string()), (text) => {
        expect(findJsonSyntaxError(text) === undefined).toBe(accepts(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("puts the error offset inside the text, at its end only when the text stops early", () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), (json, cut) => {
        const text = json.slice(0, cut % (json.length + 1));
        const problem = findJsonSyntaxError(text);
        if (problem) expect(problem.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseJson: reports", () => {
  it("accepts a report without the envelope, and with a byte-order mark", () => {
    const report = seedReport();
    expect(parseJson(JSON.stringify(report))).toEqual(report);
    expect(parseJson(`\uFEFF${toJson(report)}`)).toEqual(report);
  });

  it("rejects an unknown schemaVersion with a clear message", () => {
    const text = toJson(seedReport()).replace('"schemaVersion": 1', '"schemaVersion": 2');
    const error = validationErrorOf(text);
    expect(error.problems).toEqual([
      {
        pointer: "/schemaVersion",
        message: "unsupported schemaVersion 2: this version of @gongkai/to-json reads schemaVersion 1",
      },
    ]);
  });

  it("rejects a $schema that is not a string", () => {
    const text = toJson(seedReport()).replace(/"\$schema": "[^"]*"/, '"$schema": 5');
    expect(validationErrorOf(text).problems.map((problem) => problem.pointer)).toEqual(["/$schema"]);
  });

  it("lists every problem of JSON that is not a report by JSON pointer", () => {
    const report = JSON.parse(toJson(seedReport()));
    report.meta.year = "2020";
    report.tables.table3.rows.newReceived.total = { kind: "number", value: "49" };
    delete report.parts;
    const error = validationErrorOf(JSON.stringify(report));
    expect(error.problems.map((problem) => problem.pointer).sort()).toEqual([
      "/meta/year",
      "/parts",
      "/tables/table3/rows/newReceived/total/value",
    ]);
    expect(validationErrorOf("[1, 2]").problems).toHaveLength(1);
    expect(validationErrorOf('{"edition": "2027"}').problems.map((problem) => problem.pointer)).toEqual(["/edition"]);
  });

  it("safeParseJson returns the report or the typed error", () => {
    const report = seedReport();
    expect(safeParseJson(toJson(report))).toEqual({ success: true, report });
    const failure = safeParseJson("{");
    expect(failure.success).toBe(false);
    expect(!failure.success && JsonSyntaxError.isInstance(failure.error)).toBe(true);
    expect(!failure.success && ReportValidationError.isInstance(failure.error)).toBe(false);
  });
});
