export { DocxOptionsError } from "./docx-options-error";
export {
  type DocxLayout,
  type DocxPreset,
  type DocxPresetOverrides,
  gbt9704Preset,
  resolveDocxLayout,
} from "./preset";
export { type ToDocxOptions, toDocx } from "./to-docx";
