/**
 * The layering is enforced by the linter, not by reviewers. biome.json's boundary rules are generated from one
 * table (scripts/lint-boundaries.mjs); these tests check that biome.json matches it, and that every import the
 * table forbids really fails lint — probes are written into a temporary copy of the folder layout, never into
 * src/, so they cannot disturb other tests or the work tree.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { FLOORS, PACKAGES } from "../../scripts/lint-boundaries.mjs";

interface Floor {
  name: string;
  dir: string | null;
  includes?: string[];
  packagesOf?: string;
  may: string[];
  pure?: boolean;
}

const root = fileURLToPath(new URL("../..", import.meta.url));
const biome = join(root, "node_modules/.bin/biome");
const floors = FLOORS as Floor[];
const packages = PACKAGES as Record<string, string>;

/** A file in each floor that probes can import (what a real import would point at). */
const target: Record<string, string> = {
  core: "src/core/reply.ts",
  analysis: "src/analysis/analyze.ts",
  digest: "src/digest/build.ts",
  ingest: "src/ingest/pipeline.ts",
  store: "src/store/index.ts",
  outbox: "src/outbox/delivery.ts",
  commands: "commands/index.ts",
  schedule: "src/schedule/poller.ts",
  telegram: "src/adapters/telegram/adapter.ts",
  discord: "src/adapters/discord/index.ts",
  console: "src/adapters/console/console-chat.ts",
  entry: "src/main.ts",
};

const sandbox = mkdtempSync(join(tmpdir(), "newsbot-lint-"));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

function write(rel: string, content: string): void {
  mkdirSync(dirname(join(sandbox, rel)), { recursive: true });
  writeFileSync(join(sandbox, rel), content);
}

function importOf(fromFile: string, toFile: string): string {
  let spec = relative(dirname(fromFile), toFile);
  if (!spec.startsWith(".")) spec = `./${spec}`;
  return spec;
}

/** Lints the sandbox with the project's biome.json; returns the probe files that got a boundary error. */
function lintSandbox(): Set<string> {
  const config = JSON.parse(readFileSync(join(root, "biome.json"), "utf8"));
  delete config.$schema;
  config.vcs = { enabled: false };
  write("biome.json", JSON.stringify(config));
  const r = spawnSync(biome, ["lint", "--max-diagnostics=none", "."], {
    cwd: sandbox,
    encoding: "utf8",
    timeout: 60_000,
  });
  const out = `${r.stdout}${r.stderr}`;
  return new Set([...out.matchAll(/^(\S+\.ts):\d+:\d+ lint\/style\/noRestrictedImports/gm)].map((m) => m[1] ?? ""));
}

describe("architecture boundaries", () => {
  it("biome.json carries exactly the boundary table", () => {
    const r = spawnSync(process.execPath, [join(root, "scripts/lint-boundaries.mjs"), "--check"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("every folder of the code sits on a floor of the table (a new folder must say what it may import)", () => {
    const dirs = new Set(floors.map((f) => f.dir));
    const folders = [
      ...readdirSync(join(root, "src"), { withFileTypes: true })
        .filter((d) => d.isDirectory() && !["generated", "cli", "adapters"].includes(d.name))
        .map((d) => `src/${d.name}`),
      ...readdirSync(join(root, "src/adapters")).map((d) => `src/adapters/${d}`),
    ];
    expect(folders.filter((f) => !dirs.has(f))).toEqual([]);
  });

  it("every forbidden import fails lint, in every floor, and allowed ones pass", () => {
    const forbidden: string[] = [];
    const allowed: string[] = [];
    for (const floor of floors) {
      if (!floor.dir) continue;
      const home = `${floor.dir}/zz-probe`;
      const owner = floor.packagesOf ?? floor.dir;
      let n = 0;
      for (const other of floors) {
        const to = target[other.name];
        if (!to || other.name === floor.name || floor.name === "prisma-tools") continue;
        const file = `${home}-${n++}.ts`;
        write(file, `import * as x from "${importOf(file, to)}";\nexport const y = x;\n`);
        (floor.may.includes(other.name) ? allowed : forbidden).push(file);
      }
      for (const [pkg, pkgOwner] of Object.entries(packages)) {
        const file = `${home}-${n++}.ts`;
        write(file, `import * as x from "${pkg}";\nexport const y = x;\n`);
        (pkgOwner === owner ? allowed : forbidden).push(file);
      }
      if (floor.pure) {
        const file = `${home}-${n++}.ts`;
        write(file, `import { readFileSync } from "node:fs";\nexport const y = readFileSync;\n`);
        forbidden.push(file);
      }
    }
    const flagged = lintSandbox();
    // Dozens of probes: a floor losing one ban would show here by name.
    expect(forbidden.length).toBeGreaterThan(100);
    expect(forbidden.filter((f) => !flagged.has(f))).toEqual([]);
    expect(allowed.filter((f) => flagged.has(f))).toEqual([]);
  });
});
