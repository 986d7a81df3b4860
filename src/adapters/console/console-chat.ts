/**
 * The terminal chat: `npm start` without platform tokens. One types `/latest`, `/quote Tokaïev`…
 * and reads the replies. With piped input it answers every line and returns at end of input.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { ChatRef, Lang } from "../../core/command.ts";
import type { BotCore } from "../../core/platform.ts";
import type { Picture } from "../../core/reply.ts";
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
}

const chat: ChatRef = { platform: "console", id: "console", type: "console", title: "terminal" };

/** Runs until end of input or `/quit`. The person at the terminal is the owner: admin commands are allowed. */
export async function runConsoleChat(opts: ConsoleChatOptions): Promise<void> {
  const { core, output } = opts;
  const rl = createInterface({ input: opts.input, terminal: opts.interactive, crlfDelay: Number.POSITIVE_INFINITY });
  const print = (s: string) => output.write(`${s}\n`);
  if (opts.banner) print(opts.banner);
  const prompt = () => {
    if (opts.interactive) output.write("newsbot> ");
  };
  prompt();
  for await (const raw of rl) {
    const text = raw.trim();
    if (text === "") {
      prompt();
      continue;
    }
    if (/^\/?(quit|exit|q)$/i.test(text)) break;
    const m = /^\/?([^\s@]+)(?:@\S+)?\s*([\s\S]*)$/.exec(text);
    const reply = await core.handle({
      command: m?.[1] ?? "",
      args: m?.[2] ?? "",
      lang: opts.lang,
      chat,
      user: { id: "console", name: "console", isAdmin: async () => true, isOwner: async () => true },
    });
    print(renderText(reply, { color: opts.interactive }));
    if (reply.picture) print(await savePicture(reply.picture, opts.pictureDir ?? join("data", "pictures")));
    print("");
    prompt();
  }
  rl.close();
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
    return `🖼 could not write the picture to ${dir}: ${err instanceof Error ? err.message : String(err)}`;
  }
  const shown = relative(process.cwd(), path) || path;
  return `🖼 ${shown} (${picture.width}×${picture.height}, ${Math.ceil(picture.png.byteLength / 1024)} KB) — ${picture.alt}`;
}
