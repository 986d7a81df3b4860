/**
 * Simulated members run the real commands through discord.js against the fake Discord; the tests read what
 * reached the fake REST API (which rejects anything over Discord's limits with a 400).
 */
import { describe, expect, it } from "vitest";
import { commands as realCommands } from "../../../commands/index.ts";
import { memoryHashStore } from "../../../src/adapters/discord/index.ts";
import { startFakeDiscord } from "../../fakes/discord-api.ts";
import { adminProbe, bigList, harnessPerTest, startHarness } from "./harness.ts";
import { buttonIds, buttonsDisabled, embedsOf, rawText, visibleText } from "./helpers.ts";

const start = harnessPerTest();

describe("slash commands end to end", () => {
  it("/latest lists the stories with links, in French by default, mentions disabled", async () => {
    const h = await start();
    const reply = await h.fake.waitForReply(h.fake.slashCommand("latest"));
    expect(reply.callbackType).toBe(4);
    expect(reply.ephemeral).toBe(false);
    const [embed] = embedsOf(reply.data);
    expect(embed?.title).toBe("Dernières nouvelles");
    expect(embed?.description).toContain("](https://exemple-actu.test/articles/transit-gaz)");
    expect(visibleText(reply.data)).toContain("Nouveau corridor ferroviaire entre Kostanaï et Tcheliabinsk");
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
  });

  it("answers in English for an English client", async () => {
    const h = await start();
    const reply = await h.fake.waitForReply(h.fake.slashCommand("latest", {}, { locale: "en-GB" }));
    expect(embedsOf(reply.data)[0]?.title).toBe("Latest news");
  });

  it("answers in Russian for a Russian client: titles, counts with Russian plurals, dates", async () => {
    const h = await start();
    const latest = await h.fake.waitForReply(h.fake.slashCommand("latest", {}, { locale: "ru" }));
    expect(embedsOf(latest.data)[0]?.title).toBe("Последние новости");
    expect(visibleText(latest.data)).toContain("3 источника");
    expect(visibleText(latest.data)).toContain("20 нояб. 2026");
    const topics = await h.fake.waitForReply(
      h.fake.autocomplete("timeline", { query: "энер" }, "query", { locale: "ru" }),
    );
    expect(topics.data.choices).toContainEqual({ name: "Энергетика", value: "energie" });
  });

  it("/quote speaker:Tokaïev shows the attributed quote", async () => {
    const h = await start();
    const reply = await h.fake.waitForReply(h.fake.slashCommand("quote", { speaker: "Tokaïev" }));
    const text = visibleText(reply.data);
    expect(text).toContain("Citations — Kassym-Jomart Tokaïev");
    expect(text).toContain("« Nos deux pays partagent une frontière de sept mille kilomètres");
    expect(text).not.toContain("Poutine");
    expect(h.queries.calls.find((c) => c.method === "quotes")?.args[0]).toMatchObject({ speaker: "Tokaïev" });
  });

  it("/timeline and /search answer from the archive", async () => {
    const h = await start();
    const timeline = await h.fake.waitForReply(h.fake.slashCommand("timeline"));
    expect(visibleText(timeline.data)).toContain("Signature du traité de bon voisinage");
    const search = await h.fake.waitForReply(h.fake.slashCommand("search", { text: "corridor" }));
    expect(visibleText(search.data)).toContain("Kostanaï");
    expect(visibleText(search.data)).not.toContain("transit du gaz");
    const none = await h.fake.waitForReply(h.fake.slashCommand("search", { text: "introuvable" }));
    expect(visibleText(none.data)).toContain("Aucun résultat pour « introuvable »");
  });

  it("autocompletes speakers and topics (≤ 25 choices, localised labels)", async () => {
    const h = await start();
    const speakers = await h.fake.waitForReply(h.fake.autocomplete("quote", { speaker: "toka" }, "speaker"));
    expect(speakers.callbackType).toBe(8);
    expect(speakers.data.choices).toEqual([{ name: "Kassym-Jomart Tokaïev", value: "Kassym-Jomart Tokaïev" }]);
    const topics = await h.fake.waitForReply(
      h.fake.autocomplete("timeline", { query: "éner" }, "query", { locale: "en-US" }),
    );
    expect(topics.data.choices).toContainEqual({ name: "Energy", value: "energie" });
    const all = await h.fake.waitForReply(h.fake.autocomplete("latest", { filter: "" }, "filter"));
    const choices = all.data.choices as unknown[];
    expect(choices.length).toBeGreaterThan(5);
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it("pages long replies with ◀ ▶ buttons that update the message", async () => {
    const h = await start();
    const ix = h.fake.slashCommand("biglist", { n: 35 });
    const first = await h.fake.waitForReply(ix);
    expect(visibleText(first.data)).toContain("Ligne 10 ");
    expect(visibleText(first.data)).not.toContain("Ligne 11 ");
    expect(embedsOf(first.data)[0]?.footer?.text).toBe("pied de page · 1/4");
    expect(buttonsDisabled(first.data)).toEqual([true, false]);
    for (const id of buttonIds(first.data)) expect(id.length).toBeLessThanOrEqual(100);

    const message = h.fake.originalMessage(ix);
    const next = await h.fake.waitForReply(h.fake.clickButton(buttonIds(first.data)[1] ?? "", message));
    expect(next.callbackType).toBe(7);
    expect(visibleText(next.data)).toContain("Ligne 11 ");
    expect(embedsOf(next.data)[0]?.footer?.text).toBe("pied de page · 2/4");
    expect(buttonsDisabled(next.data)).toEqual([false, false]);

    const back = await h.fake.waitForReply(h.fake.clickButton(buttonIds(next.data)[0] ?? "", message));
    expect(visibleText(back.data)).toContain("Ligne 1 ");
    expect(embedsOf(back.data)[0]?.footer?.text).toBe("pied de page · 1/4");
  });

  it("builds the chat reference: channel, thread, DM", async () => {
    const h = await start();
    const inChannel = await h.fake.waitForReply(h.fake.slashCommand("whereami", {}, { locale: "en-US" }));
    expect(visibleText(inChannel.data)).toBe("300000000000000001/-/guild/400000000000000001/en");
    const thread = { channelId: "300000000000000004", channelType: 11 };
    const inThread = await h.fake.waitForReply(h.fake.slashCommand("whereami", {}, thread));
    expect(visibleText(inThread.data)).toBe("300000000000000002/300000000000000004/guild/400000000000000001/fr");
    const dm = await h.fake.waitForReply(
      h.fake.slashCommand("whereami", {}, { guildId: null, channelId: "600000000000000009" }),
    );
    expect(visibleText(dm.data)).toBe("600000000000000009/-/private/400000000000000001/fr");
  });

  it("sends the reply's attachment as a file", async () => {
    const h = await start();
    const ix = h.fake.slashCommand("biglist", { n: 2 });
    await h.fake.waitForReply(ix);
    const call = await h.fake.waitForRest("POST", new RegExp(`/interactions/${ix.id}/`));
    expect(call.files).toEqual([expect.objectContaining({ filename: "liste.txt", content: "contenu du fichier" })]);
  });

  it("answers a button whose pages were evicted with an ephemeral notice", async () => {
    const h = await start({ adapter: { maxPagedReplies: 1 } });
    const ix1 = h.fake.slashCommand("biglist", { n: 30 });
    const first = await h.fake.waitForReply(ix1);
    await h.fake.waitForReply(h.fake.slashCommand("biglist", { n: 30 }));
    const click = await h.fake.waitForReply(
      h.fake.clickButton(buttonIds(first.data)[1] ?? "", h.fake.originalMessage(ix1)),
    );
    expect(click.callbackType).toBe(4);
    expect(click.ephemeral).toBe(true);
    expect(rawText(click.data)).toContain("expiré");
  });
});

describe("command registration", () => {
  it("registers typed, localised definitions with one PUT", async () => {
    const h = await start();
    const puts = h.fake.calls.filter((c) => c.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(puts[0]?.path).toBe(`/applications/${h.fake.applicationId}/commands`);
    const byName = new Map(h.fake.registeredCommands().map((c) => [c.name, c]));
    const quote = byName.get("quote") as { options: Array<Record<string, unknown>>; description_localizations: object };
    expect(quote.description_localizations).toMatchObject({
      "en-US": "Quotes by a person or on a subject",
      ru: "Цитаты человека или по теме",
    });
    // Every command, option and choice is described for Russian clients; names stay the same in every locale.
    for (const c of h.fake.registeredCommands() as Array<Record<string, unknown>>) {
      const loc = c.description_localizations as Record<string, string>;
      expect(loc.ru, String(c.name)).toMatch(/[а-яё]/i);
      expect((c.name_localizations as Record<string, string>).ru).toBe(c.name);
      for (const o of (c.options ?? []) as Array<Record<string, unknown>>) {
        expect((o.description_localizations as Record<string, string>).ru, `${c.name} ${o.name}`).toBeTruthy();
      }
    }
    const subscribe = byName.get("subscribe") as { options: Array<Record<string, unknown>> };
    const kind = subscribe.options.find((o) => o.name === "kind") as { choices: Array<Record<string, unknown>> };
    expect(kind.choices.map((ch) => (ch.name_localizations as Record<string, string>).ru)).toEqual([
      "Обзор прессы",
      "Годовщины",
      "Оповещения",
    ]);
    expect(byName.get("subscribe")).toMatchObject({
      description_localizations: { ru: "Подписка: обзор прессы, годовщины или оповещения (админы чата)" },
    });
    expect(quote.options[0]).toMatchObject({ name: "speaker", type: 3, autocomplete: true });
    expect(quote.options[1]).toMatchObject({ name: "count", type: 4 });
    expect(byName.get("adminprobe")).toMatchObject({ default_member_permissions: "32" });
    expect(byName.get("latest")).toMatchObject({ default_member_permissions: null });
  });

  it("does not PUT again when the definitions are unchanged, and PUTs when they change", async () => {
    const fake = await startFakeDiscord();
    const store = memoryHashStore();
    try {
      const a = await startHarness({ reuseFake: fake, adapter: { commandsHashStore: store } });
      await a.stop();
      const b = await startHarness({ reuseFake: fake, adapter: { commandsHashStore: store } });
      await b.stop();
      expect(fake.calls.filter((c) => c.method === "PUT")).toHaveLength(1);
      const changed = [
        ...realCommands,
        adminProbe,
        { ...bigList, description: { fr: "Autre", en: "Other", ru: "Другое" } },
      ];
      const c = await startHarness({ reuseFake: fake, commands: changed, adapter: { commandsHashStore: store } });
      await c.stop();
      expect(fake.calls.filter((x) => x.method === "PUT")).toHaveLength(2);
      expect(fake.registeredCommands().find((x) => x.name === "biglist")?.description).toBe("Autre");
    } finally {
      await fake.close();
    }
  });

  it("registers to one guild when guildId is set", async () => {
    const h = await start({ adapter: { guildId: "200000000000000001" } });
    expect(h.fake.registeredCommands("200000000000000001").length).toBeGreaterThan(5);
    expect(h.fake.registeredCommands("global")).toEqual([]);
  });
});
