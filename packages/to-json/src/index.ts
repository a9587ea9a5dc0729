export { JsonSyntaxError } from "./json-syntax-error";
export { parseJson, type SafeParseJsonResult, safeParseJson } from "./parse-json";
export { reportJsonSchema, reportSchemaUrl, reportSchemaVersion } from "./report-json-schema";
export { toJson } from "./to-json";
