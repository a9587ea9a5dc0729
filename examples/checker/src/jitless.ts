import * as z from "zod";

// Schemas decide at construction whether to compile themselves with `new Function`; the page's
// Content Security Policy forbids eval, so zod runs jitless. main.ts imports this module first.
z.config({ jitless: true });
