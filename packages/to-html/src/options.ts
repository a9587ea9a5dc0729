import type { Diagnostic } from "@gongkai/core";
import { ToHtmlOptionsError } from "./to-html-options-error";

/** The class prefix used when none is given. */
export const defaultClassPrefix = "gongkai-";

/** Options for `toHtml`. */
export interface ToHtmlOptions {
  /**
   * The prefix of every class name the fragment uses (`<prefix>table`, `<prefix>has-error`, …).
   * Letters, digits, `-` and `_`, starting with a letter. Default `gongkai-`.
   */
  readonly classPrefix?: string;
  /**
   * The prefix of every `id` the fragment writes (header cells, part headings, findings). Give
   * each fragment on one page its own prefix so ids stay unique. Default: the class prefix.
   */
  readonly idPrefix?: string;
  /** Also write each class's style as a `style` attribute, for hosts without the CSS. Default `false`. */
  readonly inlineStyles?: boolean;
  /**
   * Write the one style that is part of the markup's meaning (`<prefix>visually-hidden`) as a
   * `style` attribute even without `inlineStyles`, so hidden text stays hidden on hosts without
   * the CSS. Turn off for a host with the CSS under a Content Security Policy that forbids inline
   * styles (`toHtmlCss` hides it there). Ignored with `inlineStyles`. Default `true`.
   */
  readonly functionalStyles?: boolean;
  /** The heading level of the title (`h1` … `h4`); parts use one level below, sub-headings two. Default 1. */
  readonly headingLevel?: 1 | 2 | 3 | 4;
  /**
   * Findings from `check()` (or an importer) to show: on the cells they locate (a
   * `<prefix>has-error` / `has-warning` / `has-info` class and a note) and as a list after the report.
   */
  readonly diagnostics?: readonly Diagnostic[];
  /** Embed the report as `<script type="application/json" data-gongkai-report>`. Default `true`. */
  readonly embedReport?: boolean;
  /**
   * Validate the report with core's `parseReport` first (throws `ReportValidationError`). Turn off
   * only for reports that were just validated. Default `true`.
   */
  readonly validate?: boolean;
}

/** Options for `toHtmlPage`: those of `toHtml`, and the page's `<title>`. */
export interface ToHtmlPageOptions extends ToHtmlOptions {
  /** The text of the page's `<title>`. Default: the report's title. */
  readonly pageTitle?: string;
}

/** Options with defaults applied. */
export interface ResolvedOptions {
  readonly classPrefix: string;
  readonly idPrefix: string;
  readonly inlineStyles: boolean;
  readonly functionalStyles: boolean;
  readonly headingLevel: number;
  readonly diagnostics: readonly Diagnostic[] | undefined;
  readonly embedReport: boolean;
  readonly validate: boolean;
}

const prefixPattern = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Apply defaults and check the options. */
export function resolveOptions(options: ToHtmlOptions = {}): ResolvedOptions {
  const classPrefix = options.classPrefix ?? defaultClassPrefix;
  if (!prefixPattern.test(classPrefix)) {
    throw new ToHtmlOptionsError({
      option: "classPrefix",
      message: `${JSON.stringify(classPrefix)} must start with a letter and hold only letters, digits, - and _`,
    });
  }
  const idPrefix = options.idPrefix ?? classPrefix;
  if (!prefixPattern.test(idPrefix)) {
    throw new ToHtmlOptionsError({
      option: "idPrefix",
      message: `${JSON.stringify(idPrefix)} must start with a letter and hold only letters, digits, - and _`,
    });
  }
  const headingLevel = options.headingLevel ?? 1;
  if (![1, 2, 3, 4].includes(headingLevel)) {
    throw new ToHtmlOptionsError({ option: "headingLevel", message: `${String(headingLevel)} is not 1, 2, 3 or 4` });
  }
  return {
    classPrefix,
    idPrefix,
    inlineStyles: options.inlineStyles ?? false,
    functionalStyles: options.functionalStyles ?? true,
    headingLevel,
    diagnostics: options.diagnostics,
    embedReport: options.embedReport ?? true,
    validate: options.validate ?? true,
  };
}
