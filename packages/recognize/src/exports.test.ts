import { expect, it } from "vitest";

it("pins the public exports of @gongkai/recognize", async () => {
  expect(Object.keys(await import("./index")).sort()).toEqual([
    "NotAReportError",
    "TableGridBuilder",
    "decodeText",
    "decodeTextPieces",
    "encodingForLabel",
    "importDiagnostic",
    "importRuleIds",
    "importRules",
    "recognize",
    "textPieceLength",
  ]);
});
