// LibreOffice for the `test:office` tasks: one hermetic face set and one way to print a document to
// PDF, shared by to-docx's layout test and the conformance suite's DOCX → PDF → from-pdf pair.
// Node only (child_process, fs); imported as `@gongkai/test-reports/office`.

import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, linkSync, mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

const available = (command: string, args: string[]) => spawnSync(command, args, { stdio: "ignore" }).status === 0;

/**
 * Whether `soffice` and poppler's `pdfinfo` are installed (apt: libreoffice-writer-nogui
 * poppler-utils); the office tests are skipped, with a warning, when they are not.
 */
export const haveOffice: boolean = available("soffice", ["--version"]) && available("pdfinfo", ["-v"]);

/**
 * The faces LibreOffice may use, and the package each comes from: the Noto CJK faces of
 * fonts-noto-cjk (which .ci/run installs), for Chinese and, as Noto Serif CJK SC, for Latin
 * letters and digits too.
 */
const faces = [
  "Noto Sans CJK SC:style=Regular",
  "Noto Sans CJK SC:style=Bold",
  "Noto Serif CJK SC:style=Regular",
  "Noto Serif CJK SC:style=Bold",
] as const;

/** The font families a document names, by role: to-docx's preset `fonts` has this shape. */
export interface OfficeFonts {
  /** The Latin family (Times New Roman in the GB/T 9704 preset); null or absent: Times New Roman. */
  readonly latin?: string | null;
  /** Every other role names a Chinese family (仿宋_GB2312, 黑体, …). */
  readonly [role: string]: string | null | undefined;
}

/**
 * What each family is set in (none of the preset's exists on Linux): the Chinese families in Noto
 * Sans CJK SC, the Latin one in Noto Serif CJK SC — what a Chinese desktop's fontconfig gives them.
 */
function substitutes(fonts: OfficeFonts): Map<string, string> {
  return new Map([
    ...Object.entries(fonts)
      .filter(([role, family]) => role !== "latin" && typeof family === "string")
      .map(([, family]) => [family as string, "Noto Sans CJK SC"] as const),
    ["sans-serif", "Noto Sans CJK SC"],
    ["monospace", "Noto Sans CJK SC"],
    [fonts.latin ?? "Times New Roman", "Noto Serif CJK SC"],
    ["serif", "Noto Serif CJK SC"],
  ]);
}

/**
 * A fontconfig file for `FONTCONFIG_FILE` that loads only the Noto CJK SC faces (hard links, or
 * copies, in a folder of its own: LibreOffice skips a symlinked .ttc) and maps every family of
 * `fonts` to its substitute, so what else a machine has installed (fonts-dejavu-extra with a Java
 * runtime, say) and its locale never change the layout.
 *
 * @throws Error when fontconfig does not find the Noto CJK SC faces (apt: fonts-noto-cjk).
 */
export function hermeticFontconfig(directory: string, fonts: OfficeFonts): string {
  const folder = join(directory, "fonts");
  mkdirSync(folder, { recursive: true });
  for (const face of faces) {
    const [family = "", file = ""] = execFileSync("fc-match", ["-f", "%{family[0]}\t%{file}", face], {
      encoding: "utf8",
    }).split("\t");
    if (family !== face.split(":")[0]) {
      throw new Error(`test:office needs ${face} (apt-get install fonts-noto-cjk); fc-match gave ${family}`);
    }
    const target = join(folder, basename(file));
    try {
      linkSync(file, target);
    } catch {
      copyFileSync(file, target);
    }
  }
  const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const rules = [...substitutes(fonts)].map(
    ([family, substitute]) =>
      `  <match target="pattern"><test name="family"><string>${escapeXml(family)}</string></test>` +
      `<edit name="family" mode="assign" binding="strong"><string>${escapeXml(substitute)}</string></edit></match>`,
  );
  const file = join(directory, "fonts.conf");
  writeFileSync(
    file,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
      "<fontconfig>",
      `  <dir>${escapeXml(folder)}</dir>`,
      `  <cachedir>${escapeXml(join(directory, "fontconfig-cache"))}</cachedir>`,
      ...new Set(rules),
      "</fontconfig>",
      "",
    ].join("\n"),
  );
  return file;
}

/**
 * Print documents to PDF with LibreOffice (`soffice --headless --convert-to pdf`) in a profile of
 * its own under `directory`, with the {@link hermeticFontconfig} face set and a Chinese locale
 * (LANG=zh_CN.UTF-8). Each `name.docx` becomes `directory/name.pdf`.
 *
 * @returns the PDF files, in the order of `files`.
 */
export function officeToPdf(files: readonly string[], directory: string, fonts: OfficeFonts): string[] {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${join(directory, "profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      directory,
      ...files,
    ],
    {
      stdio: "ignore",
      timeout: 90_000 + 30_000 * files.length,
      env: {
        ...process.env,
        FONTCONFIG_FILE: hermeticFontconfig(directory, fonts),
        LANG: "zh_CN.UTF-8",
        LC_ALL: "zh_CN.UTF-8",
      },
    },
  );
  return files.map((file) => join(directory, `${basename(file).replace(/\.[^.]+$/u, "")}.pdf`));
}
