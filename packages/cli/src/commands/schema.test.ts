import { reportJsonSchema } from "@gongkai/to-json";
import { expect, it } from "vitest";
import { runCli } from "../test-cli";

it("gongkai schema prints the report JSON Schema", async () => {
  const { code, stdout } = await runCli(["schema"]);
  expect(code).toBe(0);
  expect(stdout).toBe(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
  expect(JSON.parse(stdout).$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  expect((await runCli(["schema", "extra"])).code).toBe(2);
});
