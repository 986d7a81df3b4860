/**
 * Scheduled digests through the real Telegram adapter (grammY) against the fake Bot API: each chat gets
 * its posts in its language with its topic filter, the fake validates the HTML and the length, and a chat
 * that blocked the bot is marked inactive after one attempt.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramAdapter } from "../../src/adapters/telegram/index.ts";
import type { BotCore } from "../../src/core/platform.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api.ts";
import { addArticle, group, openWorld, runUntil, type World } from "../helpers/world.ts";

describe("digests through the Telegram adapter and the fake Bot API", () => {
  let fake: FakeTelegram;
  let w: World;
  beforeAll(async () => {
    fake = await startFakeTelegram();
    const core: BotCore = {
      commands: [],
      handle: async () => ({ lines: [] }),
      complete: async () => [],
      logger: {
        debug() {},
        info() {},
        warn() {},
        error() {},
        child() {
          return this;
        },
      },
    };
    const adapter = createTelegramAdapter({
      token: fake.token,
      apiRoot: fake.apiRoot,
      core,
      logger: core.logger,
      owners: [],
      retry: { maxRetryAttempts: 2, maxDelaySeconds: 1 },
      sendLimits: { perChatIntervalMs: 0, perGroupPerMinute: 0, globalPerSecond: 0 },
    });
    w = await openWorld("sqlite", "2026-11-23T06:30:00Z", {
      delivery: { adapters: { telegram: adapter }, concurrency: 1 },
    });
    await w.store.addSubscription({ chat: group("-1001"), kind: "digest", time: "08:00", timezone: "Europe/Paris" });
    await w.store.addSubscription({
      chat: group("-1002"),
      kind: "digest",
      time: "10:00",
      timezone: "Europe/Moscow",
      topics: ["energie"],
      language: "en",
    });
    await w.store.addSubscription({ chat: group("-1003"), kind: "digest", time: "08:00", timezone: "Europe/Paris" });
    await addArticle(w, {
      title: "Astana relève ses livraisons d'électricité vers l'Oural",
      at: "2026-11-23T10:00:00Z",
      topics: ["energie"],
    });
    await addArticle(w, {
      title: "Consultations diplomatiques à Moscou sur la Caspienne",
      at: "2026-11-24T10:00:00Z",
      topics: ["diplomatie"],
    });
    fake.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    await runUntil(w, "2026-11-25T08:00:00Z");
  });
  afterAll(async () => {
    await w?.close();
    await fake?.close();
  });

  const texts = (chatId: string) => fake.sent("sendMessage", chatId).map((c) => c.text ?? "");

  it("delivers the French digest of each day with its stories", () => {
    const got = texts("-1003");
    expect(got).toHaveLength(2);
    expect(got[0]).toContain("Revue du 24 novembre 2026");
    expect(got[0]).toContain("livraisons d'électricité");
    expect(got[1]).toContain("Revue du 25 novembre 2026");
    expect(got[1]).toContain("Caspienne");
  });

  it("delivers the English energy-only digest to the Moscow chat", () => {
    const got = texts("-1002");
    expect(got).toHaveLength(1);
    expect(got[0]).toContain("Digest for November 24, 2026");
    expect(got[0]).not.toContain("Caspienne");
  });

  it("stops sending to a chat that blocked the bot", async () => {
    const calls = fake.calls.filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === "-1001");
    expect(calls.map((c) => c.errorCode)).toEqual([403]);
    expect((await w.store.findChat("telegram", "-1001"))?.active).toBe(false);
  });
});
