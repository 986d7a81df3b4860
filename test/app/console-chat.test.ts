import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsoleChat } from "../../src/adapters/console/console-chat.ts";
import { testCore } from "../fakes/services.ts";

async function chat(input: string): Promise<string> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = "";
  stdout.on("data", (d) => {
    out += String(d);
  });
  const done = runConsoleChat({ core: testCore(), input: stdin, output: stdout, lang: "fr", interactive: false });
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
});
