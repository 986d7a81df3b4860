/**
 * Curated events win over extracted ones: an /addevent correction on a date extraction also found is what
 * /timeline and anniversary posts show, and it survives re-ingesting the same article (a dedupe no-op) and a
 * new article reporting the same date.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findStory } from "../../src/analysis/stories.ts";
import { defaultTaxonomy } from "../../src/analysis/taxonomy.ts";
import { analyzerFor } from "../../src/app.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { replyText } from "../../src/core/reply.ts";
import { composeAnniversaries } from "../../src/digest/anniversaries.ts";
import { anniversariesFrom } from "../../src/digest/build.ts";
import { createIngestor, type Ingestor } from "../../src/ingest/pipeline.ts";
import { rssFeed, startWorld, type World } from "../helpers/command-world.ts";

const EXTRACTED =
  "Le 11 novembre 2013, les présidents kazakh et russe ont signé à Ekaterinbourg un traité de bon voisinage.";
const CURATED = "Signature du traité de bon voisinage et d'alliance pour le XXIe siècle";

const first = rssFeed("Steppe Info", [
  {
    title: "Astana et Moscou célèbrent leur traité de bon voisinage",
    day: "2026-11-10",
    text: `${EXTRACTED} Les deux capitales ont rappelé cette signature lors d'une cérémonie à Astana mardi.`,
  },
]);
const second = rssFeed("Volga Presse", [
  {
    title: "Retour sur le traité d'Ekaterinbourg",
    day: "2026-11-11",
    text: "Le 11 novembre 2013, Noursoultan Nazarbaïev et Vladimir Poutine ont paraphé un accord frontalier à Ekaterinbourg, rappelle un historien interrogé par notre rédaction.",
  },
]);

let w: World;
let ingestor: Ingestor;
beforeAll(async () => {
  w = await startWorld();
  ingestor = createIngestor({
    sources: w.store,
    articles: w.store,
    analyze: analyzerFor(defaultTaxonomy),
    findStory,
    clock: w.clock,
    logger: silentLogger,
  });
});
afterAll(async () => w?.close());

const owner = { id: "4242", isAdmin: async () => true, isOwner: async () => true };
const chat = { platform: "telegram" as const, id: "4242", type: "private" as const };
const ask = async (command: string, args: string) =>
  replyText(await w.core.handle({ command, args, lang: "fr", chat, user: owner }));
const timelineText = () => ask("timeline", "from:2013-11-01 to:2013-11-30");
async function anniversaryPost(): Promise<string> {
  const items = await anniversariesFrom(w.store, "2026-11-11", 1, 10);
  const reply = composeAnniversaries("2026-11-11", items, "fr");
  return reply ? replyText(reply) : "";
}

describe("curated events over extracted ones", () => {
  it("extraction finds the date first", async () => {
    const src = await w.store.addSource({ url: "https://steppe-info.test/rss", title: "Steppe Info" });
    expect((await ingestor.ingestFeedXml(first, src)).inserted).toBe(1);
    expect(await timelineText()).toContain("11 novembre 2013");
    expect(await timelineText()).not.toContain(CURATED);
  });

  it("an /addevent correction on that date is what /timeline and the anniversary post show", async () => {
    expect(await ask("addevent", `2013-11-11 ${CURATED}`)).toContain(CURATED);
    const tl = await timelineText();
    expect(tl).toContain(CURATED);
    expect(tl).not.toContain("ont signé à Ekaterinbourg");
    const post = await anniversaryPost();
    expect(post).toContain(`Il y a 13 ans, le 11 novembre 2013 : ${CURATED}`);
  });

  it("re-ingesting the same article is a no-op and the correction stays", async () => {
    const src = await w.store.findSourceByUrl("https://steppe-info.test/rss");
    const again = await ingestor.ingestFeedXml(first, src);
    expect(again.inserted).toBe(0);
    expect(again.duplicates).toBe(1);
    expect(await timelineText()).toContain(CURATED);
  });

  it("a new article reporting the same date does not override the correction", async () => {
    const src = await w.store.addSource({ url: "https://volga-presse.test/rss", title: "Volga Presse" });
    expect((await ingestor.ingestFeedXml(second, src)).inserted).toBe(1);
    const tl = await timelineText();
    expect(tl).toContain(CURATED);
    expect(tl).not.toContain("paraphé un accord frontalier");
    expect(await anniversaryPost()).toContain(CURATED);
  });
});
