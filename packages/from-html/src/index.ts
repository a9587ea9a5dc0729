export { HtmlLimitError } from "./errors";
export { type FromHtmlOptions, fromHtml } from "./from-html";
export { type HtmlOptions, htmlToBlocks } from "./html-to-blocks";
