/**
 * /who: the person card's chart from fixture quote days, and the command through the dispatcher — on the fake
 * queries (caption, picture, no data), and on a SQLite store, where any spelling of a name finds its quotes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatRef, UserRef } from "../../src/core/command.ts";
import { silentLogger } from "../../src/core/logger.ts";
import type { Chart, PictureRenderer } from "../../src/core/picture.ts";
import type { IncomingCommand } from "../../src/core/platform.ts";
import type { QuoteRow } from "../../src/core/queries.ts";
import { replyText } from "../../src/core/reply.ts";
import { saveArticle } from "../../src/core/store.ts";
import { fontMetrics } from "../../src/pictures/font.ts";
import { createPictureRenderer } from "../../src/pictures/render.ts";
import { buildWhoChart } from "../../src/pictures/who-chart.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { fakeQueries, sampleData } from "../fakes/news-queries.ts";
import { testCore } from "../fakes/services.ts";
import { decodePng, solidPng } from "../helpers/png.ts";
import { analysis, hash, input, person, quote } from "../store/builder.ts";

const metrics = fontMetrics();
type Bar = { start: number; end: number; count: number };
const barsOf = (chart: Chart) => (chart.spec.data as { values: Bar[] }).values;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

describe("who chart", () => {
  it("counts quotes per month from the first month to the last, empty months included", () => {
    const days = ["2025-06-03", "2025-01-15", "2025-01-31", "2025-02-01", "2025-05-20", "2025-05-21", "2025-05-22"];
    const c = buildWhoChart({ days, lang: "fr", title: "Kassym-Jomart Tokaïev", metrics });
    expect(c.unit).toBe("month");
    expect(c.buckets.map((b) => [iso(b.start), b.count])).toEqual([
      ["2025-01-01", 2],
      ["2025-02-01", 1],
      ["2025-03-01", 0],
      ["2025-04-01", 0],
      ["2025-05-01", 3],
      ["2025-06-01", 1],
    ]);
    expect(c).toMatchObject({ total: 7, first: "2025-01-15", last: "2025-06-03" });
    // One bar per month, on a time axis that ends where the last month does.
    expect(barsOf(c.chart).map((b) => b.count)).toEqual([2, 1, 0, 0, 3, 1]);
    const x = (c.chart.spec.encoding as { x: { scale: { domain: number[] } } }).x;
    expect(x.scale.domain.map(iso)).toEqual(["2025-01-01", "2025-07-01"]);
    // January's label would stick out of the plot: the first label shown says the year instead.
    const axis = (c.chart.spec.encoding as { x: { axis: { labelExpr: string } } }).x.axis;
    expect(Object.values(JSON.parse(axis.labelExpr.split("[")[0] ?? "{}"))).toEqual(["mars 2025", "mai"]);
    const title = c.chart.spec.title as { text: string; subtitle: string };
    expect(title.text).toBe("Kassym-Jomart Tokaïev");
    expect(title.subtitle).toBe("7 au total · citations par mois");
    expect(c.chart.alt).toBe("Kassym-Jomart Tokaïev: 7 citations");
  });

  it("counts per year when the quotes span more than four years", () => {
    const days = ["2019-03-01", "2019-11-30", "2021-07-14", "2024-12-31", "2024-01-01", "2024-06-06"];
    const c = buildWhoChart({ days, lang: "en", title: "Vladimir Putin", metrics });
    expect(c.unit).toBe("year");
    expect(c.buckets.map((b) => [iso(b.start), b.count])).toEqual([
      ["2019-01-01", 2],
      ["2020-01-01", 0],
      ["2021-01-01", 1],
      ["2022-01-01", 0],
      ["2023-01-01", 0],
      ["2024-01-01", 3],
    ]);
    expect((c.chart.spec.title as { subtitle: string }).subtitle).toBe("6 in all · quotes per year");
  });
});

const chat: ChatRef = { platform: "console", id: "c1", type: "private" };
const member: UserRef = { id: "u1", isAdmin: async () => false };
const cmd = (args: string, lang: "fr" | "en" = "fr"): IncomingCommand => ({
  command: "who",
  args,
  lang,
  chat,
  user: member,
});

/** Five quotes of Tokaïev (newest first) over four months, and one of someone else. */
function quotesData(): ReturnType<typeof sampleData> {
  const at = (day: string) => new Date(`${day}T09:00:00Z`);
  const q = (id: number, speaker: string, text: string, day: string): QuoteRow => ({
    id,
    text,
    speaker,
    articleTitle: `Article du ${day}`,
    url: `https://exemple-actu.test/${day}`,
    publishedAt: at(day),
  });
  return {
    ...sampleData(),
    quotes: [
      q(1, "Kassym-Jomart Tokaïev", "Le corridor du Nord sera achevé avant l'hiver", "2026-11-20"),
      q(2, "Vladimir Poutine", "Nos échanges ont doublé en cinq ans", "2026-11-19"),
      q(3, "Kassym-Jomart Tokaïev", "Nous tenons à une politique étrangère équilibrée", "2026-11-02"),
      q(4, "Kassym-Jomart Tokaïev", "Le transit du gaz est une affaire commune", "2026-10-15"),
      q(5, "Kassym-Jomart Tokaïev", "La frontière doit rester un lieu d'échanges", "2026-09-01"),
      q(6, "Kassym-Jomart Tokaïev", "Les réformes se poursuivront", "2026-08-10"),
    ],
  };
}

describe("/who", () => {
  it("draws the quotes per month and gives the three most recent in the caption", { timeout: 60_000 }, async () => {
    const queries = fakeQueries(quotesData());
    const core = testCore({ queries, pictures: createPictureRenderer() });
    const reply = await core.handle(cmd("Tokayev"));
    expect(reply.title).toBe("Kassym-Jomart Tokaïev");
    const text = replyText(reply);
    expect(text).toContain("5 citations, de 10 août 2026 à 20 nov. 2026");
    expect(text).toContain("Dernières citations :");
    const shown = ["Le corridor du Nord", "politique étrangère équilibrée", "Le transit du gaz"];
    const at = shown.map((s) => text.indexOf(s));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain("« Le corridor du Nord sera achevé avant l'hiver »");
    expect(text).toContain("— 20 nov. 2026 · Article du 2026-11-20");
    expect(text).not.toContain("frontière doit rester");
    expect(text).not.toContain("Nos échanges ont doublé");
    const png = decodePng(reply.picture?.png ?? new Uint8Array());
    expect(png.width).toBe(reply.picture?.width);
    expect(reply.picture?.filename).toBe("who.png");
    expect(queries.calls.filter((c) => c.method === "quoteDays")).toEqual([{ method: "quoteDays", args: ["Tokayev"] }]);
  });

  it("answers in English, and the quotes alone when pictures are off", async () => {
    const core = testCore({ queries: fakeQueries(quotesData()) });
    const reply = await core.handle(cmd("« Tokaïev »", "en"));
    expect(reply.picture).toBeUndefined();
    const text = replyText(reply);
    expect(text).toContain("Pictures are not enabled on this bot");
    expect(text).toContain("Latest quotes:");
    expect(text).toContain("— Nov 20, 2026 · Article du 2026-11-20");
  });

  it("says there is nothing to draw for someone never quoted, and who to name when no one is", async () => {
    const queries = fakeQueries(quotesData());
    const core = testCore({ queries, pictures: { render: async () => Promise.reject(new Error("not called")) } });
    const none = await core.handle(cmd("Nazarbaïev"));
    expect(none.picture).toBeUndefined();
    expect(none.kind).toBe("empty");
    expect(replyText(none)).toBe("Rien à dessiner : aucune citation de « Nazarbaïev ».");
    expect(replyText(await core.handle(cmd("Nobody", "en")))).toBe("Nothing to draw: no quotes by “Nobody”.");
    // Quoted, but never in a dated article: the quotes without a chart.
    const undated = quotesData();
    undated.quotes = undated.quotes.map((q) => ({ ...q, publishedAt: null }));
    const text = await testCore({ queries: fakeQueries(undated), pictures: createPictureRenderer() }).handle(
      cmd("Tokaïev"),
    );
    expect(text.picture).toBeUndefined();
    expect(replyText(text)).toContain("Rien à dessiner : aucune citation datée de Kassym-Jomart Tokaïev.");
    expect(replyText(text)).toContain("« Le corridor du Nord sera achevé avant l'hiver »");
    const missing = await core.handle(cmd("  «  »  "));
    expect(missing.kind).toBe("error");
    expect(replyText(missing)).toBe("De qui ? Exemple : /who Tokaïev");
  });
});

describe("/who on a store", () => {
  let dir: string;
  let store: Store;
  const charts: Chart[] = [];
  const recording: PictureRenderer = {
    async render(chart) {
      charts.push(chart);
      return { png: solidPng(4, 4), width: 4, height: 4, filename: chart.filename, alt: chart.alt };
    },
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "newsbot-who-"));
    store = await createStore(`file:${join(dir, "who.db")}`, silentLogger);
    const tokaiev = person("Kassym-Jomart Tokaïev", ["Tokaïev", "M. Tokaïev"], "président kazakh");
    const poutine = person("Vladimir Poutine", ["Poutine"], "président russe");
    const article = async (day: string, people: ReturnType<typeof person>[], said: Array<[string, string]>) => {
      const text = `Déclarations du ${day} à Astana.`;
      await saveArticle(store, {
        input: input({ title: `Déclarations du ${day}`, url: `https://exemple.test/${day}` }),
        analysis: analysis({
          title: `Déclarations du ${day}`,
          text,
          publishedAt: day,
          people,
          quotes: said.map(([who, words], i) => quote(words, who, i * 10)),
        }),
        contentHash: hash(text),
        storyId: null,
      });
    };
    // The same man as "Kassym-Jomart Tokaïev", "Tokaïev" and "M. Tokaïev"; Poutine in between.
    await article(
      "2025-01-20",
      [tokaiev, poutine],
      [
        ["Kassym-Jomart Tokaïev", "Notre partenariat est solide"],
        ["Vladimir Poutine", "Nous avançons ensemble"],
      ],
    );
    await article("2025-03-04", [], [["Tokaïev", "Le corridor sera prêt en mai"]]);
    await article("2025-03-18", [], [["M. Tokaïev", "Le gaz passera par Chymkent"]]);
    await article("2025-04-02", [], [["Poutine", "Le transit est garanti"]]);
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(["tokayev", "M. Tokaïev", "Kassym-Jomart Tokaev"])("%j finds every quote of the person", async (typed) => {
    charts.length = 0;
    const core = testCore({ queries: store, pictures: recording });
    const reply = await core.handle(cmd(typed));
    expect(reply.title).toBe("Kassym-Jomart Tokaïev");
    const text = replyText(reply);
    expect(text).toContain("3 citations, de 20 janv. 2025 à 18 mars 2025");
    expect(text).toContain("« Le gaz passera par Chymkent »");
    expect(text).not.toContain("Le transit est garanti");
    expect(barsOf(charts[0] as Chart).map((b) => [iso(b.start), b.count])).toEqual([
      ["2025-01-01", 1],
      ["2025-02-01", 0],
      ["2025-03-01", 2],
    ]);
  });
});
