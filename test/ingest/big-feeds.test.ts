/** Big feeds are stored whole, and files and downloads share one size limit (FETCH_MAX_BYTES). */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import type { ArticleStore } from "../../src/core/store.ts";
import { checkFeed } from "../../src/ingest/check-feed.ts";
import { parseFeed } from "../../src/ingest/parse-feed.ts";
import { createIngestor, type IngestorDeps } from "../../src/ingest/pipeline.ts";
import { memoryArticleStore, memorySourceStore } from "../fakes/memory-store.ts";
import { fakeAnalyze, fakeClock } from "./helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "newsbot-big-"));

/** An RSS feed of `n` short invented items, each with its own link and date. */
function feedOf(n: number, body = ""): string {
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 300) * 86_400_000).toUTCString();
    items.push(
      `<item><title>Dépêche n° ${i}</title><link>https://depeches.example/${i}</link><pubDate>${day}</pubDate><description>Convoi ${i} arrivé à Aktobe.${body}</description></item>`,
    );
  }
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Dépêches</title>${items.join("\n")}</channel></rss>`;
}

function setup(over: Partial<IngestorDeps> = {}) {
  const clock = fakeClock("2024-12-01T00:00:00Z");
  const articles = memoryArticleStore();
  const progress: number[] = [];
  const ingestor = createIngestor({
    sources: memorySourceStore(clock.now),
    articles,
    analyze: fakeAnalyze,
    findStory: () => null,
    clock,
    logger: silentLogger,
    onProgress: (p) => progress.push(p.total),
    ...over,
  });
  return { ingestor, articles, progress };
}

/** Keeps only URLs, with constant-time dedupe (the shared memory store scans all rows per item). */
function urlStore(): ArticleStore & { urls: string[] } {
  const urls: string[] = [];
  const seen = new Set<string>();
  return {
    urls,
    findDuplicates: async (keys) =>
      keys.map((q) => (q.url !== null && seen.has(q.url) ? { articleId: 1, storyId: 1 } : null)),
    storyCandidates: async () => [],
    saveBatch: async (items) =>
      items.map(({ input }) => {
        if (input.url !== null) seen.add(input.url);
        urls.push(input.url ?? "");
        return { status: "inserted", articleId: urls.length, storyId: urls.length };
      }),
  };
}

describe("feeds of more than 10,000 items", () => {
  it("parses every item", async () => {
    const feed = await parseFeed(feedOf(12_000));
    expect(feed.items).toHaveLength(12_000);
    expect(feed.items[11_999]?.url).toBe("https://depeches.example/11999");
  });

  it("stores every item, with progress counting them all", async () => {
    const store = urlStore();
    const { ingestor, progress } = setup({ articles: store });
    const s = await ingestor.ingestFeedXml(feedOf(12_000));
    expect(s).toMatchObject({ inserted: 12_000, duplicates: 0, failed: 0, errors: [] });
    expect(store.urls).toHaveLength(12_000);
    expect(store.urls.at(-1)).toBe("https://depeches.example/11999");
    expect(progress.at(-1)).toBe(12_000);
  });
});

describe("one size limit for files and downloads", () => {
  // 5.4 MB: over the old fixed 5 MiB cap of local files
  const big = join(dir, "gros-flux.xml");
  writeFileSync(big, feedOf(40, ` ${"Texte de remplissage. ".repeat(6_200)}`));

  it("reads a local file up to FETCH_MAX_BYTES, not a fixed 5 MiB", async () => {
    const { ingestor, articles } = setup({ fetchOptions: { maxBytes: 6_000_000 } });
    expect(await ingestor.ingestFile(big)).toMatchObject({ inserted: 40 });
    expect(articles.rows).toHaveLength(40);
    expect((await checkFeed(big, { fetchOptions: { maxBytes: 6_000_000 } })).ok).toBe(true);
  });

  it("refuses a local file over FETCH_MAX_BYTES, naming the setting", async () => {
    const small = join(dir, "petit-flux.xml");
    writeFileSync(small, feedOf(200));
    const { ingestor, articles } = setup({ fetchOptions: { maxBytes: 20_000 } });
    await expect(ingestor.ingestFile(small)).rejects.toThrow(/too large .*FETCH_MAX_BYTES, is 20000/);
    expect(articles.rows).toHaveLength(0);
    const check = await checkFeed(small, { fetchOptions: { maxBytes: 20_000 } });
    expect(check.ok).toBe(false);
    expect(check.errors[0]).toMatch(/FETCH_MAX_BYTES/);
  });
});

describe("feed files read in slices", () => {
  it("decode characters cut across slices, in UTF-8 and in a declared single-byte charset", async () => {
    // 3-byte and 2-byte characters at every offset: some straddle the 64 KiB slice boundaries
    const items = Array.from(
      { length: 3_000 },
      (_, i) => `<item><title>Été ${i} — « Kökşetaü »</title><link>https://tranches.example/${i}</link></item>`,
    );
    const xml = (decl: string) =>
      `<?xml version="1.0" encoding="${decl}"?><rss version="2.0"><channel><title>Tranches</title>${items.join("")}</channel></rss>`;
    const utf8 = join(dir, "tranches-utf8.xml");
    writeFileSync(utf8, xml("utf-8"));
    const latin = join(dir, "tranches-1252.xml");
    writeFileSync(latin, iconv.encode(xml("windows-1252").replace(/ş/g, "s").replace(/ü/g, "u"), "windows-1252"));
    for (const [path, name] of [
      [utf8, "Kökşetaü"],
      [latin, "Köksetau"],
    ] as const) {
      const store = urlStore();
      const { ingestor } = setup({ articles: store, fetchOptions: { maxBytes: 10_000_000 } });
      expect(await ingestor.ingestFile(path)).toMatchObject({ inserted: 3_000, failed: 0, errors: [] });
      const check = await checkFeed(path, { fetchOptions: { maxBytes: 10_000_000 } });
      expect(check.items.map((i) => i.title)).toEqual(items.map((_, i) => `Été ${i} — « ${name} »`));
    }
  });
});

describe("feed files read from disk slice by slice: the charset is found without reading the file whole", () => {
  /** A feed whose items are ASCII up to `asciiItems`, then `late` items with the given titles. */
  function lateFeed(asciiItems: number, late: string[], decl = ""): string {
    const items = Array.from(
      { length: asciiItems },
      (_, i) => `<item><title>Depeche ${i}</title><link>https://tard.example/${i}</link></item>`,
    );
    for (const [k, t] of late.entries())
      items.push(`<item><title>${t}</title><link>https://tard.example/late-${k}</link></item>`);
    return `<?xml version="1.0"${decl}?><rss version="2.0"><channel><title>Tard</title>${items.join("\n")}</channel></rss>`;
  }

  async function titlesOf(path: string, n: number): Promise<string[]> {
    const store = urlStore();
    const { ingestor, progress } = setup({ articles: store, fetchOptions: { maxBytes: 10_000_000 } });
    expect(await ingestor.ingestFile(path)).toMatchObject({ inserted: n, failed: 0, errors: [] });
    // the item count for progress is taken from the file slice by slice, tags cut across slices included
    expect([progress[0], progress.at(-1)]).toEqual([n, n]);
    const check = await checkFeed(path, { fetchOptions: { maxBytes: 10_000_000 } });
    return check.items.map((i) => i.title ?? "");
  }

  it("uses the charset declared in the prolog for the whole file", async () => {
    const ru = "Встреча в Астане";
    const path = join(dir, "declare-1251.xml");
    writeFileSync(path, iconv.encode(lateFeed(6_000, [ru, `${ru} 2`], ' encoding="windows-1251"'), "windows-1251"));
    const titles = await titlesOf(path, 6_002);
    expect(titles.slice(-2)).toEqual([ru, `${ru} 2`]);
  });

  it("reads a UTF-16 file with a byte-order mark, characters cut across slices", async () => {
    const path = join(dir, "bom-utf16.xml");
    const text = lateFeed(3_000, ["Été à Kökşetaü", "« Шымкент »"]);
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]));
    const titles = await titlesOf(path, 3_002);
    expect(titles[1]).toBe("Depeche 1");
    expect(titles.slice(-2)).toEqual(["Été à Kökşetaü", "« Шымкент »"]);
  });

  it("finds undeclared non-ASCII text that starts after the first 256 KiB (UTF-8, windows-1252, windows-1251)", async () => {
    // 4,000 ASCII items ≈ 330 KB: the first non-ASCII byte is past the head and the 256 KiB guessing window
    const cases = [
      ["late-utf8.xml", "utf-8", ["Été à Kökşetaü", "Шымкент"]],
      ["late-1252.xml", "windows-1252", ["Été à Aktobe", "« Noël »"]],
      ["late-1251.xml", "windows-1251", ["Встреча в Астане", "Делегации обсудили транзит"]],
    ] as const;
    for (const [name, charset, late] of cases) {
      const path = join(dir, name);
      const bytes = iconv.encode(lateFeed(4_000, [...late]), charset);
      expect(bytes.indexOf(Buffer.from("Depeche 3999"))).toBeGreaterThan(262_144);
      writeFileSync(path, bytes);
      const titles = await titlesOf(path, 4_002);
      expect(titles.slice(-2)).toEqual(late);
    }
  }, 60_000);

  it("refuses a file over FETCH_MAX_BYTES before reading it, saying its size and the limit", async () => {
    const path = join(dir, "trop-gros.xml");
    writeFileSync(path, lateFeed(2_000, []));
    const { ingestor, articles } = setup({ fetchOptions: { maxBytes: 50_000 } });
    const err = await ingestor.ingestFile(path).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/file too large \(\d{5,} bytes; the limit, FETCH_MAX_BYTES, is 50000\)/);
    expect(articles.rows).toHaveLength(0);
  });
});
