/**
 * A token the platform refuses (issue 11 item 3): `npm start` prints ONE clear line naming the variable to fix,
 * never the token, and exits non-zero within seconds, instead of logging "failed to start" and hanging. A token
 * that cannot be a bot token at all is refused by config validation before anything is opened.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { CLOSE, startFakeDiscord } from "../fakes/discord-api.ts";
import { startFakeTelegram } from "../fakes/telegram-api.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

interface Run {
  code: number | null;
  stderr: string;
  stdout: string;
  ms: number;
}

const children: ChildProcess[] = [];
let fakes: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  for (const f of fakes) await f.close();
  fakes = [];
});

/** Runs `npm start`'s entry point until it exits by itself (killed after `limitMs`: the test then fails). */
function start(env: Record<string, string>, limitMs = 45_000): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), "newsbot-token-"));
  const t0 = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: `file:${join(dir, "bot.db")}`,
      TELEGRAM_BOT_TOKEN: "",
      DISCORD_TOKEN: "",
      NEWSBOT_DEMO: "false",
      POLL_CRON: "0 0 1 1 *",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stderr = "";
  let stdout = "";
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  child.stdout?.on("data", (d) => {
    stdout += String(d);
  });
  const killer = setTimeout(() => child.kill("SIGKILL"), limitMs);
  return new Promise((resolve) => {
    child.on("exit", (code) => {
      clearTimeout(killer);
      resolve({ code, stderr, stdout, ms: Date.now() - t0 });
    });
  });
}

/** The lines meant for a person (log lines are JSON). */
function plainLines(text: string): string[] {
  return text.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("{"));
}

function expectOneClearLine(r: Run, line: RegExp, secret: string): void {
  expect(r.code, r.stderr).toBe(1);
  expect(plainLines(r.stderr)).toEqual([expect.stringMatching(line)]);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(`${r.stderr}${r.stdout}`).not.toContain(secret);
}

describe("a platform token that cannot work", () => {
  it("a Telegram token of the wrong shape is refused by config validation, naming the variable", async () => {
    const r = await start({ TELEGRAM_BOT_TOKEN: "abc-not-a-token" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("TELEGRAM_BOT_TOKEN: is not a Telegram bot token");
    expect(r.stderr).not.toContain("abc-not-a-token");
  }, 60_000);

  it("Telegram answers getMe with 401: one line, exit 1, within seconds", async () => {
    const tg = await startFakeTelegram({ token: "111111:REAL-token" });
    fakes.push(tg);
    const secret = "222222:WRONG-token-kept-secret";
    const r = await start({ TELEGRAM_BOT_TOKEN: secret, TELEGRAM_API_ROOT: tg.apiRoot, LOG_LEVEL: "warn" });
    expectOneClearLine(r, /^newsbot: Telegram refused TELEGRAM_BOT_TOKEN \(401: Unauthorized\)\. .*@BotFather/, secret);
  }, 60_000);

  it("Discord answers the first REST call with 401: one line, exit 1", async () => {
    const dc = await startFakeDiscord();
    fakes.push(dc);
    dc.fault({ method: "GET", path: /^\/gateway\/bot/, status: 401, body: { message: "401: Unauthorized", code: 0 } });
    const secret = "discord-WRONG-token-kept-secret";
    const r = await start({
      DISCORD_TOKEN: secret,
      DISCORD_APPLICATION_ID: dc.applicationId,
      DISCORD_API_URL: dc.apiUrl,
      LOG_LEVEL: "warn",
    });
    expectOneClearLine(r, /^newsbot: Discord refused DISCORD_TOKEN \(invalid token\)\. .*Developer Portal/, secret);
  }, 60_000);

  it("the Discord gateway closes with 4004 (authentication failed): one line, exit 1", async () => {
    const dc = await startFakeDiscord();
    fakes.push(dc);
    dc.gateway.refuseIdentify = CLOSE.authenticationFailed;
    const secret = "discord-REFUSED-by-gateway";
    const r = await start({
      DISCORD_TOKEN: secret,
      DISCORD_APPLICATION_ID: dc.applicationId,
      DISCORD_API_URL: dc.apiUrl,
      LOG_LEVEL: "warn",
    });
    expectOneClearLine(
      r,
      /^newsbot: Discord refused DISCORD_TOKEN \(gateway close 4004: Authentication failed\)/,
      secret,
    );
  }, 60_000);
});
