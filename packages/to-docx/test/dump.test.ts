import { writeFileSync } from "node:fs";
import { it } from "vitest";
import { toDocx } from "../src/index";
import { full2021Report, seedReport } from "./reports";
it("dump", async () => {
  writeFileSync("/tmp/seed.docx", await toDocx(seedReport()));
  writeFileSync("/tmp/full.docx", await toDocx(full2021Report()));
});
