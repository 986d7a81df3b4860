/**
 * `/subscribe digest weekly chart` / `nochart`: the week's coverage chart is a setting of weekly digests, off by
 * default, in French, English and Russian words and as Discord's typed option; /subscriptions shows it; asking
 * for it on a daily digest or another kind is refused with a clear message and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatRef, Lang, UserRef } from "../../src/core/command.ts";
import { replyText } from "../../src/core/reply.ts";
import { counts, startWorld, type World } from "../helpers/command-world.ts";

const group = (id: string): ChatRef => ({ platform: "telegram", id, type: "group", title: "Rédaction" });
const admin: UserRef = { id: "1001", isAdmin: async () => true, isOwner: async () => false };

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.close();
});

function run(args: string, chat: ChatRef, lang: Lang = "fr", options?: Record<string, string>) {
  return w.core.handle({ command: "subscribe", args, lang, chat, user: admin, ...(options ? { options } : {}) });
}
const list = (chat: ChatRef, lang: Lang = "fr") =>
  w.core.handle({ command: "subscriptions", args: "", lang, chat, user: admin }).then(replyText);
const stored = async (chat: ChatRef) => (await w.store.subscriptionsOfChat(chat.platform, chat.id))[0];

describe("/subscribe … chart", () => {
  it("is off by default: a weekly digest without the word has no chart, and /subscriptions says nothing of it", async () => {
    const chat = group("-3001");
    await run("digest weekly", chat);
    expect((await stored(chat))?.chart).toBe(false);
    expect(await list(chat)).not.toContain("graphique");
  });

  it("`chart` turns it on, `nochart` off again; /subscriptions shows the setting", async () => {
    const chat = group("-3002");
    const created = replyText(await run("digest énergie weekly chart", chat));
    expect(created).toMatch(/^Abonnement n° \d+ créé : revue de presse, chaque semaine \(lundi\) à 08:00/);
    expect(created).toContain("avec le graphique de la semaine");
    expect((await stored(chat))?.chart).toBe(true);
    expect(await list(chat)).toContain("avec le graphique de la semaine");
    expect(await list(chat, "en")).toContain("with the week's chart");

    const off = replyText(await run("digest nochart", chat));
    expect(off).toContain("Maintenant : revue de presse, chaque semaine (lundi) à 08:00 (Europe/Paris), Énergie.");
    expect((await stored(chat))?.chart).toBe(false);
    expect(await list(chat)).not.toContain("graphique");
    // The setting survives other changes: named again alone, it comes back.
    await run("digest graphique", chat);
    expect((await stored(chat))?.chart).toBe(true);
  });

  it("understands Russian words and answers in Russian", async () => {
    const chat = group("-3003");
    const r = replyText(await run("обзор еженедельно график", chat, "ru"));
    expect(r).toContain("с графиком недели");
    expect((await stored(chat))?.chart).toBe(true);
    await run("обзор без-графика", chat, "ru");
    expect((await stored(chat))?.chart).toBe(false);
  });

  it("takes Discord's typed option", async () => {
    const chat: ChatRef = { platform: "discord", id: "700000000000000001", type: "guild" };
    const r = await run("", chat, "en", { kind: "digest", frequency: "weekly", chart: "chart" });
    expect(replyText(r)).toContain("with the week's chart");
    expect((await stored(chat))?.chart).toBe(true);
  });

  it("refuses a chart with a daily digest or another kind, and writes nothing", async () => {
    const chat = group("-3004");
    const before = await counts(w.store);
    const daily = replyText(await run("digest 08:00 chart", chat));
    expect(daily).toBe(
      "Le graphique de la semaine accompagne les revues hebdomadaires seulement : /subscribe digest weekly chart",
    );
    expect(replyText(await run("alerts chart", chat, "en"))).toBe(
      "The week's chart comes with weekly digests only: /subscribe digest weekly chart",
    );
    expect(await counts(w.store)).toEqual(before);
    expect(await w.store.subscriptionsOfChat("telegram", chat.id)).toEqual([]);
    // A daily digest that exists stays daily and without chart.
    await run("digest", chat);
    expect(replyText(await run("digest chart", chat))).toContain("revues hebdomadaires seulement");
    expect(await stored(chat)).toMatchObject({ frequency: "daily", chart: false });
  });
});
