/**
 * ARCHIVE_KEEP_DAYS in the running bot: set, the bot prunes old article bodies as it starts (and logs how many);
 * unset, it never touches them. In-process startBot on a fresh SQLite file, the terminal chat as its platform.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { startBot } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { saveArticle } from "../../src/core/store.ts";
import { createLifecycle } from "../../src/lifecycle.ts";
import { recordingLogger } from "../../src/logging.ts";
import { createDb } from "../../src/store/db.ts";
import { createStore } from "../../src/store/index.ts";
import { analysis, event, hash, input } from "../store/builder.ts";

const NOW = new Date("2026-03-01T10:00:00Z");

/** A database with one article of 2019 (an anniversary on 12 March) and one of last month. */
async function archive(): Promise<string> {
  const url = `file:${join(mkdtempSync(join(tmpdir(), "newsbot-retention-")), "bot.db")}`;
  const store = await createStore(url, silentLogger);
  for (const [slug, title, text, day] of [
    ["old", "Accord gazier signé", "Le texte complet de l'accord gazier de 2019.", "2019-03-12"],
    ["new", "Nouveau corridor", "Le texte complet du corridor de février.", "2026-02-10"],
  ] as const) {
    await saveArticle(store, {
      input: input({ title, url: `https://retention-app.example/${slug}`, publishedAt: new Date(`${day}T08:00:00Z`) }),
      analysis: analysis({ title, text, publishedAt: `${day}T08:00:00Z`, events: [event(day, "ce jour-là", title)] }),
      contentHash: hash(text),
      storyId: null,
    });
  }
  await store.close();
  return url;
}

async function bodiesOf(url: string): Promise<string[]> {
  const { db } = await createDb(url);
  try {
    return (await db.article.findMany({ orderBy: { id: "asc" }, select: { body: true } })).map((r) => r.body);
  } finally {
    await db.$disconnect();
  }
}

async function run(url: string, env: Record<string, string>) {
  const config = loadConfig({
    DATABASE_URL: url,
    NEWSBOT_DEMO: "false",
    NEWSBOT_CONSOLE: "true",
    DELIVERY_CRON: "0 0 1 1 *",
    POLL_CRON: "0 0 1 1 *",
    ...env,
  });
  const logger = recordingLogger();
  const lifecycle = createLifecycle({ logger });
  const terminal = new PassThrough();
  const bot = await startBot({
    config,
    logger,
    clock: { now: () => NOW },
    lifecycle,
    terminal: { input: terminal, output: new PassThrough(), interactive: false, timeZone: "UTC" },
    notices: { write: () => true },
  });
  // The first run starts with the bot; runOnce joins it.
  await bot.retention?.runOnce();
  const onThisDay = await bot.app.store.onThisDay(3, 12, 2026, 10);
  terminal.end();
  await lifecycle.stop("test over");
  return { bot, logger, anniversaries: onThisDay.map((a) => a.entry.summary) };
}

describe("archive retention in the bot", () => {
  it("with ARCHIVE_KEEP_DAYS the old body is emptied at start-up, logged, and its anniversary still comes", async () => {
    const url = await archive();
    const { logger, anniversaries } = await run(url, { ARCHIVE_KEEP_DAYS: "365" });
    const [oldBody, newBody] = await bodiesOf(url);
    expect(oldBody).toBe("");
    expect(newBody).toContain("corridor de février");
    const line = logger.entries.find((e) => e.msg.startsWith("archive retention"));
    expect(line?.fields).toMatchObject({ pruned: 1, keepDays: 365, before: "2025-03-01T10:00:00.000Z" });
    expect(anniversaries).toContain("Accord gazier signé");
  }, 60_000);

  it("without ARCHIVE_KEEP_DAYS nothing is ever pruned", async () => {
    const url = await archive();
    const { bot, logger } = await run(url, {});
    expect(bot.retention).toBeNull();
    expect(await bodiesOf(url)).toEqual([
      "Le texte complet de l'accord gazier de 2019.",
      "Le texte complet du corridor de février.",
    ]);
    expect(logger.entries.some((e) => e.msg.startsWith("archive retention"))).toBe(false);
  }, 60_000);
});
