/**
 * Memory benchmark: the real bot process (`node --import tsx src/main.ts`, Telegram adapter against the fake
 * Bot API in this process) on an archive of N articles and M subscriptions, answering a round of commands;
 * peak RSS is read from /proc/<pid>/status (VmHWM). The reference is an idle `node --import tsx` process.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { silentLogger } from "../src/core/logger.ts";
import { createStore } from "../src/store/index.ts";
import { startFakeTelegram } from "../test/fakes/telegram-api.ts";

export interface MemoryResult {
  articles: number;
  subscriptions: number;
  commands: number;
  peakRssMb: number;
  /** Peak RSS of an idle `node --import tsx` (same loader, nothing loaded, same NODE_OPTIONS). */
  idleRssMb: number;
  /** NODE_OPTIONS the bot ran with ("" = Node's defaults). */
  nodeOptions: string;
}

const COMMANDS = ["/latest", "/quote Lavrov", "/timeline énergie", "/search pétrole", "/onthisday 12/03", "/stats"];

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", () => r())));
}

/** Idle reference: a process that loads nothing and waits. */
export async function idleRss(nodeOptions = ""): Promise<number> {
  const child = spawn(process.execPath, ["--import", "tsx", "-e", "setTimeout(() => {}, 3000)"], {
    stdio: "ignore",
    env: { ...process.env, NODE_OPTIONS: nodeOptions },
  });
  await new Promise((r) => setTimeout(r, 1500));
  const mb = peakRssMb(child.pid as number);
  child.kill("SIGTERM");
  await exited(child);
  return mb;
}

/**
 * Adds `subscriptions` to the archive at `url` (built by buildArchive; skipped with `addSubscriptions: false`
 * for a second run on the same archive), starts the bot on it with `nodeOptions` as NODE_OPTIONS, measures
 * peak RSS.
 */
export async function benchMemory(
  url: string,
  articles: number,
  subscriptions: number,
  opts: { nodeOptions?: string; addSubscriptions?: boolean } = {},
): Promise<MemoryResult> {
  const nodeOptions = opts.nodeOptions ?? "";
  const store = await createStore(url, silentLogger, { migrate: false });
  for (let i = 0; i < (opts.addSubscriptions === false ? 0 : subscriptions); i++) {
    await store.addSubscription({
      chat: { platform: "telegram", id: `-200${i}`, type: "group" },
      kind: "digest",
      time: "08:00",
      timezone: "Europe/Paris",
    });
  }
  await store.close();
  const fake = await startFakeTelegram();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      NEWSBOT_CONSOLE: "false",
      NEWSBOT_DEMO: "false",
      LOG_LEVEL: "warn",
      NODE_OPTIONS: nodeOptions,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  try {
    await fake
      .waitForCall("getUpdates", () => true, 60_000)
      .catch(() => {
        throw new Error(`the bot did not start: ${stderr}`);
      });
    const user = { id: 42, first_name: "Bench" };
    let sent = 0;
    for (let round = 0; round < 5; round++) {
      for (const text of COMMANDS) {
        const chat = { id: 9000 + round, type: "private" as const };
        const before = fake.sent("sendMessage").length;
        fake.userSays(chat, user, text);
        await fake.waitForCalls("sendMessage", before + 1, () => true, 30_000);
        sent++;
      }
    }
    return {
      articles,
      subscriptions,
      commands: sent,
      peakRssMb: peakRssMb(child.pid as number),
      idleRssMb: await idleRss(nodeOptions),
      nodeOptions,
    };
  } finally {
    child.kill("SIGTERM");
    await Promise.race([exited(child), new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    await fake.close();
  }
}
