/**
 * /importsources from the chat on both fake platforms: Telegram (a document captioned /importsources, fetched
 * with getFile and downloaded from the fake's file endpoint) and Discord (the attachment option, downloaded
 * from the fake's CDN URL). Owners only; malformed or oversized files are refused with nothing stored; the
 * download goes through the SSRF-safe fetch with the file host allowlisted explicitly.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../src/adapters/discord/index.ts";
import { createTelegramAdapter, type TelegramAdapter } from "../../src/adapters/telegram/index.ts";
import { createFileFetcher } from "../../src/ingest/file-fetch.ts";
import { OWNER_ID, testClientOptions } from "../adapters/discord/harness.ts";
import { visibleText } from "../adapters/discord/helpers.ts";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord-api.ts";
import { type FakeChat, type FakeTelegram, type FakeUser, startFakeTelegram } from "../fakes/telegram-api.ts";
import { counts, startWorld, type World } from "../helpers/command-world.ts";

const opml = (outlines: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"><head><title>Veille</title></head><body>\n${outlines}\n</body></opml>`;
const GOOD = opml(
  [
    '<outline type="rss" text="Steppe Info" xmlUrl="https://steppe-info.test/rss" category="énergie"/>',
    '<outline type="rss" text="Volga Presse" xmlUrl="https://volga-presse.test/rss"/>',
  ].join("\n"),
);
const BROKEN = opml('<outline type="rss" text="Kaspi" xmlUrl="https://kaspi.test/rss">\n<outline text="x"/>');

const ownerUser: FakeUser = { id: 4242, is_bot: false, first_name: "Dana", language_code: "fr" };
const ownerChat: FakeChat = { id: 4242, type: "private" };
const admin: FakeUser = { id: 1001, is_bot: false, first_name: "Aïgerim", language_code: "fr" };
const group: FakeChat = { id: -1001, type: "group", title: "Veille Eurasie" };

let w: World;
let tg: FakeTelegram;
let dc: FakeDiscord;
let telegram: TelegramAdapter;
let discord: DiscordAdapter;
beforeAll(async () => {
  w = await startWorld();
  tg = await startFakeTelegram();
  dc = await startFakeDiscord();
  const fetchOptions = { allowHosts: ["127.0.0.1"], timeoutMs: 5000 };
  telegram = createTelegramAdapter({
    token: tg.token,
    apiRoot: tg.apiRoot,
    core: w.core,
    logger: w.logger,
    owners: ["4242"],
    pollingTimeoutSeconds: 5,
    sendLimits: { perChatIntervalMs: 0, perGroupPerMinute: 0, globalPerSecond: 0 },
    fetchFile: createFileFetcher({ hosts: ["127.0.0.1"], fetchOptions }),
  });
  discord = createDiscordAdapter({
    token: "fake-token",
    applicationId: dc.applicationId,
    apiUrl: dc.apiUrl,
    core: w.core,
    logger: w.logger,
    owners: [OWNER_ID],
    fetchFile: createFileFetcher({ hosts: ["127.0.0.1"], fetchOptions }),
    ...testClientOptions(),
  });
  await telegram.start();
  await discord.start();
  tg.setRole(group.id, admin.id, "administrator");
});
afterAll(async () => {
  await telegram?.stop();
  await discord?.stop();
  await tg?.close();
  await dc?.close();
  await w?.close();
});

async function sendDocument(chat: FakeChat, from: FakeUser, file: { filename: string; content: string }) {
  const before = tg.sent("sendMessage", chat.id).length;
  tg.userSendsDocument(chat, from, file, "/importsources");
  const calls = await tg.waitForCalls("sendMessage", before + 1, (c) => String(c.payload.chat_id) === String(chat.id));
  return calls[before]?.text ?? "";
}

async function slashFile(file: { filename: string; content: string }, ctx: Record<string, unknown>) {
  const reply = await dc.waitForReply(dc.slashCommandWithFile("importsources", "file", file, ctx));
  return visibleText(reply.data);
}

describe("/importsources on Telegram", () => {
  it("a chat admin who is not an owner is refused; nothing is downloaded or stored", async () => {
    const before = await counts(w.store);
    const text = await sendDocument(group, admin, { filename: "veille.opml", content: GOOD });
    expect(text).toBe("Cette commande est réservée aux propriétaires du bot.");
    expect(tg.files.downloads).toEqual([]);
    expect(await counts(w.store)).toEqual(before);
  });

  it("a malformed file gets a clear message and nothing is stored", async () => {
    const before = await counts(w.store);
    const text = await sendDocument(ownerChat, ownerUser, { filename: "casse.opml", content: BROKEN });
    expect(text).toMatch(/^Fichier OPML invalide : malformed OPML \(line \d+\)/);
    expect(text).toContain("Rien n'a été importé.");
    expect(tg.files.downloads).toHaveLength(1);
    expect(await counts(w.store)).toEqual(before);
  });

  it("the owner imports a file: sources stored with topics, the chat as their origin, the action audited", async () => {
    const text = await sendDocument(ownerChat, ownerUser, { filename: "veille.opml", content: GOOD });
    expect(text).toBe(
      "Import OPML : 2 sources ajoutées, 0 déjà suivie. Les nouvelles seront lues au prochain passage.",
    );
    const sources = await w.store.listSources();
    expect(sources.map((s) => [s.url, s.topics, s.addedBy])).toEqual([
      ["https://steppe-info.test/rss", ["energie"], "telegram:4242"],
      ["https://volga-presse.test/rss", [], "telegram:4242"],
    ]);
    expect((await w.store.audit.latest(1))[0]).toMatchObject({ action: "source.import", userId: "4242" });
  });

  it("a file that is not OPML by name is refused before download", async () => {
    const downloads = tg.files.downloads.length;
    const text = await sendDocument(ownerChat, ownerUser, { filename: "photo.jpg", content: "xx" });
    expect(text).toBe("« photo.jpg » n'est pas un fichier OPML (.opml ou .xml attendu).");
    expect(tg.files.downloads).toHaveLength(downloads);
  });
});

describe("/importsources on Discord", () => {
  it("registers the command with an attachment option (type 11)", () => {
    const cmd = dc.registeredCommands().find((c) => c.name === "importsources");
    expect((cmd?.options as Array<{ type: number }> | undefined)?.map((o) => o.type)).toEqual([11]);
  });

  it("a server member is refused; nothing is downloaded", async () => {
    const before = await counts(w.store);
    const text = await slashFile(
      { filename: "veille.opml", content: GOOD },
      { user: { id: "400000000000000003", username: "membre" } },
    );
    expect(text).toContain("réservée aux administrateurs");
    expect(dc.downloads).toEqual([]);
    expect(await counts(w.store)).toEqual(before);
  });

  it("the owner's malformed file is refused with nothing stored; a good one is imported", async () => {
    const owner = { user: { id: OWNER_ID, username: "proprio" } };
    const before = await counts(w.store);
    expect(await slashFile({ filename: "casse.opml", content: BROKEN }, owner)).toContain("Fichier OPML invalide");
    expect(await counts(w.store)).toEqual(before);
    const more = opml(
      '<outline type="rss" text="Kaspi" xmlUrl="https://kaspi.test/rss"/>\n<outline type="rss" text="Steppe" xmlUrl="https://steppe-info.test/rss"/>',
    );
    expect(await slashFile({ filename: "plus.opml", content: more }, owner)).toContain(
      "Import OPML : 1 source ajoutée, 1 déjà suivie",
    );
    expect((await w.store.findSourceByUrl("https://kaspi.test/rss"))?.addedBy).toMatch(/^discord:/);
    expect(dc.downloads).toHaveLength(2);
  });
});

describe("file downloads stay SSRF-safe", () => {
  it("refuses a host that is not the platform's file host, and loopback unless allowlisted", async () => {
    const onlyCdn = createFileFetcher({ hosts: ["cdn.discordapp.com"] });
    await expect(onlyCdn(`${w.feeds.base}/feed.xml`, 1000)).rejects.toThrow(/only downloaded from cdn.discordapp.com/);
    const notAllowlisted = createFileFetcher({ hosts: ["127.0.0.1"], fetchOptions: { allowHosts: [] } });
    await expect(notAllowlisted(`${w.feeds.base}/feed.xml`, 100_000)).rejects.toThrow();
    expect(w.feeds.hits).toEqual([]);
    const capped = createFileFetcher({ hosts: ["127.0.0.1"], fetchOptions: { allowHosts: ["127.0.0.1"] } });
    await expect(capped(`${w.feeds.base}/huge.xml`, 10_000)).rejects.toThrow();
  });
});
