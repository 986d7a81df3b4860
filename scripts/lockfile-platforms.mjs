#!/usr/bin/env node
// The npm registry mirror we install from has no Biome binaries for other platforms (404), so `npm install`
// drops them from package-lock.json and `npm ci` then refuses the lock ("Missing: @biomejs/cli-… from lock
// file"). This re-adds them as optional, platform-restricted entries: npm ci skips them on our machines and
// installs them where they match. Run it after any `npm install` that rewrites the lock file.
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const biome = lock.packages["node_modules/@biomejs/biome"];
if (!biome) process.exit(0);
const out = {};
let added = 0;
for (const [key, value] of Object.entries(lock.packages)) {
  out[key] = value;
  if (key !== "node_modules/@biomejs/biome") continue;
  for (const [name, version] of Object.entries(biome.optionalDependencies ?? {})) {
    const entry = `node_modules/${name}`;
    if (lock.packages[entry]) continue;
    const [, os, cpu, libc] = /cli-(\w+)-(\w+?)(?:-(musl))?$/.exec(name) ?? [];
    out[entry] = {
      version,
      cpu: [cpu],
      dev: true,
      ...(libc ? { libc: [libc] } : {}),
      license: "MIT OR Apache-2.0",
      optional: true,
      os: [os],
      engines: { node: ">=14.21.3" },
    };
    added++;
  }
}
// npm writes the entries sorted (localeCompare, "en"); keep that order so that a later `npm install` leaves the
// lock file untouched on a clean clone.
const sorted = Object.fromEntries(
  Object.entries(out).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b, "en"))),
);
lock.packages = sorted;
const text = `${JSON.stringify(lock, null, 2)}\n`;
const changed = text !== readFileSync(path, "utf8");
if (changed) writeFileSync(path, text);
console.log(
  changed
    ? `package-lock.json: ${added} platform entries added, entries in npm's order`
    : "package-lock.json: nothing to change",
);
