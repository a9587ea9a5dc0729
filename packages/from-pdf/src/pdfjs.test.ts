import { expect, it } from "vitest";
import { loadPdfJs } from "./pdfjs";

it("puts back the built-ins pdf.js's legacy build replaces, keeps what it adds", async () => {
  // On Node 20 (V8 11.3) the core-js pdf.js bundles swaps these for script versions, which would
  // slow every caller in the process.
  const before = [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString];
  const pdfjs = await loadPdfJs();
  expect(typeof pdfjs.getDocument).toBe("function");
  expect([Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString]).toEqual(before);
  // What pdf.js needs and Node 20 lacks stays.
  expect(typeof (Promise as { withResolvers?: unknown }).withResolvers).toBe("function");
});
