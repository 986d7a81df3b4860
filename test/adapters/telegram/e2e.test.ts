/**
 * End to end: grammY (unmodified) polls the fake Bot API; simulated users in a private chat, a group, a forum
 * topic and a channel run the real commands; we read what the bot sent.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { FakeData } from "../../fakes/news-queries.ts";
import { sampleData } from "../../fakes/news-queries.ts";
import { type ApiCall, messageIdOf } from "../../fakes/telegram-api.ts";
import { alice, ask, bob, channel, forum, group, type Harness, privateChat, startHarness } from "./harness.ts";

/** The sample data plus 30 invented stories and a search hit about energy, so lists need several pages. */
function richData(): FakeData {
  const data = sampleData();
  for (let i = 0; i < 30; i++) {
    data.stories.push({
      storyId: 100 + i,
      title: `Dépêche n°${i} : réunion de la commission intergouvernementale à Oural`,
      url: `https://exemple-actu.test/depeche/${i}`,
      publishedAt: new Date(Date.UTC(2026, 10, 1 + (i % 17))),
      sourceCount: 1 + (i % 3),
      articleCount: 1,
      sources: [{ name: "Eurasie Hebdo", url: "https://eurasie-hebdo.test" }],
      topics: ["diplomatie"],
    });
  }
  data.hits.push({
    articleId: 900,
    title: "Le prix de l'énergie au cœur des discussions entre Astana et Moscou",
    url: "https://depeches.test/energie-prix",
    publishedAt: new Date("2026-11-15T08:00:00Z"),
    snippet: "Les deux délégations ont évoqué les tarifs de l'électricité pour l'hiver.",
    source: "Dépêches d'Orient",
  });
  return data;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ data: richData() });
});
afterAll(async () => {
  await h.stop();
});

function keyboardOf(c: ApiCall): Array<{ text: string; callback_data: string }> {
  const markup = c.payload.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> };
  return markup?.inline_keyboard?.[0] ?? [];
}

describe("registration", () => {
  test("commands are registered in French (default), English and Russian, admin ones only for chat admins", async () => {
    const calls = h.fake.sent("setMyCommands");
    expect(calls).toHaveLength(6);
    const byKey = new Map(
      calls.map((c) => [
        `${(c.payload.scope as { type?: string } | undefined)?.type ?? "default"}/${c.payload.language_code ?? "fr"}`,
        c.payload.commands as Array<{ command: string; description: string }>,
      ]),
    );
    const frDefault = byKey.get("default/fr") ?? [];
    expect(frDefault.find((c) => c.command === "latest")?.description).toBe("Dernières nouvelles, un sujet par ligne");
    expect(byKey.get("default/en")?.find((c) => c.command === "latest")?.description).toBe(
      "Latest news, one story per line",
    );
    // A Russian client's "/" menu: every command described in Russian, the audience tag too.
    const ruDefault = byKey.get("default/ru") ?? [];
    expect(ruDefault.map((c) => c.command)).toEqual(frDefault.map((c) => c.command));
    expect(ruDefault.find((c) => c.command === "latest")?.description).toBe("Последние новости, один сюжет на строку");
    expect(ruDefault.find((c) => c.command === "subscribe")?.description).toBe(
      "Подписка: обзор прессы, годовщины или оповещения (админы чата)",
    );
    expect(byKey.get("all_chat_administrators/ru")?.find((c) => c.command === "adminprobe")?.description).toBe(
      "Проверка прав (админы чата)",
    );
    expect(frDefault.some((c) => c.command === "adminprobe")).toBe(false);
    expect(byKey.get("all_chat_administrators/fr")?.some((c) => c.command === "adminprobe")).toBe(true);
    expect(h.adapter.botUsername()).toBe("newsbot_test_bot");
  });
});

describe("private chat", () => {
  test("/latest lists stories with links, valid HTML, no link preview", async () => {
    const c = await ask(h, privateChat, alice, "/latest 3");
    expect(c.text).toContain("Dernières nouvelles");
    expect(c.text).toContain("Astana et Moscou signent un accord sur le transit du gaz");
    expect(c.payload.text).toContain('<a href="https://exemple-actu.test/articles/transit-gaz">');
    expect(c.payload.parse_mode).toBe("HTML");
    expect(c.payload.link_preview_options).toEqual({ is_disabled: true });
    expect(c.payload.message_thread_id).toBeUndefined();
  });

  test("/quote Tokaïev and /quote tokayev both find the quote", async () => {
    for (const q of ["/quote Tokaïev", "/quote tokayev"]) {
      const c = await ask(h, privateChat, alice, q);
      expect(c.text).toContain("Kassym-Jomart Tokaïev");
      expect(c.text).toContain("Nos deux pays partagent une frontière");
    }
  });

  test("/timeline and /search énergie answer with content", async () => {
    const tl = await ask(h, privateChat, alice, "/timeline");
    expect(tl.text).toContain("Chronologie");
    expect(tl.text).toContain("Signature du traité de bon voisinage");
    const s = await ask(h, privateChat, alice, "/search énergie");
    expect(s.text).toContain("Le prix de l'énergie au cœur des discussions");
  });

  test("English users get English replies", async () => {
    const c = await ask(h, { id: bob.id, type: "private" }, bob, "/latest 2");
    expect(c.text).toContain("Latest news");
  });

  test("an unknown command gets the dispatcher's help; plain text gets a hint", async () => {
    const u = await ask(h, privateChat, alice, "/nimportequoi");
    expect(u.text).toContain("Commande inconnue : /nimportequoi");
    const p = await ask(h, privateChat, alice, "bonjour, quelles nouvelles ?");
    expect(p.text).toBe(
      "Je réponds aux commandes, qui commencent par « / » : par exemple /latest ou /quote Tokaïev. Tapez /help pour la liste.",
    );
  });

  test("a long list is paged with ◀ x/y ▶ buttons that edit the message in place", async () => {
    const first = await ask(h, privateChat, alice, "/latest 30");
    const kb = keyboardOf(first);
    expect(kb.map((b) => b.text)).toEqual(["1/3", "▶"]);
    for (const b of kb) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
    expect(first.text?.split("\n").filter((l) => l.startsWith("• "))).toHaveLength(10);

    const messageId = messageIdOf(first);
    h.fake.pressButton(privateChat, alice, messageId, kb[1]?.callback_data ?? "");
    const edit = await h.fake.waitForCall(
      "editMessageText",
      (c) => c.errorCode === 0 && c.payload.message_id === messageId,
    );
    expect(keyboardOf(edit).map((b) => b.text)).toEqual(["◀", "2/3", "▶"]);
    expect(edit.text).toContain("Dépêche n°");
    expect(edit.text).not.toBe(first.text);
    await h.fake.waitForCall("answerCallbackQuery", (c) => c.errorCode === 0 && !c.payload.text);

    // The "x/y" button shows the same page: no error reaches the user, the query is still answered.
    const answered = h.fake.sent("answerCallbackQuery").length;
    h.fake.pressButton(privateChat, alice, messageId, keyboardOf(edit)[1]?.callback_data ?? "");
    await h.fake.waitForCalls("answerCallbackQuery", answered + 1, (c) => c.errorCode === 0);
  });

  test("an unknown or expired page answers with a short 'run it again' notice", async () => {
    h.fake.pressButton(privateChat, alice, 1, "pg:inconnu:1");
    const a = await h.fake.waitForCall("answerCallbackQuery", (c) => typeof c.payload.text === "string");
    expect(a.payload.text).toContain("relancez la commande");
  });
});

describe("groups, forum topics, channels", () => {
  test("/latest@thisbot is answered in a group; /latest@otherbot is not", async () => {
    h.fake.userSays(group, bob, "/latest@other_bot");
    h.fake.userSays(group, bob, "/inconnue");
    h.fake.userSays(group, bob, "bonjour tout le monde");
    const c = await ask(h, group, alice, "/latest@newsbot_test_bot 2");
    expect(c.text).toContain("Dernières nouvelles");
    // Exactly one answer in the group: neither the other bot's command, the unaddressed unknown one, nor plain text.
    expect(h.fake.sent("sendMessage", group.id)).toHaveLength(1);
  });

  test("in a group an unknown command addressed to us gets help", async () => {
    const c = await ask(h, group, alice, "/inconnue@newsbot_test_bot");
    expect(c.text).toContain("Commande inconnue");
  });

  test("in a forum topic every reply (and page edit) keeps message_thread_id", async () => {
    const q = await ask(h, forum, alice, "/quote Tokaïev", 42);
    expect(q.payload.message_thread_id).toBe(42);
    const s = await ask(h, forum, alice, "/search énergie", 42);
    expect(s.payload.message_thread_id).toBe(42);
    const l = await ask(h, forum, alice, "/latest 30", 7);
    expect(l.payload.message_thread_id).toBe(7);
    expect(keyboardOf(l).length).toBeGreaterThan(1);
  });

  test("a command posted in a channel the bot administers is answered in the channel", async () => {
    h.fake.channelPost(channel, "/timeline");
    const c = await h.fake.waitForCall("sendMessage", (x) => x.errorCode === 0 && x.payload.chat_id === channel.id);
    expect(c.text).toContain("Chronologie");
  });

  test("nothing the bot sent was refused by the fake (HTML valid, ≤ 4096, thread ids kept)", () => {
    const refused = h.fake.calls.filter(
      (c) => c.errorCode !== 0 && c.method !== "getUpdates" && !/message is not modified/.test(c.description ?? ""),
    );
    expect(refused).toEqual([]);
    for (const c of h.fake.sent("sendMessage")) expect((c.text ?? "").length).toBeLessThanOrEqual(4096);
  });
});
