/**
 * Subscriptions limited to article languages, end to end: `/subscribe digest 08:00 lang:ru` typed in a chat
 * (through the dispatcher and the admin services), then the scheduler and the delivery over a fake clock. A chat
 * subscribed to Russian gets the Russian stories only (a story reported in both languages under its Russian
 * title), its quotes and anniversaries from Russian articles; French likewise; no `lang:` gets everything. A bad
 * language is refused naming the valid ones, and nothing is stored. Invented articles.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatRef, UserRef } from "../../src/core/command.ts";
import { silentLogger } from "../../src/core/logger.ts";
import type { BotCore, IncomingCommand } from "../../src/core/platform.ts";
import { replyText } from "../../src/core/reply.ts";
import { BORDER_RU, GRAIN_FR, VISIT_FR, VISIT_RU } from "../helpers/bilingual-articles.ts";
import { commandCore } from "../helpers/command-world.ts";
import { addArticle, openWorld, runUntil, type World } from "../helpers/world.ts";
import { backends } from "../store/backends.ts";

const admin: UserRef = { id: "1001", isAdmin: async () => true, isOwner: async () => false };
const group = (id: string): ChatRef => ({ platform: "telegram", id, type: "supergroup", title: `Groupe ${id}` });

const RU = "-1101";
const FR = "-1102";
const ALL = "-1103";
const RU_ALERTS = "-1104";
const FR_ANNIV = "-1105";

describe.each(backends)("subscriptions by article language on %s", (backend) => {
  let w: World;
  let core: BotCore;

  const run = (chat: string, args: string, extra: Partial<IncomingCommand> = {}) =>
    core.handle({ command: "subscribe", args, lang: "fr", chat: group(chat), user: admin, ...extra });
  const texts = (chat: string) => w.telegram.to(chat).map((m) => m.text);

  beforeAll(async () => {
    w = await openWorld(backend, "2026-11-20T05:00:00Z");
    core = commandCore({ store: w.store, clock: w.clock, logger: silentLogger }).core;
    for (const [chat, args] of [
      [RU, "digest 08:00 lang:ru"],
      [FR, "digest 08:00 lang:fr"],
      [ALL, "digest 08:00"],
      [RU_ALERTS, "alerts lang:русский"],
      [FR_ANNIV, "anniversaries 08:00 lang:français"],
    ] as const) {
      expect((await run(chat, args)).kind, args).not.toBe("error");
    }

    const visit = await addArticle(w, { ...VISIT_FR, at: "2026-11-20T06:00:00Z", published: "2026-11-20T05:50:00Z" });
    await addArticle(w, {
      ...VISIT_RU,
      at: "2026-11-20T06:05:00Z",
      published: "2026-11-20T05:55:00Z",
      storyId: visit.storyId,
    });
    await addArticle(w, {
      ...BORDER_RU,
      at: "2026-11-20T06:10:00Z",
      published: "2026-11-20T06:00:00Z",
      event: { start: "2013-11-20", summary: "подписание договора о границе" },
    });
    await addArticle(w, {
      ...GRAIN_FR,
      at: "2026-11-20T06:15:00Z",
      published: "2026-11-20T06:05:00Z",
      event: { start: "2015-11-20", summary: "ouverture du corridor céréalier d'Orenbourg" },
    });
    await runUntil(w, "2026-11-20T07:30:00Z", 15 * 60_000);
    await w.delivery.deliverDue();
  });
  afterAll(async () => {
    await w?.close();
  });

  it("a Russian digest has the Russian stories, under their Russian titles, and a Russian quote", () => {
    const [digest, ...more] = texts(RU);
    expect(more).toEqual([]);
    expect(digest).toContain("Токаев прибудет в Москву на саммит ЕАЭС");
    expect(digest).toContain("В Оренбурге открылся новый пункт пропуска");
    expect(digest).not.toContain("Tokaïev attendu");
    expect(digest).not.toContain("Le blé kazakh");
    expect(digest).not.toContain("Steppe Info");
    expect(digest).toContain("Мы едем в Москву");
    expect(digest).not.toContain("propositions concrètes");
  });

  it("a French digest has the French stories only", () => {
    const [digest] = texts(FR);
    expect(digest).toContain("Tokaïev attendu à Moscou");
    expect(digest).toContain("Le blé kazakh arrive à Orenbourg");
    expect(digest).not.toContain("Токаев");
    expect(digest).not.toContain("Оренбурге");
    expect(digest).not.toContain("Мы едем");
  });

  it("a digest without lang: has every story", () => {
    const [digest] = texts(ALL);
    expect(digest).toContain("Le blé kazakh arrive à Orenbourg");
    expect(digest).toContain("В Оренбурге открылся новый пункт пропуска");
    expect(digest).toMatch(/Tokaïev attendu|Токаев прибудет/);
  });

  it("Russian alerts and French anniversaries keep to their language", () => {
    const alerts = texts(RU_ALERTS).join("\n");
    expect(alerts).toContain("В Оренбурге открылся новый пункт пропуска");
    expect(alerts).not.toContain("Le blé kazakh");
    const anniversaries = texts(FR_ANNIV).join("\n");
    expect(anniversaries).toContain("ouverture du corridor céréalier");
    expect(anniversaries).not.toContain("подписание договора");
  });

  it("/subscriptions lists the languages; lang:all returns to every language", async () => {
    const list = replyText(
      await core.handle({ command: "subscriptions", args: "", lang: "fr", chat: group(RU), user: admin }),
    );
    expect(list).toContain("revue de presse, chaque jour à 08:00 (Europe/Paris), tous les thèmes, articles en RU");
    const again = replyText(await run(RU, "digest lang:fr,ru"));
    expect(again).toContain(
      "Avant : revue de presse, chaque jour à 08:00 (Europe/Paris), tous les thèmes, articles en RU.",
    );
    expect(again).toContain(
      "Maintenant : revue de presse, chaque jour à 08:00 (Europe/Paris), tous les thèmes, articles en FR, RU.",
    );
    expect(replyText(await run(RU, "digest lang:all"))).toContain(
      "Maintenant : revue de presse, chaque jour à 08:00 (Europe/Paris), tous les thèmes.",
    );
    expect((await w.store.subscriptionsOfChat("telegram", RU))[0]?.languages).toEqual([]);
  });

  it("a bad language is refused naming the valid ones, and nothing is stored", async () => {
    for (const bad of ["lang:de", "lang:fr,xx", "lang:", "langue:klingon"]) {
      const r = await run("-1199", `digest ${bad}`);
      expect(r.kind, bad).toBe("error");
      expect(replyText(r), bad).toMatch(/^Langue inconnue : « .* »\. Langues possibles après lang: : fr, ru, en/);
    }
    expect(replyText(await run("-1199", "digest lang:de", { lang: "en" }))).toContain(
      "Unknown language: “de”. Languages after lang: are fr, ru, en",
    );
    expect(await w.store.subscriptionsOfChat("telegram", "-1199")).toEqual([]);
  });

  it("the Discord option `languages` is read as lang:", async () => {
    const r = await core.handle({
      command: "subscribe",
      args: "",
      options: { kind: "digest", languages: "fr, ru" },
      lang: "fr",
      chat: { platform: "discord", id: "3003", type: "group" },
      user: admin,
    });
    expect(r.kind).not.toBe("error");
    expect((await w.store.subscriptionsOfChat("discord", "3003"))[0]?.languages).toEqual(["fr", "ru"]);
  });
});
