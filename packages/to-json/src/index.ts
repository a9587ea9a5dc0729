export { type Config, configJsonSchema, configSchema, configSchemaUrl, ruleLevelSchema } from "./config-schema";
export { JsonSyntaxError } from "./json-syntax-error";
export { parseJson, type SafeParseJsonResult, safeParseJson } from "./parse-json";
export { reportJsonSchema } from "./report-json-schema";
export { reportSchemaUrl, reportSchemaVersion } from "./report-schema-constants";
export { type CellCsvState, cellCsvColumns, cellCsvRows, cellCsvState, csvField, toCsv } from "./to-csv";
export { toJson } from "./to-json";
