/** The formats `importFile` reads. */
export const inputFormats = ["json", "html", "text", "docx", "pdf"] as const;

/** A format `importFile` reads: `json`, `html`, `text`, `docx` or `pdf`. */
export type InputFormat = (typeof inputFormats)[number];

/** File extensions (lower case, with the dot) and the format each names. */
export const inputExtensions: Readonly<Record<string, InputFormat>> = {
  ".json": "json",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".txt": "text",
  ".text": "text",
  ".docx": "docx",
  ".pdf": "pdf",
};

const mediaTypes: Readonly<Record<string, InputFormat>> = {
  "application/json": "json",
  "text/json": "json",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/plain": "text",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/pdf": "pdf",
};

/** The format a media type (`text/html; charset=utf-8`) or a format name (`html`) names, if any. */
export function formatFromType(type: string): InputFormat | undefined {
  const bare = type.split(";")[0]?.trim().toLowerCase() ?? "";
  if ((inputFormats as readonly string[]).includes(bare)) return bare as InputFormat;
  if (bare.endsWith("+json")) return "json";
  return mediaTypes[bare];
}

/** The format a file name's extension names, if any. */
export function formatFromName(name: string): InputFormat | undefined {
  const dot = name.lastIndexOf(".");
  if (dot <= name.lastIndexOf("/") || dot <= name.lastIndexOf("\\")) return undefined;
  return inputExtensions[name.slice(dot).toLowerCase()];
}

/** What the first bytes say: a ZIP (DOCX), a PDF, binary, markup, JSON, or else text. */
export function formatFromBytes(bytes: Uint8Array): InputFormat | "binary" {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "docx";
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return "pdf";
  // UTF-16 text starts with its byte-order mark; other NULs mean a binary file.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) return "binary";
  let index = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (index < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[index] as number)) index += 1;
  if (bytes[index] === 0x7b) return "json";
  if (bytes[index] === 0x3c) return "html";
  return "text";
}
