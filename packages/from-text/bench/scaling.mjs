// `npm run bench`: how from-text's time and peak memory grow with its input (1×, 4×, 16×).
import { scaling } from "../../../scripts/scaling.mjs";
import { shapes } from "./shapes.mjs";

scaling("fromText", new URL("./shapes.mjs", import.meta.url).href, Object.keys(shapes));
