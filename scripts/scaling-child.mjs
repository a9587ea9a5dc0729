// The child process of scaling.mjs: `node --expose-gc scaling-child.mjs MODULE_URL SHAPE FACTOR`.
import { child } from "./scaling.mjs";

const [moduleUrl, shape, factor] = process.argv.slice(2);
await child(moduleUrl, shape, Number(factor));
