/**
 * Subscribing or filtering a second time through the dispatcher on SQLite: nothing is replaced silently —
 * topics and filter terms are added and the reply says what the subscription was and is; an impossible time
 * is named as a time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatRef, UserRef } from "../../src/core/command.ts";
import { replyText } from "../../src/core/reply.ts";
import { startWorld, type World } from "../helpers/command-world.ts";

const group: ChatRef = { platform: "telegram", id: "-100777", type: "supergroup", title: "Bureau" };
const admin: UserRef = { id: "1001", isAdmin: async () => true, isOwner: async () => false };

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.close();
});

function run(command: string, args: string, lang: "fr" | "en" = "fr") {
  return w.core.handle({ command, args, lang, chat: group, user: admin });
}

describe("subscribing again", () => {
  it("an impossible time is refused as a time, not as a topic, and nothing is stored", async () => {
    for (const bad of ["25:00", "8:75", "24h", "99h99"]) {
      const r = await run("subscribe", `digest ${bad}`);
      expect(r.kind).toBe("error");
      expect(replyText(r)).toBe(
        `Heure invalide : « ${bad} ». Indiquez une heure de 00:00 à 23:59, par exemple 08:00 ou 18h30.`,
      );
    }
    expect(await w.store.subscriptionsOfChat("telegram", group.id)).toEqual([]);
    expect(replyText(await run("subscribe", "digest 25:00", "en"))).toContain("Invalid time: “25:00”");
  });

  it("a second /subscribe alerts adds its topics to the first and says what changed", async () => {
    const first = await run("subscribe", "alerts énergie");
    expect(replyText(first)).toMatch(/^Abonnement n° \d+ créé : alertes, dès parution, Énergie/);
    const second = await run("subscribe", "alertes sanctions");
    const text = replyText(second);
    expect(text).toMatch(/^Ce chat avait déjà un abonnement de ce type \(n° \d+\) : il est modifié, pas dupliqué/);
    expect(text).toContain("Avant : alertes, dès parution, Énergie.");
    expect(text).toContain("Maintenant : alertes, dès parution, Énergie, Sanctions.");
    const subs = await w.store.subscriptionsOfChat("telegram", group.id);
    expect(subs).toHaveLength(1);
    expect(subs[0]?.topics).toEqual(["energie", "sanctions"]);
    const same = await run("subscribe", "alerts sanctions");
    expect(replyText(same)).toMatch(/Ce chat a déjà cet abonnement \(n° \d+\) : .*\. Rien n'a changé\./);
    const all = await run("subscribe", "alerts tous");
    expect(replyText(all)).toContain("Maintenant : alertes, dès parution, tous les thèmes.");
  });

  it("a time given alone keeps the digest's topics (they used to be wiped)", async () => {
    await run("subscribe", "digest énergie 08:00");
    const r = await run("subscribe", "digest 18h30");
    expect(replyText(r)).toContain("Maintenant : revue de presse, chaque jour à 18:30 (Europe/Paris), Énergie.");
    const digest = (await w.store.subscriptionsOfChat("telegram", group.id)).find((s) => s.kind === "digest");
    expect(digest).toMatchObject({ time: "18:30", topics: ["energie"] });
  });

  it("a second /filter adds to the first, a term given with the other sign changes side, clear starts over", async () => {
    const digest = (await w.store.subscriptionsOfChat("telegram", group.id)).find((s) => s.kind === "digest");
    if (!digest) throw new Error("no digest");
    await run("filter", `${digest.id} +Tokaïev -sport`);
    const r = await run("filter", `${digest.id} +gaz +sport`);
    expect(replyText(r)).toContain(`Filtre de l'abonnement n° ${digest.id} : inclure Tokaïev, gaz, sport.`);
    expect(replyText(r)).toContain("Ces termes s'ajoutent au filtre qu'il avait déjà");
    expect(await w.store.filterOf(digest.id)).toEqual({ include: ["Tokaïev", "gaz", "sport"], exclude: [] });
    const many = Array.from({ length: 18 }, (_, i) => `+mot${i}`).join(" ");
    expect(replyText(await run("filter", `${digest.id} ${many}`))).toContain("Au plus 20 termes");
    expect(await w.store.filterOf(digest.id)).toEqual({ include: ["Tokaïev", "gaz", "sport"], exclude: [] });
    await run("filter", `${digest.id} clear`);
    await run("filter", `${digest.id} -football`);
    expect(await w.store.filterOf(digest.id)).toEqual({ include: [], exclude: ["football"] });
  });
});
