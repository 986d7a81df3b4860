/**
 * Admin and subscriber commands end to end on the fake Discord (discord.js unmodified) over a real SQLite
 * store: guild channel, thread and DM; owner, server manager and plain member.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../../src/adapters/discord/index.ts";
import { type FakeDiscord, PERMS, startFakeDiscord } from "../../fakes/discord-api.ts";
import { counts, startWorld, type World } from "../../helpers/command-world.ts";
import { OWNER_ID, testClientOptions } from "./harness.ts";
import { visibleText } from "./helpers.ts";

const owner = { user: { id: OWNER_ID, username: "proprio" } };
const manager = {
  permissions: PERMS.manageGuild | PERMS.member,
  user: { id: "400000000000000002", username: "gerant" },
};
const member = { user: { id: "400000000000000003", username: "membre" } };
const thread = { channelId: "300000000000000004", channelType: 11 };

let w: World;
let fake: FakeDiscord;
let adapter: DiscordAdapter;
beforeAll(async () => {
  w = await startWorld();
  fake = await startFakeDiscord();
  adapter = createDiscordAdapter({
    token: "fake-token",
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    core: w.core,
    logger: w.logger,
    owners: [OWNER_ID],
    ...testClientOptions(),
  });
  await adapter.start();
});
afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
  await w?.close();
});

async function slash(name: string, options: Record<string, string | number>, ctx: Record<string, unknown>) {
  const reply = await fake.waitForReply(fake.slashCommand(name, options, ctx));
  return { reply, text: visibleText(reply.data) };
}

describe("Discord", () => {
  it("registers the admin commands with their options", () => {
    const names = fake.registeredCommands().map((c) => c.name);
    for (const n of ["addsource", "sources", "subscribe", "filter", "settings", "addevent", "audit"]) {
      expect(names).toContain(n);
    }
  });

  it("a server manager who is not an owner cannot add a source; a member cannot list them", async () => {
    const before = await counts(w.store);
    const a = await slash("addsource", { url: `${w.feeds.base}/feed.xml` }, manager);
    expect(a.text).toContain("réservée aux propriétaires du bot");
    expect(a.reply.ephemeral).toBe(true);
    const b = await slash("sources", {}, member);
    expect(b.text).toContain("réservée aux administrateurs");
    expect(await counts(w.store)).toEqual(before);
  });

  it("the owner adds a source from a DM; a huge file and a redirect to metadata are refused", async () => {
    const huge = await slash("addsource", { url: `${w.feeds.base}/huge.xml` }, { ...owner, guildId: null });
    expect(huge.text).toContain("document trop volumineux, plus de");
    const meta = await slash("addsource", { url: `${w.feeds.base}/to-metadata` }, { ...owner, guildId: null });
    expect(meta.text).toContain("Adresse refusée");
    const ok = await slash(
      "addsource",
      { url: `${w.feeds.base}/feed.xml`, topics: "energy" },
      { ...owner, guildId: null },
    );
    expect(ok.text).toContain("Source ajoutée : Steppe Info");
    expect(ok.text).toContain("archivés sans être publiés");
    const [s] = await w.store.listSources();
    expect(s?.topics).toEqual(["energie"]);
  });

  it("members cannot subscribe a channel; a manager subscribes a thread with typed options", async () => {
    const refused = await slash("subscribe", { kind: "digest" }, member);
    expect(refused.text).toContain("Seuls les administrateurs de ce chat");
    const ok = await slash(
      "subscribe",
      { kind: "digest", topics: "énergie diplomatie", time: "07:45", frequency: "weekly" },
      { ...manager, ...thread },
    );
    expect(ok.text).toMatch(/Abonnement n° \d+ créé : revue de presse, chaque semaine \(lundi\) à 07:45/);
    const subs = await w.store.subscriptionsOfChat("discord", "300000000000000002");
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({ threadId: "300000000000000004", time: "07:45", frequency: "weekly" });
  });

  it("in a DM the user manages their own subscription and filter", async () => {
    const sub = await slash(
      "subscribe",
      { kind: "alerts", topics: "energy" },
      { ...member, guildId: null, locale: "en-US" },
    );
    expect(sub.text).toContain("alerts, as soon as published, Energy");
    const f = await slash("filter", { terms: "+Tokayev -football" }, { ...member, guildId: null, locale: "en-US" });
    expect(f.text).toMatch(/Filter of subscription no\. \d+: include Tokayev; exclude football\./);
  });

  it("settings: members see them, managers change them, and /audit shows the actions", async () => {
    const seen = await slash("settings", {}, member);
    expect(seen.text).toContain("Fuseau horaire : Europe/Paris");
    const refused = await slash("settings", { setting: "timezone", value: "Asia/Almaty" }, member);
    expect(refused.text).toContain("Seuls les administrateurs");
    const ok = await slash("settings", { setting: "timezone", value: "Asia/Almaty" }, manager);
    expect(ok.text).toContain("Fuseau horaire : Asia/Almaty");
    const log = await slash("audit", {}, manager);
    expect(log.text).toContain("settings.update");
    expect(log.text).not.toContain("source.add");
    const all = await slash("audit", {}, owner);
    expect(all.text).toContain("source.add");
  });

  it("/exportsources attaches the OPML file", async () => {
    const ix = fake.slashCommand("exportsources", {}, manager);
    const reply = await fake.waitForReply(ix);
    expect(visibleText(reply.data)).toContain("1 source exportée");
    const call = await fake.waitForRest("POST", new RegExp(`/interactions/${ix.id}/`));
    const [file] = call.files as Array<{ filename: string; content: string }>;
    expect(file?.filename).toBe("newsbot-sources.opml");
    expect(String(file?.content)).toContain(`xmlUrl="${w.feeds.base}/feed.xml"`);
  });
});
