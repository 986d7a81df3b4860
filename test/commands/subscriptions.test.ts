/**
 * Subscriber commands through the dispatcher on SQLite: /subscribe (French/English topics, misspellings,
 * forum topic kept), /subscriptions, /filter, /unsubscribe, /settings (language used by the dispatcher),
 * /addevent (curated event wins), /audit — with the chat-admin refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatRef, UserRef } from "../../src/core/command.ts";
import { replyText } from "../../src/core/reply.ts";
import { counts, startWorld, type World } from "../helpers/command-world.ts";

const forum: ChatRef = {
  platform: "telegram",
  id: "-100200300",
  threadId: "77",
  type: "supergroup",
  title: "Rédaction",
};
const dm: ChatRef = { platform: "discord", id: "600000000000000001", type: "private" };
const owner: UserRef = { id: "4242", isAdmin: async () => true, isOwner: async () => true };
const chatAdmin: UserRef = { id: "1001", name: "aigerim", isAdmin: async () => true, isOwner: async () => false };
const member: UserRef = { id: "1002", isAdmin: async () => false, isOwner: async () => false };

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.close();
});

function run(command: string, args: string, user: UserRef, chat: ChatRef = forum, lang: "fr" | "en" = "fr") {
  return w.core.handle({ command, args, lang, chat, user });
}

describe("subscriptions", () => {
  it("a member of a group cannot subscribe; nothing changes", async () => {
    const before = await counts(w.store);
    const r = await run("subscribe", "digest énergie", member);
    expect(replyText(r)).toBe("Seuls les administrateurs de ce chat peuvent modifier ses abonnements et réglages.");
    expect(await counts(w.store)).toEqual(before);
    expect(await w.store.subscriptionsOfChat("telegram", forum.id)).toEqual([]);
  });

  it("a chat admin subscribes with topics in French or English, time and frequency; the forum topic is kept", async () => {
    const r = await run("subscribe", "revue énergie security 07:30 hebdo", chatAdmin);
    expect(replyText(r)).toMatch(/^Abonnement n° \d+ créé : revue de presse, chaque semaine \(lundi\) à 07:30/);
    const [s] = await w.store.subscriptionsOfChat("telegram", forum.id);
    expect(s).toMatchObject({ kind: "digest", threadId: "77", time: "07:30", frequency: "weekly", weekday: 1 });
    expect(s?.topics).toContain("energie");
    expect(s?.topics).toHaveLength(2);
  });

  it("suggests the topic for a misspelling and refuses unknown words", async () => {
    expect(replyText(await run("subscribe", "alerts enrgie", chatAdmin))).toContain("Vouliez-vous dire : energie");
    expect(replyText(await run("subscribe", "newsletter", chatAdmin))).toContain("Je ne comprends pas « newsletter »");
  });

  it("subscribing again to the same kind in the same topic changes it and says so, before and after", async () => {
    const r = await run("subscribe", "digest energy 09:00", chatAdmin, forum, "en");
    expect(replyText(r)).toMatch(/^This chat already had a subscription of this kind \(no\. \d+\): it is changed/);
    expect(replyText(r)).toContain("Before: news digest, every week (Monday) at 07:30");
    expect(replyText(r)).toContain("Now: news digest, every week (Monday) at 09:00");
    expect(await w.store.subscriptionsOfChat("telegram", forum.id)).toHaveLength(1);
  });

  it("in a private chat the user manages their own subscriptions", async () => {
    const r = await run("subscribe", "anniversaires", member, dm);
    expect(replyText(r)).toContain("anniversaires, chaque jour à 08:00 (Europe/Paris), tous les thèmes");
  });

  it("/filter sets include/exclude words safely, with limits", async () => {
    const [s] = await w.store.subscriptionsOfChat("telegram", forum.id);
    if (!s) throw new Error("no subscription");
    expect(replyText(await run("filter", "+Tokaïev", member))).toContain("Seuls les administrateurs");
    expect(replyText(await run("filter", "Tokaïev", chatAdmin))).toContain("Chaque terme commence par +");
    expect(replyText(await run("filter", `+${"a".repeat(61)}`, chatAdmin))).toContain("Terme trop long");
    const many = Array.from({ length: 21 }, (_, i) => `+mot${i}`).join(" ");
    expect(replyText(await run("filter", many, chatAdmin))).toContain("Au plus 20 termes");
    expect(await w.store.filterOf(s.id)).toEqual({ include: [], exclude: [] });
    const r = await run("filter", '+Tokaïev +"Union eurasiatique" -sport', chatAdmin);
    expect(replyText(r)).toBe(
      `Filtre de l'abonnement n° ${s.id} : inclure Tokaïev, Union eurasiatique ; exclure sport.`,
    );
    expect(await w.store.filterOf(s.id)).toEqual({ include: ["Tokaïev", "Union eurasiatique"], exclude: ["sport"] });
    const list = replyText(await run("subscriptions", "", member));
    expect(list).toContain(`#${s.id} revue de presse`);
    expect(list).toContain("sujet 77");
    expect(list).toContain("filtre : inclure Tokaïev, Union eurasiatique ; exclure sport");
    expect(replyText(await run("filter", `${s.id} clear`, chatAdmin))).toBe(
      `Filtre de l'abonnement n° ${s.id} supprimé.`,
    );
  });

  it("/unsubscribe by kind or number; members are refused", async () => {
    expect(replyText(await run("unsubscribe", "digest", member))).toContain("Seuls les administrateurs");
    expect(replyText(await run("unsubscribe", "alertes", chatAdmin))).toContain("Aucun abonnement « alertes »");
    expect(replyText(await run("unsubscribe", "digest", chatAdmin))).toMatch(
      /^Abonnement n° \d+ supprimé \(revue de presse\)\.$/,
    );
    expect(await w.store.subscriptionsOfChat("telegram", forum.id)).toEqual([]);
    expect(replyText(await run("subscriptions", "", member))).toContain("Aucun abonnement ici");
  });
});

describe("/settings", () => {
  it("shows the defaults to anyone and refuses changes by members", async () => {
    const shown = replyText(await run("settings", "", member));
    expect(shown).toContain("Langue : celle de chaque utilisateur");
    expect(shown).toContain("Fuseau horaire : Europe/Paris");
    expect(shown).toContain("Heures calmes : aucune");
    expect(replyText(await run("settings", "language en", member))).toContain("Seuls les administrateurs");
    expect(await w.store.chatSettings.get(forum)).toMatchObject({ language: null });
  });

  it("validates time zones and quiet hours", async () => {
    expect(replyText(await run("settings", "timezone Mars/Olympus", chatAdmin))).toContain("Fuseau horaire inconnu");
    expect(replyText(await run("settings", "quiet 25:00-07:00", chatAdmin))).toContain("Heures calmes invalides");
    expect(replyText(await run("settings", "language de", chatAdmin))).toContain("Langue inconnue");
  });

  it("stores timezone and quiet hours, and the chosen language drives later replies", async () => {
    expect(replyText(await run("settings", "timezone Asia/Almaty", chatAdmin))).toContain(
      "Fuseau horaire : Asia/Almaty",
    );
    expect(replyText(await run("settings", "quiet 22:00-7:00", chatAdmin))).toContain("Heures calmes : 22:00–07:00");
    const r = await run("settings", "language en", chatAdmin);
    expect(replyText(r)).toContain("Setting saved.");
    // a French-speaking member now gets English in this chat
    expect(replyText(await run("topics", "", member))).toContain("Topics");
    expect(await w.store.chatSettings.get(forum)).toEqual({
      language: "en",
      timezone: "Asia/Almaty",
      quietStart: "22:00",
      quietEnd: "07:00",
    });
    await run("settings", "language auto", chatAdmin);
    expect(replyText(await run("topics", "", member))).toContain("Thèmes suivis");
  });

  it("/settings language ru switches the chat to Russian for everyone, until auto", async () => {
    const r = await run("settings", "язык ru", chatAdmin);
    expect(replyText(r)).toContain("Настройка сохранена.");
    expect(replyText(r)).toContain("Язык: ru");
    // a French-speaking member now gets Russian in this chat, topics named in Russian
    const topics = await run("topics", "", member);
    expect(topics.title).toBe("Темы");
    expect(replyText(topics)).toContain("Энергетика (energie)");
    expect(await w.store.chatSettings.get(forum)).toMatchObject({ language: "ru" });
    expect(replyText(await run("subscribe", "обзор энергетикаа", chatAdmin))).toContain(
      "Неизвестная тема: «энергетикаа». Возможно, вы имели в виду: energie?",
    );
    await run("settings", "language auto", chatAdmin);
    expect(replyText(await run("topics", "", member))).toContain("Thèmes suivis");
  });
});

describe("/addevent and /audit", () => {
  it("owners add a curated event (kept apart from articles, marked curated); others are refused", async () => {
    expect(replyText(await run("addevent", "2013-11-11 Signature", chatAdmin))).toContain("propriétaires");
    expect(replyText(await run("addevent", "2013-02-30 Date impossible", owner))).toContain("Usage : /addevent");
    expect(replyText(await run("addevent", "2013-11-11 ok", owner))).toContain("de 3 à 300 caractères");
    const r = await run("addevent", "2013-11-11 Signature du traité de coopération frontalière", owner);
    expect(replyText(r)).toMatch(/^Événement n° \d+ ajouté à la chronologie : 11 nov\. 2013 — Signature du traité/);
    const timeline = await w.store.timeline({ keyword: "traité", limit: 10 });
    expect(timeline.some((e) => e.curated && e.start === "2013-11-11")).toBe(true);
  });

  it("/audit shows owners everything and chat admins their chat only; members are refused", async () => {
    expect(replyText(await run("audit", "", member))).toBe("Cette commande est réservée aux administrateurs.");
    const all = replyText(await run("audit", "", owner));
    expect(all).toContain("event.add");
    expect(all).toContain("subscription.add");
    expect(all).toContain("telegram:-100200300");
    expect(all).toContain("discord:600000000000000001");
    const mine = replyText(await run("audit", "", chatAdmin));
    expect(mine).toContain("settings.update");
    expect(mine).not.toContain("discord:600000000000000001");
  });
});
