import * as z from "zod";

// The drop-in bundle has its own zod. Schemas decide at construction whether to compile
// themselves with `new Function`, so this must run before any module that builds a schema:
// browser.ts imports it first. A page whose Content Security Policy forbids eval or enforces
// Trusted Types then sees no violation.
z.config({ jitless: true });

/** Whether zod runs without eval (read by browser.ts, so bundlers keep this module). */
export const zodJitless: boolean = z.config().jitless === true;
