/** pdf.js's packed CMaps for GB (simplified Chinese) encodings, base64 by file name; see `vite.config.ts`. */
declare module "virtual:gongkai-gb-cmaps" {
  export const gbCMaps: Readonly<Record<string, string>>;
}
