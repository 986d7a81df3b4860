#!/usr/bin/env node
// The import boundaries of the code, in one table, written into biome.json's overrides.
//
// Why a generator: a Biome override *replaces* the options of a rule instead of adding to them, so a folder's
// override that bans one more import silently drops the global bans (that is how `node-cron` could be imported
// by the Telegram adapter). Each folder here gets its complete rule: every package it may not use and every
// floor it may not reach. `node scripts/lint-boundaries.mjs` rewrites biome.json; `--check` exits 1 when
// biome.json differs from the table (test/architecture/boundaries.test.ts runs it). See docs/architecture.md.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";

/** Packages that belong to exactly one folder, and the folder. */
export const PACKAGES = {
  grammy: "src/adapters/telegram",
  "@grammyjs/auto-retry": "src/adapters/telegram",
  "discord.js": "src/adapters/discord",
  "@prisma/client": "src/store",
  "@prisma/adapter-better-sqlite3": "src/store",
  "@prisma/adapter-pg": "src/store",
  "better-sqlite3": "src/store",
  pg: "src/store",
  // Search's Snowball stemmers (the algorithms of PostgreSQL's configurations), for the SQLite stem index.
  "@orama/stemmers/french": "src/store",
  "@orama/stemmers/russian": "src/store",
  "node-cron": "src/schedule",
  vega: "src/pictures",
  "vega-lite": "src/pictures",
  "@napi-rs/canvas": "src/pictures",
};

/**
 * Floors of our own code: a name, the import patterns that reach it, and the floors it may import (besides
 * itself). Imports point inward: core ← analysis, digest ← ingest, store, outbox ← commands, schedule ←
 * adapters ← entry points.
 */
export const FLOORS = [
  { name: "core", dir: "src/core", reach: ["**/core/**"], may: [] },
  { name: "analysis", dir: "src/analysis", reach: ["**/analysis/**"], may: ["core"], pure: true },
  { name: "digest", dir: "src/digest", reach: ["**/digest/**"], may: ["core", "analysis"] },
  // Charts: pure specification builders, the font, and the renderer (Vega-Lite → Skia canvas → PNG) that the entry
  // points inject as Services.pictures.
  { name: "pictures", dir: "src/pictures", reach: ["**/pictures/**"], may: ["core"] },
  { name: "ingest", dir: "src/ingest", reach: ["**/ingest/**"], may: ["core", "analysis"] },
  { name: "store", dir: "src/store", reach: ["**/store/**", "**/generated/**"], may: ["core"] },
  { name: "outbox", dir: "src/outbox", reach: ["**/outbox/**"], may: ["core"] },
  { name: "commands", dir: "commands", reach: ["**/commands/**"], may: ["core", "analysis", "digest", "pictures"] },
  {
    name: "schedule",
    dir: "src/schedule",
    reach: ["**/schedule/**"],
    may: ["core", "analysis", "digest", "ingest", "outbox", "pictures"],
  },
  {
    name: "telegram",
    dir: "src/adapters/telegram",
    reach: ["**/adapters/telegram/**", "../telegram/**"],
    may: ["core"],
  },
  { name: "discord", dir: "src/adapters/discord", reach: ["**/adapters/discord/**", "../discord/**"], may: ["core"] },
  { name: "console", dir: "src/adapters/console", reach: ["**/adapters/console/**", "../console/**"], may: ["core"] },
  // Prisma's own tooling (schema config, migration helpers) uses the store's packages and reaches no floor.
  {
    name: "prisma-tools",
    dir: "prisma",
    includes: ["prisma.config.ts", "prisma/**"],
    packagesOf: "src/store",
    reach: [],
    may: ["core", "analysis", "digest", "ingest", "store", "outbox", "commands", "schedule"],
  },
  {
    name: "entry",
    dir: null,
    reach: [
      "**/main.ts",
      "**/app.ts",
      "**/platforms.ts",
      "**/lifecycle.ts",
      "**/config.ts",
      "**/logging.ts",
      "**/state-file.ts",
      "**/cli/**",
    ],
    may: [],
  },
];

const PURE_BANS = {
  "node:fs": "Analysis is pure: no I/O.",
  "node:fs/promises": "Analysis is pure: no I/O.",
  "node:http": "Analysis is pure: no I/O.",
  "node:https": "Analysis is pure: no I/O.",
  "node:net": "Analysis is pure: no I/O.",
};

function packageBans(dir) {
  const paths = {};
  for (const [pkg, owner] of Object.entries(PACKAGES)) {
    if (owner !== dir) paths[pkg] = `Only ${owner} may import ${pkg}.`;
  }
  return paths;
}

function floorRule(floor) {
  const allowed = new Set([floor.name, ...floor.may]);
  const group = FLOORS.filter((f) => !allowed.has(f.name)).flatMap((f) => f.reach);
  const paths = { ...packageBans(floor.packagesOf ?? floor.dir), ...(floor.pure ? PURE_BANS : {}) };
  const may = floor.may.length > 0 ? floor.may.join(", ") : "nothing of ours";
  if (group.length === 0) group.push("**/generated/**");
  return {
    includes: floor.includes ?? [`${floor.dir}/**`],
    linter: {
      rules: {
        style: {
          noRestrictedImports: {
            level: "error",
            options: {
              paths,
              patterns: [{ group, message: `${floor.dir} imports only ${may} (see docs/architecture.md).` }],
            },
          },
        },
      },
    },
  };
}

/** The boundary overrides, in table order; they come first in biome.json's overrides. */
export function boundaryOverrides() {
  return FLOORS.filter((f) => f.dir).map(floorRule);
}

/** The global rule (files in no floor: entry points, prisma.config.ts): only the package bans. */
export function globalRule() {
  return {
    level: "error",
    options: {
      paths: packageBans(null),
      patterns: [{ group: ["**/generated/**"], message: "Only src/store may import the generated Prisma client." }],
    },
  };
}

const MARK = "lint-boundaries";

export function render(biome) {
  const others = (biome.overrides ?? []).filter((o) => !o[MARK] && !isBoundary(o));
  const out = structuredClone(biome);
  out.linter.rules.style.noRestrictedImports = globalRule();
  out.overrides = [...boundaryOverrides(), ...others];
  return `${JSON.stringify(out, null, 2)}\n`;
}

function isBoundary(o) {
  return FLOORS.some((f) => f.dir && o.includes?.includes(f.includes?.[0] ?? `${f.dir}/**`));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = new URL("../biome.json", import.meta.url);
  const current = readFileSync(path, "utf8");
  const next = render(JSON.parse(current));
  const same = isDeepStrictEqual(JSON.parse(next), JSON.parse(current));
  if (process.argv.includes("--check")) {
    if (!same) {
      console.error("biome.json differs from the boundary table: run node scripts/lint-boundaries.mjs");
      process.exit(1);
    }
  } else if (!same) {
    writeFileSync(path, next);
    execFileSync(new URL("../node_modules/.bin/biome", import.meta.url).pathname, ["format", "--write", "biome.json"], {
      cwd: new URL("..", import.meta.url).pathname,
    });
    console.log("biome.json: boundaries rewritten");
  }
}
