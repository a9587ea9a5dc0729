export { configSearchPlaces } from "./config-search-places";
export {
  type ExpandedInputs,
  type ExpandInputsOptions,
  expandInputs,
  type IgnoreSource,
  ignoreFileName,
  readIgnoreFile,
} from "./expand-inputs";
export { ConfigError, type ConfigProblem, type LoadedConfig, loadConfig } from "./load-config";
