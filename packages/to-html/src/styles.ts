/**
 * The class roles the renderer writes. Every class in the output is `<prefix><role>`; the CSS
 * (and, with `inlineStyles`, the `style` attributes) come from this one table.
 */
export const classRoles = {
  report: "font-family:'Songti SC','SimSun','Noto Serif CJK SC',serif;color:#111;line-height:1.75;",
  header: "margin:0 0 1.5em;text-align:center;",
  title: "font-size:1.5em;font-weight:bold;margin:0 0 0.5em;line-height:1.4;",
  meta: "margin:0;color:#444;font-size:0.9em;",
  "meta-item": "display:inline-block;margin:0 0.75em;",
  agency: "",
  date: "",
  source: "word-break:break-all;",
  preamble: "margin:0 0 1em;",
  part: "margin:1.25em 0;",
  "part-heading": "font-size:1.2em;font-weight:bold;margin:1em 0 0.5em;",
  subheading: "font-size:1em;font-weight:bold;margin:0.75em 0 0.25em;",
  paragraph: "margin:0.25em 0;text-indent:2em;white-space:pre-line;",
  table:
    "border-collapse:collapse;width:100%;max-width:100%;margin:0.5em 0 1.5em;font-size:0.875em;line-height:1.4;table-layout:auto;",
  caption: "caption-side:top;font-weight:bold;padding:0 0 0.4em;text-align:center;",
  subtable: "",
  "subtable-heading": "border:1px solid #000;padding:0.3em 0.4em;text-align:left;font-weight:bold;background:#f3f3f3;",
  "column-heading":
    "border:1px solid #000;padding:0.3em 0.4em;text-align:center;vertical-align:middle;font-weight:bold;min-width:2.5em;",
  "row-heading": "border:1px solid #000;padding:0.3em 0.4em;text-align:left;vertical-align:middle;font-weight:normal;",
  corner: "border:1px solid #000;padding:0.3em 0.4em;text-align:left;vertical-align:middle;font-weight:normal;",
  cell: "border:1px solid #000;padding:0.3em 0.4em;text-align:center;vertical-align:middle;overflow-wrap:anywhere;",
  number: "white-space:nowrap;",
  blank: "",
  "not-applicable": "",
  unread: "color:#6b4e00;background:#fff8dc;font-style:italic;white-space:nowrap;",
  missing: "background:#eee;",
  total: "font-weight:bold;",
  "has-info": "background:#e8f0fe;",
  "has-warning": "background:#fff4e0;outline:2px solid #e08a00;outline-offset:-2px;",
  "has-error": "background:#fde8e8;outline:2px solid #c62828;outline-offset:-2px;",
  "cell-note": "",
  "visually-hidden":
    "position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0;",
  findings: "margin:2em 0 0;padding:0.75em 1em;border:1px solid #999;",
  "findings-heading": "font-size:1.1em;font-weight:bold;margin:0 0 0.5em;",
  "findings-list": "margin:0;padding-left:1.5em;",
  finding: "margin:0.25em 0;",
  "finding-error": "",
  "finding-warning": "",
  "finding-info": "",
  severity: "font-weight:bold;margin-right:0.5em;",
  rule: "font-family:monospace;font-size:0.9em;",
  location: "color:#444;",
  "rule-link": "",
} as const;

/** A class role: the part of a class name after the prefix. */
export type ClassRole = keyof typeof classRoles;

/** Roles whose style is part of what they mean (hiding text visually), so it is always inline. */
const functionalRoles: ReadonlySet<ClassRole> = new Set<ClassRole>(["visually-hidden"]);

/** Writes `class` (and optional `style`) attributes for a prefix. */
export class ClassWriter {
  readonly #prefix: string;
  readonly #inline: boolean;
  readonly #functional: boolean;
  readonly #cache = new Map<string, string>();

  constructor(prefix: string, inlineStyles: boolean, functionalStyles = true) {
    this.#prefix = prefix;
    this.#inline = inlineStyles;
    this.#functional = functionalStyles;
  }

  /** ` class="…"` (and ` style="…"`) for the roles, in order. */
  attributes(...roles: readonly ClassRole[]): string {
    const key = roles.join(" ");
    const cached = this.#cache.get(key);
    if (cached !== undefined) return cached;
    const classes = roles.map((role) => this.#prefix + role).join(" ");
    const style = roles
      .filter((role) => this.#inline || (this.#functional && functionalRoles.has(role)))
      .map((role) => classRoles[role])
      .join("");
    const written = ` class="${classes}"${style === "" ? "" : ` style="${style.replaceAll('"', "&quot;")}"`}`;
    this.#cache.set(key, written);
    return written;
  }
}

/** The CSS rules for every class role under `prefix`, one rule a line. */
export function cssFor(prefix: string): string {
  const rules: string[] = [];
  for (const [role, style] of Object.entries(classRoles)) {
    if (style !== "") rules.push(`.${prefix}${role}{${style}}`);
  }
  return rules.join("\n");
}
