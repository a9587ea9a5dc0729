export {
  type DocxLayout,
  DocxOptionsError,
  type DocxPreset,
  type DocxPresetOverrides,
  gbt9704Preset,
  resolveDocxLayout,
} from "./preset";
export { type ToDocxOptions, toDocx } from "./to-docx";
