import { describe, expect, it } from "vitest";
import { DocxOptionsError, gbt9704Preset, resolveDocxLayout } from "./index";

describe("resolveDocxLayout", () => {
  it("turns the GB/T 9704 preset into Word measurements", () => {
    // 1 mm = 1440 / 25.4 twips; 210 × 297 mm = 11906 × 16838; 37 mm = 2098; 28 mm = 1587;
    // 156 mm = 8844; 225 mm = 12756; 12756 / 22 = 579.8 → 579 (28.95 pt); 8844 / 20 / 28 = 15.793 pt.
    expect(resolveDocxLayout(gbt9704Preset)).toEqual({
      pageWidth: 11906,
      pageHeight: 16838,
      marginTop: 2098,
      marginLeft: 1587,
      marginRight: 1475,
      marginBottom: 1984,
      textWidth: 8844,
      textHeight: 12756,
      headerDistance: 850,
      footerDistance: 1223,
      pageNumberLineHeight: 364,
      linePitch: 579,
      charSpace: -849,
      bodyCharacterSpacing: -5,
      bodySize: 32,
      titleSize: 44,
      tableSize: 21,
      pageNumberSize: 28,
      firstLineIndent: 640,
      pageNumberIndent: 280,
      bodyCharacterWidth: 320,
      closingDateRightIndent: 1280, // 右空四字: 4 × 16 pt
      tableWidth: 8844,
      tableLineSpacing: 280,
      cellPadding: 57,
    });
  });

  it("fits exactly 22 lines and 28 characters in the text block", () => {
    const layout = resolveDocxLayout(gbt9704Preset);
    expect(22 * layout.linePitch).toBeLessThanOrEqual(layout.textHeight);
    expect(23 * layout.linePitch).toBeGreaterThan(layout.textHeight);
    // Word's character pitch with the grid: body size + charSpace / 4096 points.
    const gridPitch = 16 + layout.charSpace / 4096;
    expect(28 * gridPitch * 20).toBeLessThanOrEqual(layout.textWidth);
    expect(29 * gridPitch * 20).toBeGreaterThan(layout.textWidth);
    // Without the grid: 16 pt characters condensed by bodyCharacterSpacing twips.
    expect(28 * (320 + layout.bodyCharacterSpacing)).toBeLessThanOrEqual(layout.textWidth);
    expect(29 * (320 + layout.bodyCharacterSpacing)).toBeGreaterThan(layout.textWidth);
  });

  it("throws a DocxOptionsError naming the option", () => {
    expect(() => resolveDocxLayout({ ...gbt9704Preset, charactersPerLine: 0 })).toThrow(DocxOptionsError);
    try {
      resolveDocxLayout({ ...gbt9704Preset, page: { ...gbt9704Preset.page, marginTop: 100 } });
      expect.unreachable();
    } catch (error) {
      expect(DocxOptionsError.isInstance(error) && error.option).toBe("preset.page.textHeight");
      expect((error as Error).name).toBe("GongkaiDocxOptionsError");
    }
  });
});
