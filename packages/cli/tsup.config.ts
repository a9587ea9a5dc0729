import { nodeConfig } from "../../tsup.shared.ts";

export default nodeConfig(["src/bin.ts"]);
