/**
 * Proactive sends (digests, alerts): results the outbox can act on, forum topics kept, long replies split,
 * attachments uploaded; and the per-chat queue never blocks other chats nor drops anything.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SendQueue } from "../../../src/adapters/telegram/send-queue.ts";
import type { ChatRef } from "../../../src/core/command.ts";
import { line } from "../../../src/core/reply.ts";
import { messageIdOf } from "../../fakes/telegram-api.ts";
import { type Harness, startHarness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

const chat = (id: string, type: ChatRef["type"] = "private", threadId?: string): ChatRef => ({
  platform: "telegram",
  id,
  type,
  ...(threadId ? { threadId } : {}),
});

describe("send()", () => {
  test("a digest to a forum topic keeps message_thread_id and returns the message ids", async () => {
    const r = await h.adapter.send(chat("-100200300", "supergroup", "42"), {
      title: "Digest du matin",
      lines: [line("• Accord sur le transit du gaz")],
    });
    expect(r.ok).toBe(true);
    const c = h.fake.sent("sendMessage", "-100200300").at(-1);
    expect(c?.payload.message_thread_id).toBe(42);
    expect(c?.text).toBe("Digest du matin\n• Accord sur le transit du gaz");
    if (c) expect(r).toEqual({ ok: true, messageIds: [String(messageIdOf(c))] });
  });

  test("a long digest is split into several messages, in order, without page buttons", async () => {
    const lines = Array.from({ length: 120 }, (_, i) =>
      line(`• Sujet ${i} — ${"réunion bilatérale à Astana ".repeat(3)}`),
    );
    const r = await h.adapter.send(chat("5001"), { title: "Semaine", lines });
    expect(r.ok && r.messageIds.length).toBeGreaterThan(1);
    const sent = h.fake.sent("sendMessage", "5001");
    expect(sent.every((c) => c.payload.reply_markup === undefined)).toBe(true);
    const all = sent.flatMap((c) => (c.text ?? "").split("\n")).filter((l) => l.startsWith("• "));
    expect(all.map((l) => l.split(" — ")[0])).toEqual(lines.map((_, i) => `• Sujet ${i}`));
  });

  test("a blocked chat is a permanent failure", async () => {
    h.fake.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    const r = await h.adapter.send(chat("5002"), { lines: [line("Alerte")] });
    expect(r).toMatchObject({ ok: false, permanent: true });
  });

  test("a deleted chat (400 chat not found) is a permanent failure; other 400s are not", async () => {
    h.fake.failNext("sendMessage", { error_code: 400, description: "Bad Request: chat not found" });
    expect(await h.adapter.send(chat("5003"), { lines: [line("x")] })).toMatchObject({ ok: false, permanent: true });
    h.fake.failNext("sendMessage", { error_code: 400, description: "Bad Request: something else" });
    expect(await h.adapter.send(chat("5003"), { lines: [line("x")] })).toMatchObject({ ok: false, permanent: false });
  });

  test("a 429 longer than the retry budget surfaces as retryAfterMs", async () => {
    h.fake.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 30",
      parameters: { retry_after: 30 },
    });
    const r = await h.adapter.send(chat("5004"), { lines: [line("x")] });
    expect(r).toMatchObject({ ok: false, permanent: false, retryAfterMs: 30_000 });
  });

  test("when one part of a split send fails, the following parts are not sent", async () => {
    const lines = Array.from({ length: 3 }, (_, i) => line(`${i}`.repeat(4000)));
    h.fake.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was kicked from the group chat" });
    const r = await h.adapter.send(chat("-5005", "group"), { lines });
    expect(r).toMatchObject({ ok: false, permanent: true });
    expect(
      h.fake.calls.filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === "-5005"),
    ).toHaveLength(1);
  });

  test("an attachment is uploaded as a document with its filename", async () => {
    const content = '<opml version="2.0"><body/></opml>\n'.repeat(100);
    const r = await h.adapter.send(chat("5006"), {
      lines: [line("Export des sources")],
      attachment: { filename: "sources.opml", mime: "text/x-opml", content },
    });
    expect(r.ok && r.messageIds).toHaveLength(2);
    const doc = h.fake.sent("sendDocument", "5006")[0];
    expect(doc?.files[0]).toMatchObject({ filename: "sources.opml", size: Buffer.byteLength(content) });
  });
});

describe("SendQueue", () => {
  /** Manual clock: sleeps resolve only when the test advances time. */
  function manualTimers() {
    let t = 0;
    const sleepers: Array<{ at: number; wake: () => void }> = [];
    return {
      now: () => t,
      sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ at: t + ms, wake })),
      async advance(ms: number) {
        t += ms;
        for (const s of sleepers.filter((x) => x.at <= t)) {
          sleepers.splice(sleepers.indexOf(s), 1);
          s.wake();
        }
        for (let i = 0; i < 20; i++) await Promise.resolve();
      },
    };
  }

  test("a chat waiting for its slot does not hold up other chats, and nothing is dropped", async () => {
    const timers = manualTimers();
    const q = new SendQueue({ perChatIntervalMs: 1000, perGroupPerMinute: 0, globalPerSecond: 0 }, timers);
    const done: string[] = [];
    const job = (name: string) => async () => {
      done.push(name);
    };
    const all = [q.run("A", false, job("A1")), q.run("A", false, job("A2")), q.run("A", false, job("A3"))];
    await timers.advance(0);
    all.push(q.run("B", false, job("B1")));
    await timers.advance(0);
    expect(done).toEqual(["A1", "B1"]);
    expect(q.pending("A")).toBe(2);
    await timers.advance(1000);
    expect(done).toEqual(["A1", "B1", "A2"]);
    await timers.advance(1000);
    await Promise.all(all);
    expect(done).toEqual(["A1", "B1", "A2", "A3"]);
  });

  test("a group gets at most N messages per rolling minute", async () => {
    const timers = manualTimers();
    const q = new SendQueue({ perChatIntervalMs: 0, perGroupPerMinute: 3, globalPerSecond: 0 }, timers);
    let count = 0;
    const jobs = Array.from({ length: 5 }, () => q.run("-1", true, async () => void count++));
    await timers.advance(0);
    expect(count).toBe(3);
    await timers.advance(59_000);
    expect(count).toBe(3);
    await timers.advance(1_000);
    await Promise.all(jobs);
    expect(count).toBe(5);
  });

  test("the global pace counts from the previous send's actual time, so a late send never bunches with the next", async () => {
    const timers = manualTimers();
    // 10/s: a gap of 103 ms (3 % margin) between two sends to different chats.
    const q = new SendQueue({ perChatIntervalMs: 0, perGroupPerMinute: 0, globalPerSecond: 10 }, timers);
    const at: number[] = [];
    const jobs = ["A", "B", "C"].map((chat) => q.run(chat, false, async () => void at.push(timers.now())));
    await timers.advance(0);
    expect(at).toEqual([0]);
    // The timer for B fires 60 ms late (a busy event loop): C must still wait a full gap after B.
    await timers.advance(160);
    expect(at).toEqual([0, 160]);
    await timers.advance(60);
    expect(at).toEqual([0, 160]);
    await timers.advance(43);
    await Promise.all(jobs);
    expect(at).toEqual([0, 160, 263]);
  });

  test("a failing task does not stop the chat's queue", async () => {
    const q = new SendQueue({ perChatIntervalMs: 0, perGroupPerMinute: 0, globalPerSecond: 0 });
    await expect(q.run("C", false, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(q.run("C", false, async () => "ok")).resolves.toBe("ok");
  });
});
