// biome-ignore-all assist/source/organizeImports: ./jitless must be evaluated before any module that builds a schema
// The drop-in build: loading this module defines <gongkai-report>.
import { zodJitless } from "./jitless";
import { defineGongkaiReport } from "./gongkai-report-element";

if (!zodJitless) throw new Error("zod must run jitless in the drop-in build");
defineGongkaiReport();

/** The element class `<gongkai-report>` is defined with, for pages that want to subclass or type it. */
export { GongkaiReportElement } from "./gongkai-report-element";
