/**
 * Admin and subscriber commands end to end on the fake Telegram Bot API (grammY unmodified) over a real
 * SQLite store: private chat, group, forum topic and channel; owners, chat admins and members.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramAdapter, type TelegramAdapter } from "../../../src/adapters/telegram/index.ts";
import { type FakeChat, type FakeTelegram, type FakeUser, startFakeTelegram } from "../../fakes/telegram-api.ts";
import { counts, startWorld, type World } from "../../helpers/command-world.ts";
import { ask, channel, forum, group, privateChat } from "./harness.ts";

const ownerUser: FakeUser = { id: 4242, is_bot: false, first_name: "Dana", language_code: "fr" };
const ownerChat: FakeChat = { id: 4242, type: "private" };
const admin: FakeUser = { id: 1001, is_bot: false, first_name: "Aïgerim", language_code: "fr" };
const member: FakeUser = { id: 1002, is_bot: false, first_name: "Bob", language_code: "en-US" };

let w: World;
let fake: FakeTelegram;
let adapter: TelegramAdapter;
beforeAll(async () => {
  w = await startWorld();
  fake = await startFakeTelegram();
  adapter = createTelegramAdapter({
    token: fake.token,
    apiRoot: fake.apiRoot,
    core: w.core,
    logger: w.logger,
    owners: ["4242"],
    pollingTimeoutSeconds: 5,
    sendLimits: { perChatIntervalMs: 0, perGroupPerMinute: 0, globalPerSecond: 0 },
  });
  await adapter.start();
  for (const chat of [group, forum]) {
    fake.setRole(chat.id, admin.id, "administrator");
    fake.setRole(chat.id, member.id, "member");
  }
});
afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
  await w?.close();
});

const h = () => ({ fake }) as Parameters<typeof ask>[0];

describe("sources on Telegram", () => {
  it("a user in their private chat is not an owner: /addsource refused, nothing fetched or stored", async () => {
    const before = await counts(w.store);
    const r = await ask(h(), privateChat, admin, `/addsource ${w.feeds.base}/feed.xml`);
    expect(r.text).toBe("Cette commande est réservée aux propriétaires du bot.");
    expect(await counts(w.store)).toEqual(before);
    expect(w.feeds.hits).toEqual([]);
  });

  it("the owner adds a source from a private chat and sees the preview and the seeding note", async () => {
    const r = await ask(h(), ownerChat, ownerUser, `/addsource ${w.feeds.base}/feed.xml énergie`);
    expect(r.text).toContain("Source ajoutée : Steppe Info");
    expect(r.text).toContain("Tokaïev reçoit une délégation russe");
    expect(r.text).toContain("3 articles de l'historique ont été archivés sans être publiés");
    expect((await w.store.listSources())[0]?.addedBy).toBe("telegram:4242");
  });

  it("bad input is answered clearly: HTML page, 404, redirect to a private address", async () => {
    const before = await counts(w.store);
    const html = await ask(h(), ownerChat, ownerUser, `/addsource ${w.feeds.base}/page.html`);
    expect(html.text).toContain("n'est pas un flux lisible");
    const missing = await ask(h(), ownerChat, ownerUser, `/addsource ${w.feeds.base}/nothing.xml`);
    expect(missing.text).toContain("HTTP 404");
    const redirect = await ask(h(), ownerChat, ownerUser, `/addsource ${w.feeds.base}/to-private`);
    expect(redirect.text).toContain("Adresse refusée");
    expect(await counts(w.store)).toEqual(before);
  });

  it("a group member gets a refusal for /sources; a chat admin sees the health list", async () => {
    const refused = await ask(h(), group, member, "/sources");
    expect(refused.text).toBe("This command is for administrators only.");
    const list = await ask(h(), group, admin, "/sources");
    expect(list.text).toContain("Steppe Info — en bonne santé");
    expect(list.text).toContain("dernier succès :");
  });

  it("/exportsources sends the OPML file in the forum topic", async () => {
    const r = await ask(h(), forum, admin, "/exportsources", 77);
    expect(r.payload.message_thread_id).toBe(77);
    expect(r.text).toBe("1 source exportée au format OPML (fichier joint).");
    const doc = await fake.waitForCall("sendDocument", (c) => String(c.payload.chat_id) === String(forum.id));
    expect(String(doc.payload.message_thread_id)).toBe("77");
    const file = doc.files[0];
    expect(file?.filename).toBe("newsbot-sources.opml");
    expect(file?.content.toString("utf8")).toContain(`xmlUrl="${w.feeds.base}/feed.xml"`);
  });
});

describe("subscriptions on Telegram", () => {
  it("a group member cannot subscribe; an admin can", async () => {
    const refused = await ask(h(), group, member, "/subscribe digest énergie 08:00");
    expect(refused.text).toBe("Only this chat's administrators may change its subscriptions and settings.");
    expect(await w.store.subscriptionsOfChat("telegram", String(group.id))).toEqual([]);
    const ok = await ask(h(), group, admin, "/subscribe digest énergie 08:00");
    expect(ok.text).toMatch(
      /^Abonnement n° \d+ créé : revue de presse, chaque jour à 08:00 \(Europe\/Paris\), Énergie/,
    );
  });

  it("a subscription made in a forum topic keeps the topic", async () => {
    const r = await ask(h(), forum, admin, "/subscribe alerts energy", 77);
    expect(r.payload.message_thread_id).toBe(77);
    const [s] = await w.store.subscriptionsOfChat("telegram", String(forum.id));
    expect(s).toMatchObject({ kind: "alerts", threadId: "77", topics: ["energie"] });
  });

  it("a channel post by the channel (its admins) subscribes the channel", async () => {
    const before = fake.sent("sendMessage", channel.id).length;
    fake.channelPost(channel, "/subscribe anniversaires");
    const [reply] = (
      await fake.waitForCalls("sendMessage", before + 1, (c) => String(c.payload.chat_id) === String(channel.id))
    ).slice(before);
    expect(reply?.text).toContain("Abonnement n°");
    expect(await w.store.subscriptionsOfChat("telegram", String(channel.id))).toHaveLength(1);
  });

  it("a private chat user filters their own subscription and the group's settings stay with admins", async () => {
    await ask(h(), privateChat, member, "/subscribe digest");
    const f = await ask(h(), privateChat, member, "/filter +Tokaïev -sport");
    expect(f.text).toMatch(/Filter of subscription no\. \d+: include Tokaïev; exclude sport\./);
    const refused = await ask(h(), group, member, "/settings language en");
    expect(refused.text).toContain("Only this chat's administrators");
    const set = await ask(h(), group, admin, "/settings language en");
    expect(set.text).toContain("Setting saved.");
    // Aïgerim's client is French, but the group chose English
    const after = await ask(h(), group, admin, "/subscriptions");
    expect(after.text).toContain("Subscriptions of this chat");
  });
});
