/**
 * Webhook mode: setWebhook with the secret, updates POSTed to our server are answered, a wrong secret is 401.
 */
import { request } from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";
import { alice, type Harness, privateChat, startHarness } from "./harness.ts";

const SECRET = "s3cret-webhook-value";
let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    adapter: {
      webhook: { url: "https://bot.exemple.test/telegram/hook", port: 0, host: "127.0.0.1", secretToken: SECRET },
    },
  });
});
afterAll(async () => {
  await h.stop();
});

function post(path: string, body: unknown, secret?: string): Promise<number> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: h.adapter.webhookPort(),
        path,
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(data),
          ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

const update = (id: number, text: string) => ({
  update_id: id,
  message: {
    message_id: id,
    date: 1_700_000_000,
    chat: privateChat,
    from: alice,
    text,
    entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]?.length ?? 0 }],
  },
});

test("start() registers the webhook with its secret and never polls", async () => {
  const set = h.fake.sent("setWebhook")[0];
  expect(set?.payload).toMatchObject({ url: "https://bot.exemple.test/telegram/hook", secret_token: SECRET });
  expect(h.fake.calls.some((c) => c.method === "getUpdates")).toBe(false);
});

test("an update with the right secret is handled", async () => {
  expect(await post("/telegram/hook", update(1, "/timeline"), SECRET)).toBe(200);
  const c = await h.fake.waitForCall("sendMessage", (x) => x.errorCode === 0);
  expect(c.text).toContain("Chronologie");
});

test("a wrong or missing secret is refused with 401 and nothing is sent", async () => {
  const before = h.fake.sent("sendMessage").length;
  expect(await post("/telegram/hook", update(2, "/latest"), "wrong")).toBe(401);
  expect(await post("/telegram/hook", update(3, "/latest"))).toBe(401);
  expect(await post("/autre", update(4, "/latest"), SECRET)).toBe(404);
  expect(h.fake.sent("sendMessage").length).toBe(before);
});
