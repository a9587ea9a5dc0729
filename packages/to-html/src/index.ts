export { escapeHtml } from "./escape";
export { defaultClassPrefix, type ToHtmlOptions, type ToHtmlPageOptions } from "./options";
export { type ClassRole, classRoles } from "./styles";
export { toHtml } from "./to-html";
export { ToHtmlOptionsError } from "./to-html-options-error";
export { type ToHtmlCssOptions, toHtmlCss, toHtmlPage, toHtmlPageChunks } from "./to-html-page";
