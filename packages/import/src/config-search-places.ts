/**
 * Where the config file is looked for in each folder, in this order, upward from the start. Its
 * own module: `loadConfig` searches these names, and `expandInputs` leaves them out of a folder
 * walk without loading the config loader.
 */
export const configSearchPlaces = [
  "package.json",
  "gongkai.config.json",
  "gongkai.config.js",
  "gongkai.config.mjs",
  "gongkai.config.cjs",
] as const;
