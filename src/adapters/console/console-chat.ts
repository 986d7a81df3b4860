/**
 * The terminal chat: `npm start` without platform tokens. One types `/latest`, `/quote Tokaïev`…
 * and reads the replies. With piped input it answers every line and returns at end of input.
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { ChatRef, Lang } from "../../core/command.ts";
import type { BotCore } from "../../core/platform.ts";
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
    print("");
    prompt();
  }
  rl.close();
}
