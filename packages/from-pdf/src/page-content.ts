import { drawOps, ops } from "./pdfjs";

/** A run of text as pdf.js gives it, placed on the page in points from the top-left corner. */
export interface TextRun {
  /** The text as printed (no Unicode normalization). */
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** The font size in points. */
  readonly size: number;
  /** pdf.js's id of the font. */
  readonly font: string;
}

/** A horizontal (`y` fixed) or vertical (`x` fixed) ruling line, in page points from the top-left. */
export interface Segment {
  readonly horizontal: boolean;
  /** y of a horizontal line, x of a vertical one. */
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** What one page holds that the importer reads. */
export interface PageContent {
  /** 1-based page number. */
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly runs: TextRun[];
  readonly segments: Segment[];
  /** The area of the page covered by images, in square points (capped at the page area). */
  readonly imageArea: number;
  /** Text operations drawn in a font pdf.js could not load: their text is lost. */
  readonly unreadableTexts: number;
}

type Matrix = readonly [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function isMatrix(value: unknown): value is Matrix {
  return (
    (Array.isArray(value) || ArrayBuffer.isView(value)) &&
    (value as ArrayLike<unknown>).length === 6 &&
    Array.from(value as ArrayLike<unknown>).every((entry) => typeof entry === "number" && Number.isFinite(entry))
  );
}

/** How far from axis-aligned (in points) a line may be and still count as a ruling line. */
const skew = 0.8;
/** The thickest filled rectangle read as a line rather than an area. */
const maxRuleThickness = 3;

const strokeOps: ReadonlySet<number> = new Set([
  ops.stroke,
  ops.closeStroke,
  ops.fillStroke,
  ops.eoFillStroke,
  ops.closeFillStroke,
  ops.closeEOFillStroke,
]);
const fillOps: ReadonlySet<number> = new Set([
  ops.fill,
  ops.eoFill,
  ops.fillStroke,
  ops.eoFillStroke,
  ops.closeFillStroke,
  ops.closeEOFillStroke,
]);

/** The subpaths of a pdf.js 5 `constructPath` buffer, as point lists in device (page) space. */
function subpathsOf(data: ArrayLike<number>, ctm: Matrix): { points: [number, number][]; closed: boolean }[] {
  const paths: { points: [number, number][]; closed: boolean }[] = [];
  let current: { points: [number, number][]; closed: boolean } | undefined;
  let index = 0;
  while (index < data.length) {
    const code = data[index] as number;
    if (code === drawOps.moveTo) {
      current = { points: [apply(ctm, data[index + 1] as number, data[index + 2] as number)], closed: false };
      paths.push(current);
      index += 3;
    } else if (code === drawOps.lineTo) {
      const point = apply(ctm, data[index + 1] as number, data[index + 2] as number);
      if (current) current.points.push(point);
      index += 3;
    } else if (code === drawOps.curveTo) {
      // A curve is no ruling line: start a new subpath at its end point.
      current = { points: [apply(ctm, data[index + 5] as number, data[index + 6] as number)], closed: false };
      paths.push(current);
      index += 7;
    } else if (code === drawOps.quadraticCurveTo) {
      current = { points: [apply(ctm, data[index + 3] as number, data[index + 4] as number)], closed: false };
      paths.push(current);
      index += 5;
    } else if (code === drawOps.closePath) {
      if (current) current.closed = true;
      index += 1;
    } else break;
  }
  return paths;
}

function segmentBetween(a: [number, number], b: [number, number]): Segment | undefined {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= skew && dx > skew) {
    return { horizontal: true, at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) };
  }
  if (dx <= skew && dy > skew) {
    return { horizontal: false, at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) };
  }
  return undefined;
}

/** The box of an axis-aligned rectangle subpath, or undefined when the subpath is none. */
function rectangleOf(
  points: readonly [number, number][],
): { x0: number; y0: number; x1: number; y1: number } | undefined {
  const corners = points.length === 5 ? points.slice(0, 4) : points;
  if (corners.length !== 4) return undefined;
  for (let index = 0; index < 4; index += 1) {
    const a = corners[index] as [number, number];
    const b = corners[(index + 1) % 4] as [number, number];
    if (Math.abs(a[0] - b[0]) > skew && Math.abs(a[1] - b[1]) > skew) return undefined;
  }
  const xs = corners.map((point) => point[0]);
  const ys = corners.map((point) => point[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** What the text reader needs of a font pdf.js loaded. */
export interface FontInfo {
  readonly vertical: boolean;
  readonly fontMatrix: readonly number[] | undefined;
  /**
   * Whether the font maps this character code to Unicode (a ToUnicode map, or an encoding with
   * known glyph names). A glyph it does not map is read as U+FFFD, never as pdf.js's guess.
   */
  readonly maps: (charCode: number) => boolean;
  /**
   * pdf.js could not load the font (a predefined CMap it could not fetch, a broken font program):
   * text drawn in it yields no glyphs and is counted as unreadable.
   */
  readonly failed: boolean;
}

/** The PDF text state, as pdf.js's canvas renderer keeps it. */
class TextState {
  matrix: Matrix = [1, 0, 0, 1, 0, 0];
  x = 0;
  y = 0;
  lineX = 0;
  lineY = 0;
  charSpacing = 0;
  wordSpacing = 0;
  hScale = 1;
  leading = 0;
  rise = 0;
  size = 1;
  fontId = "";
  font: FontInfo | undefined;

  moveText(x: number, y: number): void {
    this.lineX += x;
    this.lineY += y;
    this.x = this.lineX;
    this.y = this.lineY;
  }
}

function finiteNumber(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

/**
 * CJK radicals-supplement characters and the unified ideograph each is drawn with, in pairs: the
 * glyphs Noto Sans/Serif CJK SC share between the two (read off the fonts' cmap tables; they agree
 * with Unicode's EquivalentUnifiedIdeograph.txt). Kangxi radicals need no table: NFKC maps them.
 */
const supplementRadicals =
  "⺂乛⺃乚⺅亻⺉刂⺋㔾⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵" +
  "⺣灬⺤爫⺦丬⺨犭⺫罒⺭礻⺯糹⺰纟⺱罓⺲罒⺳㓁⺹耂⺺肀⺾艹⻁虎⻂衤⻃覀⻅见⻆角⻈讠" +
  "⻉贝⻋车⻌辶⻐钅⻑長⻒镸⻓长⻔门⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼" +
  "⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟";

let radicalIdeographs: Map<string, string> | undefined;

/**
 * Kangxi radicals (U+2F00–U+2FD5), CJK radicals supplement (U+2E80–U+2EF3) and CJK compatibility
 * ideographs (U+F900–U+FAD9) read as the unified ideographs they print. A font that draws 行 and
 * the radical ⾏ with one glyph gives that glyph one Unicode value in its ToUnicode map, and
 * Chromium's (Skia's) PDFs pick the lower one, the radical (一 comes back as ⼀, 民 as ⺠). A report
 * never means the radical.
 */
function unifiedIdeographs(text: string): string {
  if (!/[\u2e80-\u2fdf\uf900-\ufaff]/u.test(text)) return text;
  radicalIdeographs ??= new Map(
    Array.from(supplementRadicals.matchAll(/(.)(.)/gu), ([, radical, ideograph]) => [
      radical as string,
      ideograph as string,
    ]),
  );
  const table = radicalIdeographs;
  return text.replace(
    /[\u2e80-\u2fdf\uf900-\ufaff]/gu,
    (character) => table.get(character) ?? character.normalize("NFKC"),
  );
}

/** The glyphs of a `showText` operation placed on the page as one run each (spaces included). */
function showText(glyphs: readonly unknown[], state: TextState, ctm: Matrix, runs: TextRun[]): void {
  const font = state.font;
  const vertical = font?.vertical === true;
  const scale = finiteNumber(font?.fontMatrix?.[0], 0.001);
  const size = state.size;
  const matrix = multiply(ctm, state.matrix);
  const deviceSize = Math.abs(size) * Math.hypot(matrix[2], matrix[3]);
  let advance = 0;
  for (const glyph of glyphs) {
    if (typeof glyph === "number") {
      advance += ((vertical ? 1 : -1) * glyph * size) / 1000;
      continue;
    }
    if (!glyph || typeof glyph !== "object") continue;
    const { unicode, width, vmetric, isSpace, originalCharCode } = glyph as {
      originalCharCode?: unknown;
      unicode?: unknown;
      width?: unknown;
      vmetric?: unknown;
      isSpace?: unknown;
    };
    const spacing = (isSpace === true ? state.wordSpacing : 0) + state.charSpacing;
    const glyphWidth = finiteNumber(width, 0);
    let corners: [number, number][];
    let step: number;
    if (vertical) {
      const metrics = Array.isArray(vmetric) ? vmetric : undefined;
      step = (metrics ? -finiteNumber(metrics[0], -1000) : glyphWidth) * size * scale;
      const top = state.y - advance;
      const half = Math.abs(size) / 2;
      corners = [
        [state.x - half, top],
        [state.x + half, top],
        [state.x - half, top - step],
        [state.x + half, top - step],
      ];
      advance += step + spacing;
    } else {
      step = glyphWidth * size * scale;
      const left = state.x + advance * state.hScale;
      const right = left + step * state.hScale;
      const baseline = state.y + state.rise;
      corners = [
        [left, baseline + size * 0.86],
        [right, baseline + size * 0.86],
        [left, baseline - size * 0.14],
        [right, baseline - size * 0.14],
      ];
      advance += step + spacing;
    }
    if (typeof unicode !== "string" || unicode === "" || !(deviceSize > 0)) continue;
    const mapped = font === undefined || typeof originalCharCode !== "number" || font.maps(originalCharCode);
    const points = corners.map(([x, y]) => apply(matrix, x, y));
    const xs = points.map((point) => point[0]);
    const ys = points.map((point) => point[1]);
    runs.push({
      text: mapped ? unifiedIdeographs(unicode) : "\ufffd",
      left: Math.min(...xs),
      right: Math.max(...xs),
      top: Math.min(...ys),
      bottom: Math.max(...ys),
      size: deviceSize,
      font: state.fontId,
    });
  }
  if (vertical) state.y -= advance;
  else state.x += advance * state.hScale;
}

/**
 * The text runs, ruling lines and image area of a page's operator list. `viewport` maps PDF user space to
 * the displayed page (top-left origin, rotation applied).
 */
export function readOperators(
  operatorList: { readonly fnArray: readonly number[]; readonly argsArray: readonly unknown[] },
  viewport: Matrix,
  pageArea: number,
  fontOf: (id: string) => FontInfo | undefined,
): { segments: Segment[]; imageArea: number; runs: TextRun[]; unreadableTexts: number } {
  const segments: Segment[] = [];
  let unreadableTexts = 0;
  const runs: TextRun[] = [];
  const text = new TextState();
  let imageArea = 0;
  let ctm: Matrix = viewport;
  const stack: Matrix[] = [];
  const { fnArray, argsArray } = operatorList;
  for (let index = 0; index < fnArray.length; index += 1) {
    const fn = fnArray[index];
    const args = argsArray[index] as unknown[] | null | undefined;
    switch (fn) {
      case ops.beginText:
        text.matrix = [1, 0, 0, 1, 0, 0];
        text.x = text.y = text.lineX = text.lineY = 0;
        break;
      case ops.setTextMatrix: {
        const matrix =
          args && isMatrix(args) ? (args as unknown as Matrix) : args && isMatrix(args[0]) ? args[0] : undefined;
        if (matrix) {
          text.matrix = [...matrix] as unknown as Matrix;
          text.x = text.y = text.lineX = text.lineY = 0;
        }
        break;
      }
      case ops.moveText:
        text.moveText(finiteNumber(args?.[0], 0), finiteNumber(args?.[1], 0));
        break;
      case ops.setLeadingMoveText:
        text.leading = finiteNumber(args?.[1], 0);
        text.moveText(finiteNumber(args?.[0], 0), finiteNumber(args?.[1], 0));
        break;
      case ops.nextLine:
        text.moveText(0, text.leading);
        break;
      case ops.setLeading:
        text.leading = -finiteNumber(args?.[0], 0);
        break;
      case ops.setCharSpacing:
        text.charSpacing = finiteNumber(args?.[0], 0);
        break;
      case ops.setWordSpacing:
        text.wordSpacing = finiteNumber(args?.[0], 0);
        break;
      case ops.setHScale:
        text.hScale = finiteNumber(args?.[0], 100) / 100;
        break;
      case ops.setTextRise:
        text.rise = finiteNumber(args?.[0], 0);
        break;
      case ops.setFont:
        text.fontId = typeof args?.[0] === "string" ? args[0] : "";
        text.font = fontOf(text.fontId);
        text.size = finiteNumber(args?.[1], 1);
        break;
      case ops.showText:
      case ops.showSpacedText:
        if (text.font?.failed) unreadableTexts += 1;
        else if (Array.isArray(args?.[0])) showText(args[0], text, ctm, runs);
        break;
      case ops.save:
        stack.push(ctm);
        break;
      case ops.restore:
        ctm = stack.pop() ?? ctm;
        break;
      case ops.transform:
        if (args && isMatrix(args)) ctm = multiply(ctm, args as unknown as Matrix);
        break;
      case ops.paintFormXObjectBegin:
        stack.push(ctm);
        if (args && isMatrix(args[0])) ctm = multiply(ctm, args[0]);
        break;
      case ops.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        break;
      case ops.paintImageXObject:
      case ops.paintInlineImageXObject:
      case ops.paintImageMaskXObject:
      case ops.paintImageXObjectRepeat: {
        const corners = [apply(ctm, 0, 0), apply(ctm, 1, 0), apply(ctm, 0, 1), apply(ctm, 1, 1)];
        const xs = corners.map((point) => point[0]);
        const ys = corners.map((point) => point[1]);
        imageArea += (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
        break;
      }
      case ops.constructPath: {
        if (!args) break;
        const paintOp = args[0];
        const data = (args[1] as unknown[] | undefined)?.[0];
        if (typeof paintOp !== "number" || !data || typeof (data as ArrayLike<number>).length !== "number") break;
        const stroked = strokeOps.has(paintOp);
        const filled = fillOps.has(paintOp);
        if (!stroked && !filled) break;
        for (const path of subpathsOf(data as ArrayLike<number>, ctm)) {
          const rectangle = rectangleOf(path.points);
          if (filled && rectangle) {
            const width = rectangle.x1 - rectangle.x0;
            const height = rectangle.y1 - rectangle.y0;
            if (height <= maxRuleThickness && width > height) {
              segments.push({
                horizontal: true,
                at: (rectangle.y0 + rectangle.y1) / 2,
                from: rectangle.x0,
                to: rectangle.x1,
              });
              continue;
            }
            if (width <= maxRuleThickness && height > width) {
              segments.push({
                horizontal: false,
                at: (rectangle.x0 + rectangle.x1) / 2,
                from: rectangle.y0,
                to: rectangle.y1,
              });
              continue;
            }
          }
          if (!stroked) continue;
          const points = path.points;
          for (let at = 1; at < points.length; at += 1) {
            const segment = segmentBetween(points[at - 1] as [number, number], points[at] as [number, number]);
            if (segment) segments.push(segment);
          }
          if (path.closed && points.length > 2) {
            const segment = segmentBetween(
              points[points.length - 1] as [number, number],
              points[0] as [number, number],
            );
            if (segment) segments.push(segment);
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return { segments, imageArea: Math.min(imageArea, pageArea), runs, unreadableTexts };
}
