export {
  type ExpandedInputs,
  type ExpandInputsOptions,
  expandInputs,
  type IgnoreSource,
  ignoreFileName,
  readIgnoreFile,
} from "./expand-inputs";
export { ConfigError, type ConfigProblem, configSearchPlaces, type LoadedConfig, loadConfig } from "./load-config";
