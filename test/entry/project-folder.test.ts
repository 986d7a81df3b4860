/**
 * `npx newsbot` from a subfolder of the project uses the project's database: a relative DATABASE_URL is
 * relative to the folder of package.json, not to the current folder (issue 11).
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = join(root, "bin/newsbot.mjs");
// Under data/ (git-ignored), a folder of its own, removed afterwards.
const folder = `data/test-project-folder-${randomBytes(4).toString("hex")}`;

function newsbotIn(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, LOG_LEVEL: "error", DATABASE_URL: `file:./${folder}/bot.db` },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

afterAll(() => {
  rmSync(join(root, folder), { recursive: true, force: true });
  for (const sub of ["demo", "test"]) rmSync(join(root, sub, folder), { recursive: true, force: true });
});

describe("the project folder, wherever newsbot is started from", () => {
  it("a relative DATABASE_URL names the same database from the project folder and from its subfolders", () => {
    const first = newsbotIn(join(root, "demo"), ["db", "migrate"]);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain("applied:");
    expect(existsSync(join(root, folder, "bot.db"))).toBe(true);
    expect(existsSync(join(root, "demo", folder))).toBe(false);

    // Another subfolder, then the project folder itself: the same, already migrated database.
    for (const cwd of [join(root, "test"), root]) {
      const again = newsbotIn(cwd, ["db", "migrate"]);
      expect(again.code, again.err).toBe(0);
      expect(again.out).toContain("database is up to date");
    }
    expect(existsSync(join(root, "test", folder))).toBe(false);
  }, 120_000); // spawns the bot: slow on a loaded machine
});
