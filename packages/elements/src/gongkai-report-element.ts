import { check, type Diagnostic, type Report } from "@gongkai/core";
import { defaultClassPrefix, toHtml, toHtmlCss } from "@gongkai/to-html";
import { parseJson } from "@gongkai/to-json";
import { describeFindingLocation, type ElementLanguage, elementText, groupFindingsByCause } from "./findings";
import { type ImportedReport, type ImportReportOptions, importReport } from "./import-report";
import { ReportLoadError } from "./report-load-error";

/** `detail` of the `gongkai-load` event. */
export interface GongkaiLoadDetail {
  /** The report shown. */
  readonly report: Report;
  /** The findings shown: the importer's, then `check()`'s (or the `diagnostics` property). */
  readonly diagnostics: readonly Diagnostic[];
  /** Where the report came from. */
  readonly from: "src" | "script" | "property" | "bytes";
}

/** `detail` of the `gongkai-select` event. */
export interface GongkaiSelectDetail {
  /** The finding selected. */
  readonly diagnostic: Diagnostic;
  /** Its index in `diagnostics`. */
  readonly index: number;
}

/** `detail` of the `gongkai-error` event. */
export interface GongkaiErrorDetail {
  /** What went wrong (a `ReportLoadError`, or the renderer's `ReportValidationError`). */
  readonly error: Error;
}

// A base class that exists in Node too, so importing the package outside a browser does not throw.
const ElementBase: typeof HTMLElement =
  typeof HTMLElement === "undefined" ? (class {} as unknown as typeof HTMLElement) : HTMLElement;

const prefixPattern = /^[A-Za-z][A-Za-z0-9_-]*$/;

interface TrustedHtmlPolicy {
  createHTML(html: string): string;
}

let htmlPolicy: TrustedHtmlPolicy | null | undefined;

/**
 * Our own renderer's output as the value `innerHTML` takes: a Trusted Types policy named
 * `gongkai-report` where the page enforces Trusted Types, else the string. The policy only ever
 * receives `toHtml` output, which escapes every string it did not write.
 */
function ownHtml(html: string): string {
  if (htmlPolicy === undefined) {
    const factory = (
      globalThis as { trustedTypes?: { createPolicy(name: string, rules: TrustedHtmlPolicy): TrustedHtmlPolicy } }
    ).trustedTypes;
    try {
      htmlPolicy = factory ? factory.createPolicy("gongkai-report", { createHTML: (value: string) => value }) : null;
    } catch {
      htmlPolicy = null;
    }
  }
  return htmlPolicy ? htmlPolicy.createHTML(html) : html;
}

const sheets = new Map<string, CSSStyleSheet>();

function elementCss(prefix: string): string {
  const p = `.${prefix}`;
  return [
    ":host{display:block;color:#111;background:#fff;}",
    ":host([hidden]){display:none;}",
    `${p}el-status{margin:0.5em 0;font-family:system-ui,sans-serif;}`,
    `${p}el-error{color:#a00000;}`,
    `${p}el-findings{margin:1.5em 0;font-family:system-ui,sans-serif;line-height:1.5;}`,
    `${p}el-findings-heading{font-size:1.1em;margin:0 0 0.5em;}`,
    `${p}el-list{list-style:none;margin:0;padding:0;}`,
    `${p}el-group{margin:0 0 0.5em;}`,
    `${p}el-finding{display:block;width:100%;box-sizing:border-box;text-align:left;font:inherit;color:inherit;background:#fff;` +
      "border:1px solid #bbb;border-left:5px solid #a00000;padding:0.4em 0.6em;cursor:pointer;}",
    `${p}el-finding[data-severity="warning"]{border-left-color:#8a5300;}`,
    `${p}el-finding[data-severity="info"]{border-left-color:#1f4e9c;}`,
    `${p}el-finding:hover{background:#f4f6fa;}`,
    `${p}el-finding:focus-visible,${p}el-selected{outline:3px solid #1a56db;outline-offset:-3px;}`,
    `${p}el-severity{font-weight:bold;margin-right:0.4em;}`,
    `${p}el-location,${p}el-rule{display:block;color:#444;font-size:0.9em;}`,
    `${p}el-fix{display:block;color:#0b5d1e;font-size:0.9em;}`,
    `${p}el-effects{list-style:none;margin:0.25em 0 0 1.5em;padding:0;}`,
    `${p}el-effects-label{font-size:0.85em;color:#444;margin:0.25em 0 0 1.5em;}`,
    `${p}has-error,${p}has-warning,${p}has-info{cursor:pointer;}`,
  ].join("\n");
}

function sheetFor(prefix: string): CSSStyleSheet {
  let sheet = sheets.get(prefix);
  if (sheet === undefined) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`${toHtmlCss({ classPrefix: prefix, print: true })}\n${elementCss(prefix)}`);
    sheets.set(prefix, sheet);
  }
  return sheet;
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * `<gongkai-report>`: shows a report in the official table layout, each finding on its cell
 * and as a list grouped by cause. The report comes from `src` (JSON, HTML, DOCX or text on the
 * page's own origin), from a `<script type="application/json">` child, from the `report`
 * property, or from `load(bytes)`. Renders into an open shadow root through `@gongkai/to-html`
 * with a constructed stylesheet (no inline `style`, no inline script): styles neither leak out
 * nor in, and it runs under a strict Content Security Policy.
 *
 * Attributes: `src`, `findings` (`shown` | `first` | `hidden`), `lang` (`zh` | `en`), `class-prefix`,
 * `cmap-url` and `standard-font-data-url` (where pdf.js's data files are served, for PDFs).
 * Events (bubbling, composed): `gongkai-load`, `gongkai-select`, `gongkai-error`.
 */
export class GongkaiReportElement extends ElementBase {
  /** The attributes the element reacts to. */
  static readonly observedAttributes = [
    "src",
    "findings",
    "lang",
    "class-prefix",
    "cmap-url",
    "standard-font-data-url",
  ];

  #report: Report | undefined;
  #prior: Report | undefined;
  #importDiagnostics: readonly Diagnostic[] = [];
  #givenDiagnostics: readonly Diagnostic[] | undefined;
  #shown: readonly Diagnostic[] = [];
  #loadCount = 0;
  #loadedSrc: string | null = null;
  #content: HTMLDivElement | undefined;

  /** The shadow root the report is rendered into (open, so tests and tools can read it). */
  get #root(): ShadowRoot {
    return this.shadowRoot ?? this.attachShadow({ mode: "open" });
  }

  /** The report shown, or `undefined` before one is loaded. Setting it renders it. */
  get report(): Report | undefined {
    return this.#report;
  }

  set report(report: Report | undefined) {
    this.#loadCount++;
    this.#importDiagnostics = [];
    this.#show(report, "property");
  }

  /** Last year's report of the same agency, for the `cross-year/*` rules. Setting it re-checks. */
  get prior(): Report | undefined {
    return this.#prior;
  }

  set prior(prior: Report | undefined) {
    this.#prior = prior;
    if (this.#report !== undefined) this.#render();
  }

  /**
   * The findings shown: the importer's and `check()`'s, unless set. Set it to show your own list
   * (for instance with rule options of your own); set `undefined` to go back to `check()`.
   */
  get diagnostics(): readonly Diagnostic[] {
    return this.#shown;
  }

  set diagnostics(diagnostics: readonly Diagnostic[] | undefined) {
    this.#givenDiagnostics = diagnostics;
    if (this.#report !== undefined) this.#render();
  }

  /** The `src` attribute: a report file on the page's origin. */
  get src(): string {
    return this.getAttribute("src") ?? "";
  }

  set src(value: string) {
    this.setAttribute("src", value);
  }

  /**
   * The `findings` attribute: `shown` (default) marks the cells and lists the findings after the
   * report, `first` lists them before it, `hidden` shows the report alone.
   */
  get findings(): "shown" | "first" | "hidden" {
    const value = this.getAttribute("findings");
    return value === "hidden" || value === "first" ? value : "shown";
  }

  set findings(value: "shown" | "first" | "hidden") {
    this.setAttribute("findings", value);
  }

  /** The language of the element's own words and finding messages: `lang` starting `en`, else `zh`. */
  get language(): ElementLanguage {
    return (this.getAttribute("lang") ?? "").toLowerCase().startsWith("en") ? "en" : "zh";
  }

  /** The class prefix (`class-prefix` attribute; letters, digits, `-`, `_`). Default `gongkai-`. */
  get classPrefix(): string {
    const value = this.getAttribute("class-prefix");
    return value !== null && prefixPattern.test(value) ? value : defaultClassPrefix;
  }

  set classPrefix(value: string) {
    this.setAttribute("class-prefix", value);
  }

  /**
   * The `cmap-url` attribute: base URL of pdf.js's CMaps (`pdfjs-dist/cmaps/` served as static
   * files), needed to read a PDF whose Chinese fonts are not embedded. Unset: `/pdfjs/cmaps/`.
   */
  get cMapUrl(): string | undefined {
    return this.getAttribute("cmap-url") ?? undefined;
  }

  set cMapUrl(value: string | undefined) {
    if (value === undefined) this.removeAttribute("cmap-url");
    else this.setAttribute("cmap-url", value);
  }

  /**
   * The `standard-font-data-url` attribute: base URL of pdf.js's standard font data
   * (`pdfjs-dist/standard_fonts/`). Unset: `/pdfjs/standard_fonts/`.
   */
  get standardFontDataUrl(): string | undefined {
    return this.getAttribute("standard-font-data-url") ?? undefined;
  }

  set standardFontDataUrl(value: string | undefined) {
    if (value === undefined) this.removeAttribute("standard-font-data-url");
    else this.setAttribute("standard-font-data-url", value);
  }

  /** The PDF data URLs set on the element, for `importReport`. */
  #pdfDataOptions(): Pick<ImportReportOptions, "cMapUrl" | "standardFontDataUrl"> {
    const cMapUrl = this.cMapUrl;
    const standardFontDataUrl = this.standardFontDataUrl;
    return {
      ...(cMapUrl === undefined ? {} : { cMapUrl }),
      ...(standardFontDataUrl === undefined ? {} : { standardFontDataUrl }),
    };
  }

  /** @internal Custom element lifecycle. */
  connectedCallback(): void {
    if (this.#report !== undefined) {
      this.#render();
      return;
    }
    if (this.src !== "") {
      // An upgraded element has already started loading from attributeChangedCallback.
      if (this.src !== this.#loadedSrc) void this.#loadSrc();
      return;
    }
    const script = this.querySelector(':scope > script[type="application/json"]');
    if (script !== null) {
      const count = ++this.#loadCount;
      try {
        const report = parseJson(script.textContent ?? "");
        if (count === this.#loadCount) {
          this.#importDiagnostics = [];
          this.#show(report, "script");
        }
      } catch (error) {
        this.#fail(
          new ReportLoadError({
            code: "not-a-report",
            message: `inline report: ${toError(error).message}`,
            cause: error,
          }),
        );
      }
    }
  }

  /** @internal Custom element lifecycle. */
  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void {
    if (!this.isConnected || oldValue === newValue) return;
    if (name === "src") {
      if (newValue !== null && newValue !== "" && newValue !== this.#loadedSrc) void this.#loadSrc();
      return;
    }
    // Read at the next load; a report already shown stays as it is.
    if (name === "cmap-url" || name === "standard-font-data-url") return;
    if (this.#report !== undefined) this.#render();
  }

  /**
   * Import a report from bytes (a dropped or picked file) and show it; resolves with the report
   * and the importer's findings. A failure shows its message, fires `gongkai-error` and rejects.
   *
   * @throws {ReportLoadError} when the bytes are not a report this build reads.
   */
  async load(bytes: Uint8Array, options: ImportReportOptions = {}): Promise<ImportedReport> {
    const count = ++this.#loadCount;
    let imported: ImportedReport;
    try {
      imported = await importReport(bytes, { ...this.#pdfDataOptions(), ...options });
    } catch (error) {
      if (count === this.#loadCount) this.#fail(toError(error));
      throw error;
    }
    if (count === this.#loadCount) {
      this.#importDiagnostics = imported.diagnostics;
      this.#show(imported.report, "bytes");
    }
    return imported;
  }

  /**
   * Select the finding at `index` of `diagnostics`: mark its cell, move focus to it (or to its
   * list item) and fire `gongkai-select`. Returns false when there is no such finding.
   */
  selectFinding(index: number): boolean {
    const diagnostic = this.#shown[index];
    if (diagnostic === undefined) return false;
    const prefix = this.classPrefix;
    const root = this.#root;
    for (const marked of Array.from(root.querySelectorAll(`.${prefix}el-selected`))) {
      marked.classList.remove(`${prefix}el-selected`);
      marked.removeAttribute("aria-current");
    }
    const item = root.querySelector<HTMLElement>(`[data-finding-index="${index}"]`);
    item?.classList.add(`${prefix}el-selected`);
    item?.setAttribute("aria-current", "true");
    const { table, row, column } = diagnostic.location;
    let cell: HTMLElement | undefined;
    if (table !== undefined && row !== undefined && column !== undefined) {
      cell = Array.from(root.querySelectorAll<HTMLElement>(`td[data-table="${table}"]`)).find(
        (candidate) => candidate.dataset.row === row && candidate.dataset.column === column,
      );
    }
    if (cell !== undefined) {
      cell.classList.add(`${prefix}el-selected`);
      cell.tabIndex = -1;
      cell.scrollIntoView?.({ block: "center", inline: "nearest" });
      cell.focus({ preventScroll: true });
    }
    this.dispatchEvent(
      new CustomEvent<GongkaiSelectDetail>("gongkai-select", {
        detail: { diagnostic, index },
        bubbles: true,
        composed: true,
      }),
    );
    return true;
  }

  async #loadSrc(): Promise<void> {
    const src = this.src;
    this.#loadedSrc = src;
    const count = ++this.#loadCount;
    this.#status(elementText[this.language].loading, false);
    try {
      const url = new URL(src, document.baseURI);
      if (url.origin !== location.origin || url.origin === "null") {
        throw new ReportLoadError({
          code: "cross-origin",
          message: `${src}: not on this page's origin (${location.origin}); the element reads only its own origin`,
        });
      }
      let response: Response;
      try {
        response = await fetch(url, { credentials: "same-origin", redirect: "error" });
      } catch (error) {
        throw new ReportLoadError({ code: "fetch-failed", message: `${src}: ${toError(error).message}`, cause: error });
      }
      if (!response.ok) {
        throw new ReportLoadError({ code: "fetch-failed", message: `${src}: HTTP ${response.status}` });
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      const name = decodeURIComponent(url.pathname.split("/").pop() ?? "");
      const imported = await importReport(bytes, {
        name,
        type: response.headers.get("content-type") ?? "",
        ...this.#pdfDataOptions(),
      });
      if (count !== this.#loadCount) return;
      this.#importDiagnostics = imported.diagnostics;
      this.#show(imported.report, "src");
    } catch (error) {
      if (count === this.#loadCount) this.#fail(toError(error));
    }
  }

  #show(report: Report | undefined, from: GongkaiLoadDetail["from"]): void {
    this.#report = report;
    if (report === undefined) {
      this.#shown = [];
      this.#ensureContent().replaceChildren();
      return;
    }
    if (!this.#render()) return;
    this.dispatchEvent(
      new CustomEvent<GongkaiLoadDetail>("gongkai-load", {
        detail: { report, diagnostics: this.#shown, from },
        bubbles: true,
        composed: true,
      }),
    );
  }

  #ensureContent(): HTMLDivElement {
    const root = this.#root;
    root.adoptedStyleSheets = [sheetFor(this.classPrefix)];
    if (this.#content === undefined || this.#content.parentNode !== root) {
      this.#content = document.createElement("div");
      this.#content.addEventListener("click", (event) => this.#onClick(event));
      root.replaceChildren(this.#content);
    }
    return this.#content;
  }

  #status(message: string, isError: boolean): void {
    const prefix = this.classPrefix;
    const paragraph = document.createElement("p");
    paragraph.className = `${prefix}el-status${isError ? ` ${prefix}el-error` : ""}`;
    paragraph.setAttribute("role", isError ? "alert" : "status");
    paragraph.textContent = message;
    this.#ensureContent().replaceChildren(paragraph);
  }

  #fail(error: Error): void {
    this.#status(`${elementText[this.language].failed}${error.message}`, true);
    this.dispatchEvent(
      new CustomEvent<GongkaiErrorDetail>("gongkai-error", { detail: { error }, bubbles: true, composed: true }),
    );
  }

  /** Render the report; false (after `gongkai-error`) when it cannot be rendered. */
  #render(): boolean {
    const report = this.#report;
    if (report === undefined) return false;
    const prefix = this.classPrefix;
    const content = this.#ensureContent();
    const showFindings = this.findings !== "hidden";
    let html: string;
    try {
      this.#shown = this.#givenDiagnostics ?? [
        ...this.#importDiagnostics,
        ...check(report, this.#prior === undefined ? {} : { prior: this.#prior }),
      ];
      html = toHtml(report, {
        classPrefix: prefix,
        headingLevel: 2,
        embedReport: false,
        functionalStyles: false,
        ...(showFindings ? { diagnostics: this.#shown } : {}),
      });
    } catch (error) {
      this.#shown = [];
      this.#fail(toError(error));
      return false;
    }
    const template = document.createElement("template");
    template.innerHTML = ownHtml(html);
    // The element draws its own findings list (grouped, selectable, in either language).
    template.content.querySelector(`.${prefix}findings`)?.remove();
    content.replaceChildren(template.content);
    if (showFindings) {
      const list = this.#findingsList(report);
      if (this.findings === "first") content.prepend(list);
      else content.append(list);
    }
    return true;
  }

  #findingsList(report: Report): HTMLElement {
    const prefix = this.classPrefix;
    const language = this.language;
    const text = elementText[language];
    const element = (tag: string, role: string, value?: string): HTMLElement => {
      const node = document.createElement(tag);
      node.className = `${prefix}${role}`;
      if (value !== undefined) node.textContent = value;
      return node;
    };
    const section = element("section", "el-findings");
    const headingId = `${prefix}el-findings-heading`;
    section.setAttribute("aria-labelledby", headingId);
    const heading = element("h3", "el-findings-heading", text.findings(this.#shown.length));
    heading.id = headingId;
    section.append(heading);
    if (this.#shown.length === 0) {
      section.append(element("p", "el-none", text.none));
      return section;
    }
    const findingButton = (diagnostic: Diagnostic, index: number): HTMLElement => {
      const button = element("button", "el-finding");
      button.setAttribute("type", "button");
      button.dataset.findingIndex = String(index);
      button.dataset.severity = diagnostic.severity;
      button.dataset.rule = diagnostic.ruleId;
      button.append(element("span", "el-severity", text.severity[diagnostic.severity]));
      button.append(document.createTextNode(diagnostic.message[language]));
      const location = describeFindingLocation(report, diagnostic, language);
      if (location !== "") button.append(element("span", "el-location", `${text.location}：${location}`));
      if (diagnostic.fix !== undefined) {
        button.append(element("span", "el-fix", `${text.fix}：${diagnostic.fix.message[language]}`));
      }
      button.append(element("span", "el-rule", `${text.rule}：${diagnostic.ruleId}`));
      return button;
    };
    const list = element("ul", "el-list");
    for (const group of groupFindingsByCause(this.#shown)) {
      const item = element("li", "el-group");
      item.append(findingButton(group.cause, group.index));
      if (group.effects.length > 0) {
        const labelId = `${prefix}el-effects-${group.index}`;
        const label = element("p", "el-effects-label", text.effects(group.effects.length));
        label.id = labelId;
        const effects = element("ul", "el-effects");
        effects.setAttribute("aria-labelledby", labelId);
        for (const effect of group.effects) {
          const effectItem = document.createElement("li");
          effectItem.append(findingButton(effect.diagnostic, effect.index));
          effects.append(effectItem);
        }
        item.append(label, effects);
      }
      list.append(item);
    }
    section.append(list);
    return section;
  }

  #onClick(event: Event): void {
    const target = event.target as Element | null;
    const button = target?.closest<HTMLElement>("[data-finding-index]");
    if (button) {
      this.selectFinding(Number(button.dataset.findingIndex));
      return;
    }
    const cell = target?.closest<HTMLElement>("td[data-table]");
    if (!cell) return;
    const index = this.#shown.findIndex(
      (diagnostic) =>
        diagnostic.location.table === cell.dataset.table &&
        diagnostic.location.row === cell.dataset.row &&
        diagnostic.location.column === cell.dataset.column,
    );
    if (index >= 0) this.selectFinding(index);
  }
}

/**
 * Define `<gongkai-report>` (or `tagName`) in `registry` (default: the window's), once.
 * Returns the element class. Does nothing outside a browser but return it.
 */
export function defineGongkaiReport(
  tagName = "gongkai-report",
  registry: CustomElementRegistry | undefined = globalThis.customElements,
): typeof GongkaiReportElement {
  if (registry !== undefined && registry.get(tagName) === undefined) {
    // One class per tag name: a registry refuses the same constructor under two names.
    const element = tagName === "gongkai-report" ? GongkaiReportElement : class extends GongkaiReportElement {};
    registry.define(tagName, element);
  }
  return GongkaiReportElement;
}
