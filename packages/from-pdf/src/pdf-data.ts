/**
 * Where pdf.js finds the data files a PDF may need but not carry: the predefined CMaps (a Chinese
 * font that is not embedded, encoded with `UniGB-UCS2-H`, `GBK-EUC-H`…, and the CID → Unicode maps
 * its text is read through) and the standard fonts' data.
 */
export interface PdfDataOptions {
  /**
   * Base URL, ending in `/`, of pdf.js's packed CMaps (the `cmaps/` folder of the `pdfjs-dist`
   * package this one depends on, served as static files). In Node the default is that folder of
   * the installed package; in a browser there is none, and text in a font that needs a CMap is
   * reported as `import/encoding`.
   */
  readonly cMapUrl?: string;
  /**
   * Base URL, ending in `/`, of pdf.js's standard font data (`pdfjs-dist/standard_fonts/`). In
   * Node the default is that folder of the installed package; in a browser there is none.
   */
  readonly standardFontDataUrl?: string;
}

// Set by Node in a CommonJS module; undefined in an ES module and in a browser.
declare const __filename: string | undefined;

interface NodeProcess {
  readonly getBuiltinModule?: (id: string) => unknown;
}

let nodeFolders: PdfDataOptions | undefined;

/**
 * pdf.js's own data folders in Node (`cmaps/`, `standard_fonts/` of the installed `pdfjs-dist`),
 * resolved from this module as Node resolves its imports; `{}` outside Node or when they cannot be
 * found. pdf.js reads a path given as its URL with `fs` in Node.
 */
function packageDataFolders(): PdfDataOptions {
  if (nodeFolders) return nodeFolders;
  nodeFolders = {};
  const process = (globalThis as { process?: NodeProcess }).process;
  const modules = process?.getBuiltinModule?.("module") as
    | { createRequire(from: string): { resolve(id: string): string } }
    | undefined;
  if (!modules) return nodeFolders;
  try {
    const here = typeof __filename === "string" ? __filename : import.meta.url;
    const manifest = modules.createRequire(here).resolve("pdfjs-dist/package.json");
    const folder = manifest.slice(0, manifest.length - "package.json".length);
    nodeFolders = { cMapUrl: `${folder}cmaps/`, standardFontDataUrl: `${folder}standard_fonts/` };
  } catch {
    // Not resolvable (a bundle run in Node): the caller's URLs or none.
  }
  return nodeFolders;
}

/** The data URLs to hand pdf.js: the caller's, else (in Node) the installed package's folders. */
export function pdfDataUrls(options: PdfDataOptions): { cMapUrl?: string; standardFontDataUrl?: string } {
  const defaults = packageDataFolders();
  const cMapUrl = options.cMapUrl ?? defaults.cMapUrl;
  const standardFontDataUrl = options.standardFontDataUrl ?? defaults.standardFontDataUrl;
  return {
    ...(cMapUrl === undefined ? {} : { cMapUrl: withSlash(cMapUrl) }),
    ...(standardFontDataUrl === undefined ? {} : { standardFontDataUrl: withSlash(standardFontDataUrl) }),
  };
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
