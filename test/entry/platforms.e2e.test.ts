/**
 * The real entry point (src/main.ts) with tokens: Telegram and Discord in ONE process, against the fake
 * servers on 127.0.0.1, on a fresh SQLite archive with the demo feeds. A user on each platform runs
 * commands and reads the answers; SIGTERM stops the process cleanly.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord-api.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const TOKEN = "777000:SECRET-never-in-logs";

let tg: FakeTelegram;
let dc: FakeDiscord;
let bot: ChildProcess;
let stderr = "";
let exit: Promise<number | null>;

beforeAll(async () => {
  tg = await startFakeTelegram({ token: TOKEN, botUsername: "newsbot_test_bot" });
  dc = await startFakeDiscord();
  const dir = mkdtempSync(join(tmpdir(), "newsbot-platforms-"));
  bot = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: `file:${join(dir, "bot.db")}`,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: tg.apiRoot,
      DISCORD_TOKEN: "discord-secret-token",
      DISCORD_APPLICATION_ID: dc.applicationId,
      DISCORD_API_URL: dc.apiUrl,
      LOG_LEVEL: "debug",
      POLL_CRON: "0 0 1 1 *",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  bot.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  exit = new Promise((resolve) => bot.on("exit", (code) => resolve(code)));
  // Started means: commands registered on both platforms.
  await tg.waitForCall("setMyCommands", () => true, 60_000);
  await dc.waitForRest("PUT", /\/applications\/\d+\/commands/, () => true, 60_000);
}, 90_000);

afterAll(async () => {
  if (bot.exitCode === null) bot.kill("SIGKILL");
  await tg?.close();
  await dc?.close();
});

describe("npm start with Telegram and Discord tokens", () => {
  it("answers a Telegram user from the stored archive", async () => {
    const chat = { id: 5001, type: "private" as const };
    const user = { id: 5001, is_bot: false, first_name: "Dana", language_code: "fr" };
    tg.userSays(chat, user, "/quote Tokayev");
    const call = await tg.waitForCall("sendMessage", (c) => String(c.payload.chat_id) === "5001", 30_000);
    expect(call.text).toContain("Kassym-Jomart Tokaïev");
    expect(String(call.payload.parse_mode)).toBe("HTML");
  }, 40_000);

  it("answers a Discord slash command in the same process", async () => {
    const ix = dc.slashCommand("latest", {}, { locale: "fr" });
    const reply = await dc.waitForReply(ix, 30_000);
    expect(JSON.stringify(reply.data)).toMatch(/Orenbourg/);
  }, 40_000);

  it("stops cleanly on SIGTERM and never logged a token", async () => {
    bot.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(stderr).toContain("platform started");
    expect(stderr).not.toContain("SECRET-never-in-logs");
    expect(stderr).not.toContain("discord-secret-token");
  }, 30_000);
});
