/**
 * The README promise: `npm start` with no token and no network opens a chat in the terminal, on an
 * embedded SQLite database that migrates itself, with the demo feeds imported on first run.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

function start(input: string, env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      TELEGRAM_BOT_TOKEN: "",
      DISCORD_TOKEN: "",
      LOG_LEVEL: "warn",
      // No polling during the test: nothing to fetch anyway, but keep the process quiet.
      POLL_CRON: "0 0 1 1 *",
      ...env,
    },
    input,
    encoding: "utf8",
    timeout: 90_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("npm start", () => {
  it("first run: creates the database, imports the demo feeds and answers in the terminal", () => {
    const dir = mkdtempSync(join(tmpdir(), "newsbot-start-"));
    const db = `file:${join(dir, "nested", "bot.db")}`;
    const r = start("/latest\n/quote Tokayev\n/timeline energie\n/onthisday 24/11\n/quit\n", { DATABASE_URL: db });
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain("importing the demo feeds");
    expect(r.out).toContain("Dernières nouvelles");
    // The Orenbourg forum is reported by three demo outlets: one line, three sources.
    expect(r.out).toMatch(/Orenbourg.*3 sources/);
    expect(r.out).toContain("Citations — Kassym-Jomart Tokaïev");
    expect(r.out).toContain("Chronologie — Énergie");
    expect(r.out).toMatch(/Il y a \d+ ans?, 24 novembre/);

    // Second run on the same database: no second import, same archive.
    const again = start("/start\n", { DATABASE_URL: db });
    expect(again.code).toBe(0);
    expect(again.err).not.toContain("importing the demo feeds");
    expect(again.out).toMatch(/Archive : 18 articles/);
  }, 120_000); // spawns the bot: slow on a loaded machine

  it("without the demo, an empty archive says so instead of failing", () => {
    const dir = mkdtempSync(join(tmpdir(), "newsbot-start-"));
    const r = start("/latest\n/quote\n", { DATABASE_URL: `file:${join(dir, "bot.db")}`, NEWSBOT_DEMO: "false" });
    expect(r.code).toBe(0);
    expect(r.out).toContain("Aucun article pour l'instant.");
    expect(r.out).toContain("Aucune citation enregistrée pour l'instant.");
  });

  it("a configuration error is explained and the process exits with code 2", () => {
    const r = start("", { NEWSBOT_LANG: "klingon", DISCORD_TOKEN: "abc" });
    expect(r.code).toBe(2);
    expect(r.err).toContain("NEWSBOT_LANG");
    expect(r.err).toContain("DISCORD_APPLICATION_ID");
    expect(r.err).not.toContain("abc");
  });
});
