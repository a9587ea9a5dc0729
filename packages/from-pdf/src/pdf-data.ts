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
  /**
   * Reads pdf.js's data files from where the caller keeps them (bytes bundled into a page that
   * opens from disk and may make no request) instead of from `cMapUrl`/`standardFontDataUrl`,
   * which are then not used. Resolves `undefined` for a file it does not have: that text is
   * reported as `import/encoding`, as with a URL that does not serve it.
   */
  readonly readPdfData?: PdfDataReader;
}

/** One of pdf.js's data files, as a {@link PdfDataReader} is asked for it. */
export interface PdfDataFile {
  /** `cmap`: a packed predefined CMap; `standard-font`: a standard font's data. */
  readonly kind: "cmap" | "standard-font";
  /** Its file name in `pdfjs-dist`'s `cmaps/` (`UniGB-UCS2-H.bcmap`) or `standard_fonts/` folder. */
  readonly name: string;
}

/** Reads one of pdf.js's data files: its bytes, or `undefined` when the reader does not have it. */
export type PdfDataReader = (file: PdfDataFile) => Uint8Array | undefined | Promise<Uint8Array | undefined>;

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

/** What pdf.js's `BinaryDataFactory` option asks for and how it is constructed. */
type BinaryDataFactory = new (
  urls: unknown,
) => { fetch(file: { kind: string; filename: string }): Promise<Uint8Array> };

/**
 * pdf.js's source of data files (its `BinaryDataFactory` option, asked on the main thread since
 * `useWorkerFetch` is off) over a {@link PdfDataReader}.
 */
function readerFactory(read: PdfDataReader): BinaryDataFactory {
  return class {
    async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
      const file: PdfDataFile | undefined =
        kind === "cMapUrl"
          ? { kind: "cmap", name: filename }
          : kind === "standardFontDataUrl"
            ? { kind: "standard-font", name: filename }
            : undefined;
      const bytes = file === undefined ? undefined : await read(file);
      if (bytes === undefined) throw new Error(`pdf.js data file ${filename} is not available`);
      // A copy: pdf.js's message port must not detach the caller's buffer.
      return new Uint8Array(bytes);
    }
  };
}

/**
 * The data options to hand pdf.js: the caller's reader, else the caller's URLs, else (in Node) the
 * installed package's folders.
 */
export function pdfDataSource(
  options: PdfDataOptions,
): { BinaryDataFactory: BinaryDataFactory } | { cMapUrl?: string; standardFontDataUrl?: string } {
  if (options.readPdfData !== undefined) return { BinaryDataFactory: readerFactory(options.readPdfData) };
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
