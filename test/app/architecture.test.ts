/**
 * The layering is enforced by the linter (biome.json), not by reviewers: these probes check that a file
 * breaking a boundary is really refused.
 */
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const biome = join(root, "node_modules/.bin/biome");

function lint(relPath: string, content: string): { ok: boolean; out: string } {
  const file = join(root, relPath);
  writeFileSync(file, content);
  try {
    const r = spawnSync(biome, ["lint", relPath], { cwd: root, encoding: "utf8", timeout: 60_000 });
    return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(file, { force: true });
  }
}

describe("architecture boundaries", () => {
  it("commands may not import a platform SDK or the store", () => {
    const r = lint("commands/zz-boundary-probe.ts", 'import { Bot } from "grammy";\nexport const x = Bot;\n');
    expect(r.ok).toBe(false);
    expect(r.out).toContain("Commands are platform-neutral");
    const s = lint(
      "commands/zz-boundary-probe.ts",
      'import { createStore } from "../src/store/index.ts";\nexport const x = createStore;\n',
    );
    expect(s.ok).toBe(false);
  });

  it("the Telegram adapter may not import discord.js, and core imports only core", () => {
    expect(
      lint(
        "src/adapters/telegram/zz-boundary-probe.ts",
        'import { Client } from "discord.js";\nexport const x = Client;\n',
      ).ok,
    ).toBe(false);
    expect(
      lint("src/core/zz-boundary-probe.ts", 'import { search } from "../store/search.ts";\nexport const x = search;\n')
        .ok,
    ).toBe(false);
  });

  it("analysis stays pure (no file system)", () => {
    expect(
      lint(
        "src/analysis/zz-boundary-probe.ts",
        'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n',
      ).ok,
    ).toBe(false);
  });

  it("an allowed import passes", () => {
    expect(
      lint("commands/zz-boundary-probe.ts", 'import { line } from "../src/core/reply.ts";\nexport const x = line;\n')
        .ok,
    ).toBe(true);
  });
});
