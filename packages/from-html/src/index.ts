export { NotAReportError } from "@gongkai/recognize";
export { type FromHtmlOptions, fromHtml } from "./from-html";
export { HtmlLimitError } from "./html-limit-error";
export { type HtmlOptions, htmlToBlocks } from "./html-to-blocks";
