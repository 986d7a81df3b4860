/**
 * The chat as a user reads it: counts at the end of a command, dates and plurals in both languages,
 * anniversaries, times and quotation marks — each command run once, without a platform.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import type { ChatRef, UserRef } from "../../src/core/command.ts";
import { menuDescription } from "../../src/core/command-help.ts";
import { formatEventDate, formatIsoDay, isRoundAnniversary } from "../../src/core/format.ts";
import { reasonText, t } from "../../src/core/i18n/index.ts";
import type { IncomingCommand } from "../../src/core/platform.ts";
import { replyText } from "../../src/core/reply.ts";
import { ds } from "../../src/digest/strings.ts";
import { fakeQueries, sampleData } from "../fakes/news-queries.ts";
import { testCore } from "../fakes/services.ts";

const chat: ChatRef = { platform: "console", id: "c1", type: "private" };
const member: UserRef = { id: "u1", isAdmin: async () => false };

function cmd(command: string, args = "", extra: Partial<IncomingCommand> = {}): IncomingCommand {
  return { command, args, lang: "fr", chat, user: member, ...extra };
}

describe("counts", () => {
  it("a negative or huge count is refused as a count, naming the range, and never read as a topic", async () => {
    for (const arg of ["-5", "999999999", "0", "99999999999999999999"]) {
      const queries = fakeQueries();
      const reply = await testCore({ queries }).handle(cmd("latest", arg));
      expect(reply.kind).toBe("error");
      expect(replyText(reply)).toContain(`« ${arg} »`);
      expect(replyText(reply)).toContain("de 1 à 50");
      expect(queries.calls).toHaveLength(0);
    }
    const en = await testCore().handle(cmd("latest", "-5", { lang: "en" }));
    expect(replyText(en)).toContain("from 1 to 50");
  });

  it("a bare trailing number is the count on every command that takes one", async () => {
    const cases: Array<[string, string, (q: ReturnType<typeof fakeQueries>) => unknown]> = [
      ["latest", "énergie 3", (q) => (q.calls[0]?.args[0] as { limit?: number } | undefined)?.limit],
      ["quote", "Tokaïev 3", (q) => (q.calls[0]?.args[0] as { limit?: number } | undefined)?.limit],
      ["search", "gaz 3", (q) => q.calls[0]?.args[1]],
      ["timeline", "énergie 3", (q) => (q.calls[0]?.args[0] as { limit?: number } | undefined)?.limit],
      ["onthisday", "24/11 3", (q) => q.calls[0]?.args[3]],
      ["onthisday", "24 novembre 3", (q) => q.calls[0]?.args[3]],
    ];
    for (const [name, args, limitOf] of cases) {
      const queries = fakeQueries();
      const reply = await testCore({ queries }).handle(cmd(name, args));
      expect(reply.kind, `${name} ${args}`).not.toBe("error");
      expect(limitOf(queries), `${name} ${args}`).toBe(3);
    }
    const queries = fakeQueries();
    await testCore({ queries }).handle(cmd("onthisday", "24/11 5"));
    expect(queries.calls[0]?.args).toEqual([11, 24, 2026, 5]);
  });

  it("a year in a search stays a word of the search, not a count", async () => {
    const queries = fakeQueries();
    const reply = await testCore({ queries }).handle(cmd("search", "traité 2013"));
    expect(reply.kind).not.toBe("error");
    expect(queries.calls[0]?.args).toEqual(["traité 2013", 10]);
  });
});

describe("dates per language", () => {
  it("/onthisday in English writes 'November 24' with no stray comma, and English punctuation", async () => {
    const data = sampleData();
    const first = data.timeline[0];
    if (first) Object.assign(first, { start: "2015-11-24", end: "2015-11-24" });
    const en = await testCore({ queries: fakeQueries(data) }).handle(cmd("onthisday", "24/11", { lang: "en" }));
    expect(en.title).toBe("On this day — November 24");
    expect(replyText(en)).toContain("11 years ago, November 24, 2015: Signature du traité");
    expect(replyText(en)).not.toMatch(/24,(\s|$)(?!\d)/);
    const empty = await testCore().handle(cmd("onthisday", "1/3", { lang: "en" }));
    expect(replyText(empty)).toContain("Nothing in our archive for March 1.");
    const fr = await testCore().handle(cmd("onthisday", "1/3"));
    expect(fr.title).toBe("Ce jour-là — 1er mars");
  });

  it("short dates: '1er nov. 2026' in French, 'Nov 1, 2026' in English", () => {
    expect(formatIsoDay("2026-11-01", "fr")).toBe("1er nov. 2026");
    expect(formatIsoDay("2026-11-20", "fr")).toBe("20 nov. 2026");
    expect(formatIsoDay("2026-11-01", "en")).toBe("Nov 1, 2026");
    expect(formatEventDate("2026-03-01", "2026-03-01", "day", "fr")).toBe("1er mars 2026");
  });
});

describe("anniversaries", () => {
  it("★ marks 5, 10, 15, 20, 25, 30, 40, 50 years, not 1, 2, 35 or 45", async () => {
    for (const y of [5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 100]) expect(isRoundAnniversary(y), String(y)).toBe(true);
    for (const y of [0, 1, 2, 3, 4, 6, 11, 35, 45, 55, -5]) expect(isRoundAnniversary(y), String(y)).toBe(false);
    const oneYear = replyText(await testCore({ now: new Date("2014-11-11T10:00:00Z") }).handle(cmd("onthisday")));
    expect(oneYear).toContain("Il y a 1 an, 11 novembre 2013");
    expect(oneYear).not.toContain("★");
  });
});

describe("plurals", () => {
  it("counts agree with their noun in French and English (0 and 1 are singular in French only)", async () => {
    const data = sampleData();
    data.stories = data.stories.slice(0, 1);
    data.quotes = data.quotes.slice(0, 1);
    data.timeline = data.timeline.slice(0, 1);
    const queries = fakeQueries(data);
    queries.stats = async () => ({ articles: 1, stories: 1, quotes: 1, events: 1, sources: 1 });
    const fr = replyText(await testCore({ queries }).handle(cmd("start")));
    expect(fr).toContain("Archive : 1 article, 1 sujet, 1 citation, 1 événement daté.");
    const en = replyText(await testCore({ queries }).handle(cmd("start", "", { lang: "en" })));
    expect(en).toContain("Archive: 1 article, 1 story, 1 quote, 1 dated event.");
    const topics = replyText(await testCore({ queries }).handle(cmd("topics", "", { lang: "en" })));
    expect(topics).toMatch(/\(sanctions\) — 0 articles$/m);
    expect(topics).toMatch(/\(energie\) — 3 articles$/m);
    expect(t("fr", "sources.failures", { count: 1 })).toBe("1 échec consécutif");
    expect(t("fr", "sources.failures", { count: 0 })).toBe("0 échec consécutif");
    expect(t("en", "sources.failures", { count: 0 })).toBe("0 failures in a row");
    expect(t("fr", "health.warnNotice", { title: "x", days: 1, error: "e", id: 1 })).toContain("depuis 1 jour (e)");
  });

  it("a digest with one hidden story says « 1 autre sujet »", () => {
    expect(ds("fr", "more", { count: 1 })).toBe("… et 1 autre sujet : /latest");
    expect(ds("en", "more", { count: 1 })).toBe("… and 1 more story: /latest");
    expect(ds("fr", "more", { count: 2 })).toBe("… et 2 autres sujets : /latest");
  });
});

describe("/help", () => {
  it("lists each command once with its argument syntax, and who may use it when not everyone", async () => {
    for (const lang of ["fr", "en"] as const) {
      const reply = await testCore().handle(cmd("help", "", { lang }));
      const text = replyText(reply);
      expect(text).not.toMatch(/\(admin\)/);
      for (const c of commands) {
        const lines = text.split("\n").filter((l) => l.startsWith(`/${c.name} `));
        expect(lines, `/${c.name}`).toHaveLength(1);
        const who = / · .+$/.exec(lines[0] ?? "")?.[0] ?? "";
        expect(who.match(/admin|propriétaire|owner/g)?.length ?? 0, `/${c.name}: ${who}`).toBeLessThanOrEqual(1);
      }
    }
    const fr = replyText(await testCore().handle(cmd("help")));
    const lineOf = (name: string) => fr.split("\n").find((l) => l.startsWith(`/${name} `)) ?? "";
    expect(lineOf("latest")).toBe("/latest [thème ou source] [n] — Dernières nouvelles, un sujet par ligne");
    expect(lineOf("onthisday")).toContain("/onthisday [JJ/MM ou AAAA-MM-JJ] [n]");
    expect(lineOf("subscribe")).toContain("/subscribe digest|anniversaries|alerts [thèmes…] [HH:MM] [daily|weekly]");
    expect(lineOf("subscribe")).toMatch(/ · réservée aux admins du chat$/);
    expect(lineOf("addsource")).toMatch(/^\/addsource URL \[thèmes…\] — .* · réservée aux propriétaires du bot$/);
    expect(lineOf("sources")).toMatch(/ · réservée aux admins du chat$/);
    expect(lineOf("settings")).toMatch(/ · modification réservée aux admins du chat$/);
    const en = replyText(await testCore().handle(cmd("help", "", { lang: "en" })));
    expect(en).toContain("/removesource N or URL — Remove a source · bot owners only");
  });

  it("menus carry the audience once: '(owners)' in the description, never twice", () => {
    for (const c of commands) {
      for (const lang of ["fr", "en"] as const) {
        const d = menuDescription(c, lang);
        expect(d.length, d).toBeLessThanOrEqual(100);
        expect((d.match(/\(/g) ?? []).length, d).toBeLessThanOrEqual(1);
      }
    }
    const addsource = commands.find((c) => c.name === "addsource");
    expect(addsource && menuDescription(addsource, "en")).toBe("Add an RSS/Atom source (owners)");
  });
});

describe("/quote and quotation marks", () => {
  it("finds words typed between quotation marks of any kind; apostrophes inside words stay", async () => {
    const data = sampleData();
    const first = data.quotes[0];
    if (first) first.text = "Nous avons un destin commun avec nos voisins, l'accord le montre";
    for (const typed of [
      "« destin commun »",
      "«\u00a0destin commun\u00a0»",
      "“destin commun”",
      '"destin commun"',
      "'destin commun'",
      "‘destin commun’",
      "„destin commun“",
    ]) {
      const queries = fakeQueries(data);
      const reply = await testCore({ queries }).handle(cmd("quote", typed));
      expect(replyText(reply), typed).toContain("destin commun avec nos voisins");
      expect(
        queries.calls.map((c) => c.args[0]),
        typed,
      ).toEqual([
        { speaker: "destin commun", limit: 5 },
        { keyword: "destin commun", limit: 5 },
      ]);
    }
    const queries = fakeQueries(data);
    await testCore({ queries }).handle(cmd("quote", "« l'accord »"));
    expect(queries.calls.at(-1)?.args[0]).toEqual({ keyword: "l'accord", limit: 5 });
  });
});

describe("/timeline YEAR or YEAR-MONTH", () => {
  it("a year or a month restricts the timeline to it, with or without a topic and a count", async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ["2025", { from: "2025-01-01", to: "2025-12-31", limit: 20 }, "Chronologie — 2025"],
      ["2024-02", { from: "2024-02-01", to: "2024-02-29", limit: 20 }, "Chronologie — février 2024"],
      [
        "énergie 2013 5",
        { topic: "energie", from: "2013-01-01", to: "2013-12-31", limit: 5 },
        "Chronologie — Énergie, 2013",
      ],
    ];
    for (const [args, query, title] of cases) {
      const queries = fakeQueries();
      const reply = await testCore({ queries }).handle(cmd("timeline", args));
      expect(queries.calls[0]?.args[0], args).toMatchObject(query);
      expect(reply.title, args).toBe(title);
    }
    const bad = await testCore().handle(cmd("timeline", "2025-13"));
    expect(replyText(bad)).toBe("Période non reconnue : « 2025-13 ». Indiquez une année (2025) ou un mois (2025-03).");
  });
});

describe("reasons inside messages", () => {
  it("every reason key the code gives has a French and an English text", () => {
    const files = [
      ...readdirSync("src", { recursive: true, encoding: "utf8" }).map((f) => join("src", f)),
      ...readdirSync("commands").map((f) => join("commands", f)),
    ].filter((f) => f.endsWith(".ts") && !f.includes("i18n"));
    const used = new Set<string>();
    for (const f of files)
      for (const m of readFileSync(f, "utf8").matchAll(/"(reason\.[A-Za-z]+)"/g)) used.add(m[1] ?? "");
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) {
      expect(reasonText("fr", { key: key as `reason.${string}` }), key).not.toBeNull();
      expect(reasonText("en", { key: key as `reason.${string}` }), key).not.toBeNull();
    }
  });

  it("translates address ranges, keeps an unknown one as is, and has no text for an unknown key", () => {
    const r = (range: string) => ({ key: "reason.address" as const, params: { host: "h.test", range } });
    expect(reasonText("fr", r("private"))).toBe("h.test correspond à une adresse interdite : réseau privé");
    expect(reasonText("en", r("carrierGradeNat"))).toBe("h.test resolves to a forbidden address: carrier-grade NAT");
    expect(reasonText("fr", r("teredo"))).toBe("h.test correspond à une adresse interdite : teredo");
    expect(reasonText("fr", { key: "reason.noSuchThing" })).toBeNull();
    expect(reasonText("fr", null)).toBeNull();
  });
});
