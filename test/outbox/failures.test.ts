/**
 * Failures the chat's admins can see: a post given up on (5xx beyond the retries, or refused by the platform as
 * too long) gets one short notice in the chat, and /subscriptions and /digest show the last failure; a chat that
 * is gone gets no notice.
 */
import { DiscordAPIError } from "discord.js";
import { GrammyError } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { mapSendError } from "../../src/adapters/discord/send.ts";
import { failureResult } from "../../src/adapters/telegram/deliver.ts";
import type { AdminServices } from "../../src/core/admin.ts";
import { createBotCore } from "../../src/core/dispatch.ts";
import { type Reply, replyText } from "../../src/core/reply.ts";
import { createDigestPreviewer } from "../../src/schedule/preview.ts";
import { limits } from "../fakes/limits.ts";
import { group, openWorld, runUntil, subscribe, topics, type World } from "../helpers/world.ts";

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

async function world() {
  w = await openWorld("sqlite", "2026-11-23T06:00:00Z", {
    scheduler: { sendEmptyDigest: true },
    delivery: { maxAttempts: 3, backoff: { baseMs: 60_000, random: () => 0 } },
  });
  return w;
}

/** Runs a command in the group as a member, over the world's store. */
async function ask(world: World, command: string, chatId: string): Promise<string> {
  const core = createBotCore({
    commands,
    services: {
      queries: world.store,
      logger: world.logs,
      topics,
      resolveTopic: () => ({ suggestions: [] }),
      digests: createDigestPreviewer({ store: world.store, topics, limits }),
      admin: { subscriptions: world.store } as unknown as AdminServices,
    },
    logger: world.logs,
    clock: world.clock,
  });
  const reply: Reply = await core.handle({
    command,
    args: "",
    lang: "fr",
    chat: group(chatId),
    user: { id: "5", isAdmin: async () => false },
  });
  return `${replyText(reply)}\n${reply.footer ?? ""}`;
}

describe("failures visible to the chat", () => {
  it("5xx beyond the retries: one notice in the chat, the failure in /subscriptions, /digest and the log", async () => {
    const w = await world();
    await subscribe(w, "-71");
    w.telegram.failNext({ ok: false, permanent: false, error: "502: Bad Gateway" }, 3);
    await runUntil(w, "2026-11-23T12:00:00Z", 60_000);
    expect(w.telegram.attempts).toBe(4);
    const notices = w.telegram.to("-71");
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).toBe(
      "⚠️ Un envoi programmé (digest 2026-11-23) n'a pas pu être publié : 502: Bad Gateway. Voir /subscriptions.",
    );
    expect(await ask(w, "subscriptions", "-71")).toContain(
      "Dernier envoi en échec (digest 2026-11-23) : 502: Bad Gateway",
    );
    expect(await ask(w, "digest", "-71")).toContain("Dernier envoi en échec (digest 2026-11-23) : 502: Bad Gateway");
    expect(w.logs.entries.some((e) => e.level === "error" && e.msg.includes("given up"))).toBe(true);
    // The next day's digest goes out normally; the notice is not repeated.
    await runUntil(w, "2026-11-24T12:00:00Z", 30 * 60_000);
    expect(w.telegram.to("-71").map((m) => m.reply.title ?? "notice")).toEqual(["notice", "Revue du 24 novembre 2026"]);
  });

  it("a message the platform refuses (too long) fails at once, without retries, and the chat is told", async () => {
    const w = await world();
    await subscribe(w, "-72");
    w.telegram.failNext({
      ok: false,
      permanent: false,
      rejected: true,
      error: "400: Bad Request: message is too long",
    });
    await runUntil(w, "2026-11-23T12:00:00Z", 60_000);
    expect(w.telegram.attempts).toBe(2);
    expect(w.telegram.to("-72")[0]?.text).toContain("message is too long");
    expect((await w.store.outboxRows()).map((r) => [r.status, r.attempts])).toEqual([["failed", 1]]);
    expect((await w.store.findChat("telegram", "-72"))?.active).toBe(true);
  });

  it("a chat that is gone gets no notice (the failure is still recorded)", async () => {
    const w = await world();
    await subscribe(w, "-73");
    w.telegram.failFor("-73", { ok: false, permanent: true, error: "403: Forbidden: bot was kicked" });
    await runUntil(w, "2026-11-23T12:00:00Z", 60_000);
    expect(w.telegram.attempts).toBe(1);
    expect(await w.store.lastFailure((await w.store.outboxRows())[0]?.subscriptionId ?? 0)).toMatchObject({
      error: "403: Forbidden: bot was kicked",
    });
  });
});

describe("adapters tell a refused message from a gone chat", () => {
  it("Telegram: 400 'message is too long' is rejected, 403 is permanent, 502 is neither", () => {
    const tg = (code: number, description: string) =>
      failureResult(new GrammyError("x", { ok: false, error_code: code, description }, "sendMessage", {}));
    expect(tg(400, "Bad Request: message is too long")).toMatchObject({ permanent: false, rejected: true });
    expect(tg(403, "Forbidden: bot was blocked by the user")).toMatchObject({ permanent: true });
    expect(tg(502, "Bad Gateway")).not.toHaveProperty("rejected");
  });

  it("Discord: 400 invalid form body is rejected, 10003 unknown channel is permanent, 500 is neither", () => {
    const dc = (code: number, status: number) =>
      mapSendError(new DiscordAPIError({ code, message: "x" }, code, status, "POST", "/channels/1/messages", {}));
    expect(dc(50035, 400)).toMatchObject({ permanent: false, rejected: true });
    expect(dc(10003, 404)).toMatchObject({ permanent: true });
    expect(dc(0, 500)).not.toHaveProperty("rejected");
  });
});
