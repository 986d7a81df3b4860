/**
 * The terminal chat: `npm start` without platform tokens. One types `/latest`, `/quote Tokaïev`…
 * and reads the replies. The terminal is a platform like the others: digests, anniversaries and alerts
 * subscribed there are printed there, sent by the outbox through `send()` (no pace: see ./limits.ts).
 * With piped input it answers every line and closes at end of input. The buttons Telegram and Discord show under
 * a reply ("🖼 image" under a text timeline) are numbered lines here: typing the number runs the button's command.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { createInterface, type Interface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { ChatRef, Lang } from "../../core/command.ts";
import { messageOf } from "../../core/errors.ts";
import { t } from "../../core/i18n/index.ts";
import type { BotCore, PlatformAdapter, SendResult } from "../../core/platform.ts";
import type { Picture, Reply, ReplyAction } from "../../core/reply.ts";
import { consoleLimits } from "./limits.ts";
import { renderText } from "./render.ts";

export interface ConsoleChatOptions {
  core: BotCore;
  input: Readable;
  output: Writable;
  lang: Lang;
  /** Interactive terminal: show a prompt and colours. */
  interactive: boolean;
  /** Shown once at start. */
  banner?: string;
  /** Where pictures (charts) are written; the path is printed (default `data/pictures`). */
  pictureDir?: string;
  /** How long `stop()` waits for a command being answered (default 5 s). */
  stopGraceMs?: number;
}

/** The terminal as a platform adapter; `closed` resolves at end of input or `/quit`. */
export interface ConsoleChat extends PlatformAdapter {
  readonly closed: Promise<void>;
}

/** The one chat of the terminal. */
export const CONSOLE_CHAT: ChatRef = { platform: "console", id: "console", type: "console", title: "terminal" };

const PROMPT = "newsbot> ";

/** Creates the terminal chat; nothing is read before `start()`. */
export function createConsoleChat(opts: ConsoleChatOptions): ConsoleChat {
  const { core, output } = opts;
  const print = (s: string) => output.write(`${s}\n`);
  const pictureDir = opts.pictureDir ?? join("data", "pictures");
  let rl: Interface | undefined;
  let loop: Promise<void> | undefined;
  let open = false;
  let sent = 0;
  /** The buttons of the last command's reply, by number (1-based). */
  let actions: ReplyAction[] = [];
  let markClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });
  const prompt = () => {
    if (opts.interactive && open) rl?.prompt(true);
  };

  async function printReply(reply: Reply, withActions = false): Promise<void> {
    print(renderText(reply, { color: opts.interactive }));
    if (reply.picture) print(await savePicture(reply.picture, pictureDir));
    if (withActions) {
      actions = reply.actions ?? [];
      actions.forEach((a, i) => {
        print(t(opts.lang, "chat.action", { n: i + 1, label: a.label }));
      });
    }
    print("");
  }

  /** Runs a command as the person at the terminal (the owner). */
  function run(command: string, args: string, options?: ReplyAction["options"]): Promise<Reply> {
    return core.handle({
      command,
      args,
      ...(options ? { options } : {}),
      lang: opts.lang,
      chat: CONSOLE_CHAT,
      user: { id: "console", name: "console", isAdmin: async () => true, isOwner: async () => true },
    });
  }

  /** Runs until end of input or `/quit`. The person at the terminal is the owner: admin commands are allowed. */
  async function readLoop(lines: Interface): Promise<void> {
    try {
      for await (const raw of lines) {
        const text = raw.trim();
        if (text === "") {
          prompt();
          continue;
        }
        if (/^\/?(quit|exit|q)$/i.test(text)) break;
        // A number runs the button of that number under the last reply.
        if (/^\d{1,2}$/.test(text) && actions.length > 0) {
          const action = actions[Number(text) - 1];
          if (action) await printReply(await run(action.command, "", action.options), true);
          else print(`${t(opts.lang, "chat.noAction", { n: text, count: actions.length })}\n`);
          prompt();
          continue;
        }
        const m = /^(\/)?([^\s@]+)(?:@\S+)?\s*([\s\S]*)$/.exec(text);
        const name = m?.[2] ?? "";
        // The terminal is a private chat: plain text gets a short hint, not "unknown command: /hello"; a
        // known command name typed without its slash still runs.
        if (!m?.[1] && !core.commands.some((c) => c.name === name.toLowerCase())) {
          print(t(opts.lang, "chat.plainText"));
          print("");
          prompt();
          continue;
        }
        await printReply(await run(name, m?.[3] ?? ""), true);
        prompt();
      }
    } finally {
      open = false;
      lines.close();
      markClosed();
    }
  }

  return {
    platform: "console",
    limits: consoleLimits(),
    closed,
    async start() {
      if (rl) return;
      rl = createInterface({
        input: opts.input,
        // Interactive: readline echoes, edits and redraws the prompt on the terminal.
        ...(opts.interactive ? { output, terminal: true } : { terminal: false }),
        crlfDelay: Number.POSITIVE_INFINITY,
      });
      rl.setPrompt(PROMPT);
      open = true;
      if (opts.banner) print(opts.banner);
      prompt();
      loop = readLoop(rl);
    },
    async stop() {
      if (!rl) return;
      open = false;
      rl.close();
      // A command being answered finishes (bounded), so its reply is not cut.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        loop,
        new Promise((res) => {
          timer = setTimeout(res, opts.stopGraceMs ?? 5000);
        }),
      ]);
      clearTimeout(timer);
    },
    async send(target: ChatRef, reply: Reply): Promise<SendResult> {
      if (target.platform !== "console") {
        return { ok: false, permanent: true, error: `not a terminal chat: ${target.platform}:${target.id}` };
      }
      // Posts due while the terminal is closed wait in the outbox for the next start.
      if (!open) return { ok: false, permanent: false, error: "terminal chat closed" };
      // Over the prompt line (what is being typed is redrawn after the post).
      if (opts.interactive) output.write("\r\x1b[K");
      await printReply(reply);
      prompt();
      sent++;
      return { ok: true, messageIds: [String(sent)] };
    },
  };
}

/** Runs the terminal chat until end of input or `/quit` (commands only; no scheduled posts). */
export async function runConsoleChat(opts: ConsoleChatOptions): Promise<void> {
  const chat = createConsoleChat(opts);
  await chat.start();
  await chat.closed;
  await chat.stop();
}

/** Writes the PNG under `dir` (a new file each time) and returns the line to print: its path, size and content. */
export async function savePicture(picture: Picture, dir: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const name = `${stamp}-${Math.random().toString(36).slice(2, 6)}-${picture.filename.replace(/[^\w.-]+/g, "-")}`;
  const path = join(dir, name);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(path, picture.png);
  } catch (err) {
    return `🖼 could not write the picture to ${dir}: ${messageOf(err)}`;
  }
  const shown = relative(process.cwd(), path) || path;
  return `🖼 ${shown} (${picture.width}×${picture.height}, ${Math.ceil(picture.png.byteLength / 1024)} KB) — ${picture.alt}`;
}
