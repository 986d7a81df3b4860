/**
 * The fake Bot API itself, spoken to with plain fetch: later issues rely on it behaving like Telegram.
 */
import { afterEach, beforeEach, expect, test } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "../../fakes/telegram-api.ts";

let fake: FakeTelegram;
beforeEach(async () => {
  fake = await startFakeTelegram();
});
afterEach(async () => {
  await fake.close();
});

async function call(method: string, payload: Record<string, unknown> = {}) {
  const res = await fetch(`${fake.apiRoot}/bot${fake.token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
  });
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; result?: unknown; error_code?: number; description?: string },
  };
}

const chat = { id: 10, type: "private" as const };
const user = { id: 10, first_name: "Test" };

test("getUpdates: ids start at 1, offset confirms, a long poll waits for the next update", async () => {
  fake.userSays(chat, user, "/latest");
  const first = await call("getUpdates", { offset: 1, timeout: 0 });
  expect((first.body.result as Array<{ update_id: number }>).map((u) => u.update_id)).toEqual([1]);
  const waiting = call("getUpdates", { offset: 2, timeout: 5 });
  fake.userSays(chat, user, "/quote Tokaïev");
  const second = await waiting;
  const updates = second.body.result as Array<{ update_id: number; message: { entities: unknown[] } }>;
  expect(updates.map((u) => u.update_id)).toEqual([2]);
  expect(updates[0]?.message.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);
  expect((await call("getUpdates", { offset: 3, timeout: 0 })).body.result).toEqual([]);
});

test("a second poller ends the first with 409 Conflict", async () => {
  const older = call("getUpdates", { offset: 1, timeout: 5 });
  await fake.waitForCall("getUpdates");
  const newer = call("getUpdates", { offset: 1, timeout: 5 });
  expect((await older).status).toBe(409);
  fake.userSays(chat, user, "hello");
  expect((await newer).body.ok).toBe(true);
});

test("invalid HTML and over-long text are refused with 400, like Telegram", async () => {
  const bad = await call("sendMessage", { chat_id: 10, text: "<b>non fermé", parse_mode: "HTML" });
  expect(bad.status).toBe(400);
  expect(bad.body.description).toContain("can't parse entities");
  const long = await call("sendMessage", { chat_id: 10, text: "x".repeat(4097) });
  expect(long.body.description).toBe("Bad Request: message is too long");
  const ok = await call("sendMessage", { chat_id: 10, text: `<b>${"&lt;".repeat(4096)}</b>`, parse_mode: "HTML" });
  expect(ok.body.ok).toBe(true);
});

test("failNext, unknown methods, and restart on the same port keeping state", async () => {
  fake.failNext("sendMessage", {
    error_code: 429,
    description: "Too Many Requests: retry after 1",
    parameters: { retry_after: 1 },
  });
  const limited = await call("sendMessage", { chat_id: 10, text: "a" });
  expect(limited.body).toMatchObject({ ok: false, error_code: 429, parameters: { retry_after: 1 } });
  expect((await call("noSuchMethod")).body).toMatchObject({ ok: false, error_code: 404 });
  const port = fake.port;
  fake.userSays(chat, user, "/timeline");
  await fake.restart();
  expect(fake.port).toBe(port);
  // Like any client after a server restart, the first request may hit a dead keep-alive socket.
  const after = await call("getUpdates", { offset: 1, timeout: 0 }).catch(() =>
    call("getUpdates", { offset: 1, timeout: 0 }),
  );
  expect((after.body.result as unknown[]).length).toBe(1);
});

test("the rate-limit enforcer answers 429 once a chat's window is full", async () => {
  await fake.close();
  fake = await startFakeTelegram({ rateLimit: { perChat: { max: 2, windowMs: 60_000 } } });
  expect((await call("sendMessage", { chat_id: 10, text: "1" })).status).toBe(200);
  expect((await call("sendMessage", { chat_id: 10, text: "2" })).status).toBe(200);
  const third = await call("sendMessage", { chat_id: 10, text: "3" });
  expect(third.body).toMatchObject({ error_code: 429 });
  expect((await call("sendMessage", { chat_id: 11, text: "autre chat" })).status).toBe(200);
  expect(fake.rateLimited).toBe(1);
});
