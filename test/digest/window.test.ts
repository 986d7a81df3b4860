/**
 * What a digest shows: each link goes to the article whose title it shows, a story line names its outlets,
 * and a digest covers what was published in its period (daily: since the previous one; weekly: 7 days) —
 * never old articles that were only imported now. Fake clock, SQLite store.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import digestCommand from "../../commands/digest.ts";
import { runDigestCli } from "../../src/cli/digest.ts";
import type { CommandRequest, Services } from "../../src/core/command.ts";
import { lineText, type Reply, replyText } from "../../src/core/reply.ts";
import { createDigestPreviewer } from "../../src/schedule/preview.ts";
import { limits } from "../fakes/limits.ts";
import { addArticle, openWorld, runUntil, subscribe, topics, type World } from "../helpers/world.ts";

/** The (title, url) pairs of the story lines of a post. */
function storyLinks(r: Reply | undefined): Array<{ title: string; url: string | undefined; line: string }> {
  return (r?.lines ?? [])
    .filter((l) => lineText(l).startsWith("• "))
    .map((l) => {
      const link = l.find((s) => s.url) ?? l[1];
      return { title: link?.text ?? "", url: link?.url, line: lineText(l) };
    });
}

/** Asserts that every link of the post opens the stored article whose title the link shows. */
async function expectLinksMatchTitles(w: World, r: Reply | undefined): Promise<number> {
  let checked = 0;
  for (const l of storyLinks(r)) {
    if (!l.url) continue;
    const a = await w.db.article.findFirst({ where: { url: l.url }, select: { title: true } });
    expect(a?.title, `link ${l.url}`).toBe(l.title);
    checked++;
  }
  return checked;
}

describe("digest links and outlets on stories reported by several outlets", () => {
  let w: World;
  const chat = { platform: "telegram" as const, id: "-6001", type: "group" as const };
  beforeAll(async () => {
    w = await openWorld("sqlite", "2026-11-23T05:00:00Z");
    await subscribe(w, chat);
    // Stored first, published last: the story takes this article's title when it is created.
    const oren = await addArticle(w, {
      title: "Orenbourg : le poste-frontière rouvre aux camions",
      source: "Courrier des Steppes",
      at: "2026-11-23T05:10:00Z",
      published: "2026-11-23T05:00:00Z",
    });
    await addArticle(w, {
      title: "Frontière d'Orenbourg : reprise du trafic des poids lourds",
      source: "Dépêches de la Volga",
      at: "2026-11-23T05:20:00Z",
      published: "2026-11-23T03:00:00Z",
      storyId: oren.storyId,
    });
    await addArticle(w, {
      title: "Les camionneurs kazakhs saluent la réouverture du poste d'Orenbourg",
      source: "Eurasie Hebdo",
      at: "2026-11-23T05:30:00Z",
      published: "2026-11-23T04:00:00Z",
      storyId: oren.storyId,
    });
    // The earliest report has no link: the line shows the linked article's title with its own link.
    const nurt = await addArticle(w, {
      title: "Nurtleu attendu à Moscou pour des consultations",
      source: "Eurasie Hebdo",
      at: "2026-11-23T05:40:00Z",
      published: "2026-11-23T02:00:00Z",
      url: null,
    });
    await addArticle(w, {
      title: "Le chef de la diplomatie kazakhe reçu par Lavrov",
      source: "Courrier des Steppes",
      at: "2026-11-23T05:50:00Z",
      published: "2026-11-23T04:30:00Z",
      storyId: nurt.storyId,
    });
    await runUntil(w, "2026-11-23T07:30:00Z");
  });
  afterAll(async () => w.close());

  it("links each title to its own article and lists every outlet of the story", async () => {
    const sent = w.telegram.to(chat.id);
    expect(sent).toHaveLength(1);
    const reply = sent[0]?.reply;
    expect(await expectLinksMatchTitles(w, reply)).toBe(2);
    const lines = storyLinks(reply).map((l) => l.line);
    const oren = lines.find((l) => l.includes("Orenbourg"));
    // The earliest published report leads; the line names the three outlets.
    expect(oren).toContain("Frontière d'Orenbourg : reprise du trafic des poids lourds");
    expect(oren).toMatch(/Courrier des Steppes/);
    expect(oren).toMatch(/Dépêches de la Volga/);
    expect(oren).toMatch(/Eurasie Hebdo/);
    expect(lines.find((l) => l.includes("Lavrov"))).toBe(
      "• Le chef de la diplomatie kazakhe reçu par Lavrov — Eurasie Hebdo, Courrier des Steppes",
    );
  });

  it("does the same in /latest", async () => {
    const rows = await w.store.latest({ limit: 10 });
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) {
      if (!r.url) continue;
      const a = await w.db.article.findFirst({ where: { url: r.url }, select: { title: true } });
      expect(a?.title).toBe(r.title);
    }
  });
});

describe("digest period: what was published since the previous digest, 7 days for a weekly one", () => {
  let w: World;
  const daily = { platform: "telegram" as const, id: "-7001", type: "group" as const };
  const weekly = { platform: "discord" as const, id: "7002", type: "group" as const };
  const sent = (id: string) => w.log.filter((m) => m.target.id === id);

  beforeAll(async () => {
    // Monday 23 November 2026, 05:00 UTC.
    w = await openWorld("sqlite", "2026-11-23T05:00:00Z");
    await w.store.addSubscription({ chat: daily, kind: "digest", time: "08:00", timezone: "Europe/Paris" });
    await w.store.addSubscription({
      chat: weekly,
      kind: "digest",
      frequency: "weekly",
      weekday: 1,
      time: "09:00",
      timezone: "Europe/Paris",
    });
    await w.scheduler.tick();
  });
  afterAll(async () => w.close());

  it("leaves out old articles imported today and keeps new and undated ones", async () => {
    await addArticle(w, {
      title: "Archives : la commission intergouvernementale de 2022",
      at: "2026-11-23T05:10:00Z",
      published: "2022-11-24T09:00:00Z",
    });
    await addArticle(w, {
      title: "Corridor médian : premier convoi de l'hiver",
      at: "2026-11-23T05:20:00Z",
      published: "2026-11-23T04:00:00Z",
    });
    await addArticle(w, { title: "Sans date : un barrage sur l'Irtych inspecté", at: "2026-11-23T05:30:00Z" });
    await runUntil(w, "2026-11-23T07:30:00Z");
    const [post] = sent(daily.id);
    const text = replyText(post?.reply ?? { lines: [] });
    expect(text).toContain("Corridor médian");
    expect(text).toContain("Irtych");
    expect(text).not.toContain("2022");
  });

  it("covers what was published since the previous digest, a late report once", async () => {
    // Arrived after the first digest: published the day before yesterday, and two hours before that digest.
    await addArticle(w, {
      title: "Ancien communiqué sur les quotas de céréales",
      at: "2026-11-23T10:00:00Z",
      published: "2026-11-21T10:00:00Z",
    });
    await addArticle(w, {
      title: "Dépêche tardive : accord sur l'eau du Syr-Daria",
      at: "2026-11-23T10:00:00Z",
      published: "2026-11-23T05:00:00Z",
    });
    await addArticle(w, {
      title: "Baïkonour : lancement réussi",
      at: "2026-11-23T15:00:00Z",
      published: "2026-11-23T14:00:00Z",
    });
    await runUntil(w, "2026-11-24T07:30:00Z");
    const posts = sent(daily.id);
    expect(posts).toHaveLength(2);
    const text = replyText(posts[1]?.reply ?? { lines: [] });
    expect(text).toContain("Baïkonour");
    expect(text).toContain("Syr-Daria");
    expect(text).not.toContain("quotas de céréales");
    // Nothing of the first digest again.
    expect(text).not.toContain("Corridor médian");
  });

  it("previews the period covered and says when nothing new was published", async () => {
    const previewer = createDigestPreviewer({ store: w.store, topics, limits });
    const reply = await previewer.preview(daily, "fr", w.clock.now());
    const text = replyText(reply);
    expect(text).toContain("Période couverte : ce qui a été publié depuis le 24 novembre 2026 à 08:00 (Europe/Paris)");
    expect(text).toContain("Rien à envoyer pour l'instant : rien de nouveau publié depuis le 24 novembre 2026 à 08:00");
    // An old article arriving now changes nothing.
    await addArticle(w, {
      title: "Rétrospective : le sommet d'Astana de 2019",
      at: "2026-11-24T07:40:00Z",
      published: "2019-11-24T09:00:00Z",
    });
    w.clock.set("2026-11-24T07:45:00Z");
    const cmd = await digestCommand.run({
      command: "digest",
      args: "",
      options: {},
      lang: "fr",
      chat: daily,
      user: { id: "1", isAdmin: async () => false },
      now: w.clock.now(),
      services: { digests: previewer } as unknown as Services,
    } satisfies CommandRequest);
    expect(replyText(cmd)).toContain("Rien à envoyer pour l'instant");
    expect(replyText(cmd)).not.toContain("2019");
  });

  it("weekly: the last 7 days only, and the dry run says so", async () => {
    await addArticle(w, {
      title: "Bilan : dix jours plus tôt, la visite à Orenbourg",
      at: "2026-11-25T10:00:00Z",
      published: "2026-11-20T10:00:00Z",
    });
    await addArticle(w, {
      title: "Semaine chargée : forum économique à Almaty",
      at: "2026-11-26T10:00:00Z",
      published: "2026-11-26T09:00:00Z",
    });
    w.clock.set("2026-11-30T07:00:00Z");
    const out: string[] = [];
    await runDigestCli(["--chat", `discord:${weekly.id}`, "--dry-run"], {
      store: w.store,
      topics,
      limits,
      clock: w.clock,
      lang: "fr",
      out: (s) => out.push(s),
    });
    expect(out.join("\n")).toContain(
      "Période couverte : les 7 derniers jours, depuis le 23 novembre 2026 à 09:00 (Europe/Paris)",
    );
    await runUntil(w, "2026-11-30T08:30:00Z");
    const posts = sent(weekly.id);
    expect(posts.length).toBeGreaterThanOrEqual(1);
    const text = replyText(posts.at(-1)?.reply ?? { lines: [] });
    expect(text).toContain("Almaty");
    // Published 10 days before the digest: outside the week.
    expect(text).not.toContain("dix jours plus tôt");
    expect(text).not.toContain("2019");
    expect(text).not.toContain("2022");
  });
});
