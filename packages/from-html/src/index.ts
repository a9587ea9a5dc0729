export { HtmlLimitError } from "./errors";
export { type HtmlOptions, htmlToBlocks } from "./html-to-blocks";
