/**
 * Stories and quotes across languages, over a real store: /latest says in which languages a story is reported
 * ("3 sources (2 FR · 1 RU)"), and tags a story in one language other than the chat's; /quote shows a quote as
 * said, in its language and typography, with its outlet, whatever the chat's language. Invented articles.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatRef, UserRef } from "../../src/core/command.ts";
import type { IncomingCommand } from "../../src/core/platform.ts";
import { replyText } from "../../src/core/reply.ts";
import { testCore } from "../fakes/services.ts";
import { BORDER_RU, GRAIN_FR, VISIT_FR, VISIT_RU } from "../helpers/bilingual-articles.ts";
import { addArticle, openWorld, type World } from "../helpers/world.ts";
import { backends } from "../store/backends.ts";

const chat: ChatRef = { platform: "console", id: "c1", type: "private" };
const member: UserRef = { id: "u1", isAdmin: async () => false };

function cmd(command: string, args: string, lang: "fr" | "en"): IncomingCommand {
  return { command, args, lang, chat, user: member };
}

describe.each(backends)("languages in replies on %s", (backend) => {
  let w: World;

  beforeAll(async () => {
    w = await openWorld(backend, "2026-11-20T12:00:00Z");
    const visit = await addArticle(w, { ...VISIT_FR, at: "2026-11-20T08:00:00Z", published: "2026-11-20T08:00:00Z" });
    await addArticle(w, {
      title: "Le président kazakh en visite à Moscou",
      at: "2026-11-20T09:00:00Z",
      published: "2026-11-20T09:00:00Z",
      source: "eurasie-hebdo",
      storyId: visit.storyId,
    });
    await addArticle(w, {
      ...VISIT_RU,
      at: "2026-11-20T10:00:00Z",
      published: "2026-11-20T10:00:00Z",
      storyId: visit.storyId,
    });
    await addArticle(w, { ...BORDER_RU, at: "2026-11-19T10:00:00Z", published: "2026-11-19T10:00:00Z" });
    await addArticle(w, { ...GRAIN_FR, at: "2026-11-18T10:00:00Z", published: "2026-11-18T10:00:00Z" });
  });
  afterAll(async () => {
    await w?.close();
  });

  const lineOf = (text: string, title: string) => text.split("\n").find((l) => l.includes(title)) ?? "";

  it("/latest counts the outlets of a story per language", async () => {
    const text = replyText(await testCore({ queries: w.store }).handle(cmd("latest", "", "fr")));
    expect(lineOf(text, "Moscou")).toContain("3 sources (2 FR · 1 RU)");
  });

  it("/latest tags a story reported in one language other than the chat's, and only those", async () => {
    const fr = replyText(await testCore({ queries: w.store }).handle(cmd("latest", "", "fr")));
    expect(lineOf(fr, "Оренбурге")).toContain("stepnye-vesti · RU");
    expect(lineOf(fr, "Le blé kazakh")).not.toMatch(/\bFR\b/);
    const en = replyText(await testCore({ queries: w.store }).handle(cmd("latest", "", "en")));
    expect(lineOf(en, "Le blé kazakh")).toContain("steppe-info · FR");
    expect(lineOf(en, "Оренбурге")).toContain("· RU");
    expect(lineOf(en, "Moscou")).toContain("3 sources (2 FR · 1 RU)");
  });

  it("/quote shows a Russian quote in Russian, with its outlet, in a French chat", async () => {
    const text = replyText(await testCore({ queries: w.store }).handle(cmd("quote", "предложениями", "fr")));
    expect(text).toContain("«Мы едем в Москву с конкретными предложениями»");
    expect(text).toMatch(/— Касым-Жомарт Токаев, 20 nov\. 2026 · stepnye-vesti \(RU\) · Токаев прибудет в Москву/);
  });

  it("/quote tags only the quotes in another language than the chat's", async () => {
    const fr = replyText(await testCore({ queries: w.store }).handle(cmd("quote", "propositions", "fr")));
    expect(fr).toContain("« Nous arrivons à Moscou avec des propositions concrètes »");
    expect(fr).toContain("· steppe-info · Tokaïev attendu à Moscou");
    const en = replyText(await testCore({ queries: w.store }).handle(cmd("quote", "propositions", "en")));
    expect(en).toContain("« Nous arrivons à Moscou avec des propositions concrètes »");
    expect(en).toContain("· steppe-info (FR) · Tokaïev attendu à Moscou");
    const ru = replyText(await testCore({ queries: w.store }).handle(cmd("quote", "Москву", "en")));
    expect(ru).toContain("«Мы едем в Москву с конкретными предложениями»");
    expect(ru).toContain("stepnye-vesti (RU)");
  });
});
