/**
 * Faults: flood control, server errors, a restarting Bot API, very long results and hostile input.
 * The bot must keep answering, lose nothing and send only what Telegram accepts.
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import { createTelegramAdapter } from "../../../src/adapters/telegram/index.ts";
import type { Command } from "../../../src/core/command.ts";
import { createBotCore } from "../../../src/core/dispatch.ts";
import { line } from "../../../src/core/reply.ts";
import type { FakeChat, FakeUser } from "../../fakes/telegram-api.ts";
import { alice, ask, group, type Harness, privateChat, startHarness } from "./harness.ts";

/** A command whose reply is three lines of 5,000 characters with markup-like text. */
const longText: Command = {
  name: "longtext",
  description: { fr: "Texte très long", en: "Very long text", ru: "Очень длинный текст" },
  options: [],
  access: "everyone",
  run: async () => ({
    title: "Rapport intégral",
    lines: [0, 1, 2].map((i) => line({ text: `${i}:${"Astana & Moscou <accord> ".repeat(200)}`, bold: i === 1 })),
    footer: "fin du rapport",
  }),
};

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const users: FakeUser[] = Array.from({ length: 5 }, (_, i) => ({
  id: 2000 + i,
  first_name: `U${i}`,
  language_code: "fr",
}));

describe("flood control", () => {
  test("a burst of 429s with retry_after is retried: every user gets an answer", async () => {
    h = await startHarness(); // auto-retry allows 5 retries here: the first reply needs all of them
    h.fake.failNext(
      "sendMessage",
      { error_code: 429, description: "Too Many Requests: retry after 0", parameters: { retry_after: 0.05 } },
      5,
    );
    const chats: FakeChat[] = users.map((u) => ({ id: u.id, type: "private" }));
    for (const [i, u] of users.entries()) h.fake.userSays(chats[i] as FakeChat, u, "/latest 2");
    for (const c of chats) {
      const reply = await h.fake.waitForCall("sendMessage", (x) => x.errorCode === 0 && x.payload.chat_id === c.id);
      expect(reply.text).toContain("Dernières nouvelles");
    }
    expect(h.fake.calls.filter((c) => c.errorCode === 429)).toHaveLength(5);
  });

  test("the fake's flood control and the send queue: proactive fan-out loses nothing", async () => {
    h = await startHarness({
      fake: { rateLimit: { perChat: { max: 1, windowMs: 100 }, retryAfter: 0.1 } },
      adapter: { sendLimits: { perChatIntervalMs: 0, perGroupPerMinute: 0, globalPerSecond: 0 } },
    });
    const targets = [1, 2, 3].map((n) => ({
      platform: "telegram" as const,
      id: String(3000 + n),
      type: "private" as const,
    }));
    const results = await Promise.all(
      targets.flatMap((t) => [1, 2, 3].map((k) => h?.adapter.send(t, { lines: [line(`Alerte ${k} pour ${t.id}`)] }))),
    );
    expect(results.every((r) => r?.ok)).toBe(true);
    expect(h.fake.rateLimited).toBeGreaterThan(0);
    for (const t of targets) {
      expect(h.fake.sent("sendMessage", t.id).map((c) => c.text)).toEqual(
        [1, 2, 3].map((k) => `Alerte ${k} pour ${t.id}`),
      );
    }
  });

  test("paced by the queue, the same fan-out triggers no 429 at all", async () => {
    h = await startHarness({
      fake: { rateLimit: { perChat: { max: 1, windowMs: 100 }, retryAfter: 0.1 } },
      adapter: { sendLimits: { perChatIntervalMs: 300, perGroupPerMinute: 0, globalPerSecond: 0 } },
    });
    const t = { platform: "telegram" as const, id: "3100", type: "private" as const };
    const results = await Promise.all([1, 2, 3].map((k) => h?.adapter.send(t, { lines: [line(`Digest ${k}`)] })));
    expect(results.every((r) => r?.ok)).toBe(true);
    expect(h.fake.rateLimited).toBe(0);
    expect(h.fake.sent("sendMessage", "3100").map((c) => c.text)).toEqual(["Digest 1", "Digest 2", "Digest 3"]);
  });

  test("command replies go through the same send queue: a split reply is paced, not refused", async () => {
    h = await startHarness({
      extraCommands: [longText],
      fake: { rateLimit: { perChat: { max: 1, windowMs: 100 }, retryAfter: 0.1 } },
      adapter: { sendLimits: { perChatIntervalMs: 150, perGroupPerMinute: 0, globalPerSecond: 0 } },
    });
    h.fake.userSays(privateChat, alice, "/longtext");
    await h.fake.waitForCall("sendMessage", (x) => x.errorCode === 0 && (x.text ?? "").endsWith("fin du rapport"));
    expect(h.fake.sent("sendMessage", privateChat.id).length).toBeGreaterThanOrEqual(4);
    expect(h.fake.rateLimited).toBe(0);
  });

  test("a command reply the chat refuses is logged with Telegram's reason, and the bot keeps answering", async () => {
    h = await startHarness();
    h.fake.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    h.fake.userSays(privateChat, alice, "/latest 1");
    await h.fake.waitForCall("sendMessage", (x) => x.errorCode === 403);
    await vi.waitFor(() => {
      const failed = h?.logger.entries.find((e) => e.msg === "telegram send failed");
      expect(failed?.fields).toMatchObject({ chat: String(privateChat.id), permanent: true });
      expect(String(failed?.fields.error)).toContain("bot was blocked");
    });
    expect(h.logger.entries.some((e) => e.msg === "telegram update failed")).toBe(false);
    expect((await ask(h, privateChat, alice, "/latest 1")).text).toContain("Dernières nouvelles");
  });

  test("a 429 on getUpdates only pauses polling", async () => {
    h = await startHarness();
    h.fake.failNext(
      "getUpdates",
      { error_code: 429, description: "Too Many Requests", parameters: { retry_after: 0 } },
      2,
    );
    // The pending poll returns this update; the next two polls get 429s.
    expect((await ask(h, privateChat, alice, "/latest 1")).text).toContain("Dernières nouvelles");
    const c = await ask(h, privateChat, alice, "/timeline");
    expect(c.text).toContain("Chronologie");
    expect(h.fake.calls.filter((x) => x.method === "getUpdates" && x.errorCode === 429)).toHaveLength(2);
  });
});

describe("server errors and restarts", () => {
  test("a 500 on sendMessage is retried and the answer arrives", async () => {
    h = await startHarness();
    h.fake.failNext("sendMessage", { error_code: 500, description: "Internal Server Error" });
    h.fake.userSays(privateChat, alice, "/quote Tokaïev");
    const c = await h.fake.waitForCall("sendMessage", (x) => x.errorCode === 0, 10_000);
    expect(c.text).toContain("Tokaïev");
    expect(h.fake.calls.filter((x) => x.method === "sendMessage" && x.errorCode === 500)).toHaveLength(1);
  });

  test("the Bot API restarting mid-session: the bot reconnects and keeps answering", async () => {
    h = await startHarness();
    expect((await ask(h, privateChat, alice, "/latest 1")).text).toContain("Dernières nouvelles");
    await h.fake.restart();
    h.fake.userSays(group, alice, "/timeline@newsbot_test_bot");
    const c = await h.fake.waitForCall(
      "sendMessage",
      (x) => x.errorCode === 0 && x.payload.chat_id === group.id,
      12_000,
    );
    expect(c.text).toContain("Chronologie");
    // The update was confirmed once: it is not answered twice after reconnecting.
    expect(await ask(h, privateChat, alice, "/timeline")).toBeTruthy();
    expect(h.fake.sent("sendMessage", group.id)).toHaveLength(1);
  });
});

describe("long results and hostile input", () => {
  test("a very long result arrives as several valid messages of at most 4096 characters", async () => {
    h = await startHarness({ extraCommands: [longText] });
    h.fake.userSays(privateChat, alice, "/longtext");
    await h.fake.waitForCall("sendMessage", (x) => x.errorCode === 0 && (x.text ?? "").endsWith("fin du rapport"));
    const msgs = h.fake.sent("sendMessage", privateChat.id);
    expect(msgs.length).toBeGreaterThanOrEqual(4);
    for (const m of msgs) expect((m.text ?? "").length).toBeLessThanOrEqual(4096);
    const all = msgs.map((m) => m.text).join("");
    expect(all.startsWith("Rapport intégral")).toBe(true);
    expect(all.endsWith("fin du rapport")).toBe(true);
    expect(all).toContain("<accord>");
    expect(h.fake.calls.filter((c) => c.method === "sendMessage" && c.errorCode !== 0)).toEqual([]);
  });

  test("markup in arguments is shown as text, never interpreted", async () => {
    h = await startHarness();
    const c = await ask(h, privateChat, alice, '/search <b>énergie</b> & <a href="javascript:x">clic</a>');
    expect(c.text).toContain("<b>énergie</b> &");
    expect(c.payload.text).not.toContain("<b>énergie</b>");
  });

  test("a 10,000-character argument gets a clear refusal, and the bot keeps answering", async () => {
    h = await startHarness();
    const c = await ask(h, privateChat, alice, `/search ${"énergie ".repeat(1250)}`);
    expect(c.text).toContain("Argument trop long");
    expect((await ask(h, privateChat, alice, "/latest 1")).text).toContain("Dernières nouvelles");
  });

  test("random bytes, control characters and lone surrogates crash nothing", async () => {
    h = await startHarness();
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let round = 0; round < 5; round++) {
      const junk = Array.from({ length: 300 }, () => String.fromCharCode(rand() % 0xffff)).join("");
      for (const cmd of ["/search", "/quote", "/timeline", "/latest"]) {
        const c = await ask(h, privateChat, alice, `${cmd} ${junk}`);
        expect((c.text ?? "").length).toBeGreaterThan(0);
      }
      await ask(h, privateChat, alice, junk.replace(/^\//, "x"));
    }
    expect(h.fake.calls.filter((c) => c.method === "sendMessage" && c.errorCode !== 0)).toEqual([]);
    expect(h.logger.entries.filter((e) => e.msg === "telegram update failed")).toEqual([]);
  });
});

describe("two instances by mistake", () => {
  test("the older poller gets 409, stops and says so; the newer one answers alone", async () => {
    h = await startHarness();
    const second = createTelegramAdapter({
      token: h.fake.token,
      apiRoot: h.fake.apiRoot,
      core: createBotCore({
        commands: [],
        services: { queries: h.queries, logger: h.logger, topics: [], resolveTopic: () => ({ suggestions: [] }) },
        logger: h.logger,
        clock: { now: () => new Date() },
      }),
      logger: h.logger,
      owners: [],
      pollingTimeoutSeconds: 5,
    });
    await second.start();
    try {
      await h.fake.waitForCall("getUpdates", (c) => c.errorCode === 409);
      await vi.waitFor(() => expect(h?.logger.entries.some((e) => e.msg === "telegram polling stopped")).toBe(true));
      // Only the second instance (which knows no commands) is polling now: the unknown-command reply proves it.
      const c = await ask(h, privateChat, alice, "/latest");
      expect(c.text).toContain("Commande inconnue");
    } finally {
      await second.stop();
    }
  });
});
