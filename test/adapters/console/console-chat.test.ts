import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsoleChat } from "../../../src/adapters/console/console-chat.ts";
import type { Lang } from "../../../src/core/command.ts";
import { testCore } from "../../fakes/services.ts";

async function chat(input: string, lang: Lang = "fr"): Promise<string> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = "";
  stdout.on("data", (d) => {
    out += String(d);
  });
  const done = runConsoleChat({ core: testCore(), input: stdin, output: stdout, lang, interactive: false });
  stdin.end(input);
  await done;
  return out;
}

describe("terminal chat", () => {
  it("answers each command typed, with or without the slash, and shows links after their text", async () => {
    const out = await chat("/latest\nquote Tokaïev\n\n");
    expect(out).toContain("Dernières nouvelles");
    expect(out).toContain(
      "Astana et Moscou signent un accord sur le transit du gaz <https://exemple-actu.test/articles/transit-gaz>",
    );
    expect(out).toContain("Citations — Kassym-Jomart Tokaïev");
  });

  it("stops at /quit and ignores what follows", async () => {
    const out = await chat("/help\n/quit\n/latest\n");
    expect(out).toContain("/onthisday");
    expect(out).not.toContain("transit du gaz");
  });

  it("answers plain text with a short hint, not as an unknown command; a command name without slash still runs", async () => {
    const out = await chat("hello bot\nbonjour, quoi de neuf ?\ntopics\n");
    expect(out).not.toContain("Commande inconnue");
    expect(out.match(/Je réponds aux commandes, qui commencent par « \/ »/g)).toHaveLength(2);
    expect(out).toContain("Thèmes suivis");
  });

  it("answers unknown commands and odd input without stopping", async () => {
    const out = await chat("/nope\n/latest@somebot\n\u0000\u0001\n/topics\n");
    expect(out).toContain("Commande inconnue : /nope");
    expect(out).toContain("Dernières nouvelles");
    expect(out).toContain("Thèmes suivis");
  });

  it("speaks Russian when the terminal's language is ru (NEWSBOT_LANG=ru)", async () => {
    const out = await chat("привет\n/latest\n/topics\n/onthisday 11 ноября\n", "ru");
    expect(out).toContain("Я отвечаю на команды, которые начинаются с «/»");
    expect(out).toContain("Последние новости");
    expect(out).toContain("3 источника · 20 нояб. 2026");
    expect(out).toContain("Энергетика (energie) — 3 статьи");
    expect(out).toContain("13 лет назад, 11 ноября 2013");
  });
});
