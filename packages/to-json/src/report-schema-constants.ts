/** The `schemaVersion` this package writes and reads. */
export const reportSchemaVersion = 1;

/** Where the JSON Schema shipped in this package is published; canonical JSON's `$schema`. */
export const reportSchemaUrl = "https://unpkg.com/@gongkai/to-json/schema/report.schema.json";
