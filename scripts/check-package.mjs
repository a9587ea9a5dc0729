// Checks the published package in the working directory against the repository root, as each
// package's `lint:package` runs it: the repository URL is the root package.json's (the one place it
// is written), with `directory` naming the package's folder; the package's LICENSE is the root's;
// and the tarball `npm pack` would publish holds LICENSE, README.md and package.json.
//
// `node scripts/check-package.mjs --write` (from the root) writes the root's repository into every
// published package.json and copies LICENSE into each package, for after the root's URL changes.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const rootPackage = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const rootLicense = readFileSync(join(root, "LICENSE"), "utf8");

/** The repository field a package in `folder` must have. */
function repositoryFor(folder) {
  return { ...rootPackage.repository, directory: relative(root, folder).split("\\").join("/") };
}

if (process.argv.includes("--write")) {
  for (const name of readdirSync(join(root, "packages"))) {
    const folder = join(root, "packages", name);
    const file = join(folder, "package.json");
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      continue;
    }
    if (manifest.private) continue;
    manifest.repository = repositoryFor(folder);
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    copyFileSync(join(root, "LICENSE"), join(folder, "LICENSE"));
    console.log(`wrote ${relative(root, file)} and LICENSE`);
  }
  process.exit(0);
}

const folder = process.cwd();
const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
assert.deepEqual(
  manifest.repository,
  repositoryFor(folder),
  `${manifest.name}: "repository" must be the root package.json's, with "directory" naming this folder (run node scripts/check-package.mjs --write)`,
);
assert.equal(
  readFileSync(join(folder, "LICENSE"), "utf8"),
  rootLicense,
  `${manifest.name}: LICENSE must be the root's (run node scripts/check-package.mjs --write)`,
);
const [packed] = JSON.parse(
  execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: folder, encoding: "utf8" }),
);
const files = new Set(packed.files.map((file) => file.path));
for (const required of ["LICENSE", "README.md", "package.json"]) {
  assert.ok(files.has(required), `${manifest.name}: the tarball has no ${required}`);
}
console.log(`${basename(folder)}: repository, LICENSE and tarball (${packed.files.length} files) ok`);
