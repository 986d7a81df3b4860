/**
 * The `newsbot` command line as other tools and people use it: real processes, real files.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = join(root, "bin/newsbot.mjs");
/** An invented article (dateline, a quote, a past date), written for the tests. */
const visitArticle = join(root, "test/ingest/fixtures/visit-article.txt");

function newsbot(args: string[], env: Record<string, string> = {}, input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "error", ...env },
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tempDb(): string {
  return `file:${join(mkdtempSync(join(tmpdir(), "newsbot-cli-")), "bot.db")}`;
}

describe("newsbot analyze (the JSON contract)", () => {
  it("prints one object per file, in input order, with the documented fields", () => {
    const files = [visitArticle, join(root, "test/ingest/fixtures/article.txt")];
    const r = newsbot([
      "analyze",
      "--published",
      "article.txt=2026-01-21",
      "--published",
      "visit-article.txt=2026-02-03",
      ...files,
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as Array<Record<string, unknown>>;
    expect(out.map((o) => o.file)).toEqual(["visit-article.txt", "article.txt"]);
    for (const o of out) {
      expect(Object.keys(o).sort()).toEqual(
        ["events", "file", "language", "people", "publishedAt", "quotes", "story", "title", "topics"].sort(),
      );
      expect(o.language).toBe("fr");
      expect(typeof o.story).toBe("number");
    }
    expect(out[0]?.publishedAt).toBe("2026-02-03");
    expect(out[1]?.publishedAt).toBe("2026-01-21");
    expect(out[0]?.story).not.toBe(out[1]?.story);
    const events = out[0]?.events as Array<{ start: string; precision: string }>;
    expect(events).toContainEqual(expect.objectContaining({ start: "2025-10-14", precision: "day" }));
  });

  it("reports unreadable files in their slot and exits 1; bad flags exit 2 with a usage line", () => {
    const dir = mkdtempSync(join(tmpdir(), "newsbot-cli-"));
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "bin.txt"), Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7, 8]));
    const r = newsbot([
      "analyze",
      visitArticle,
      join(dir, "empty.txt"),
      join(dir, "bin.txt"),
      join(dir, "missing.txt"),
    ]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out) as Array<{ file: string; error?: string; quotes: unknown[] }>;
    expect(out.map((o) => o.file)).toEqual(["visit-article.txt", "empty.txt", "bin.txt", "missing.txt"]);
    expect(out[0]?.error).toBeUndefined();
    for (const o of out.slice(1)) expect(o.error).toBeTruthy();
    const bad = newsbot(["analyze", "--published", "x=31/12/2024", visitArticle]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("NAME=YYYY-MM-DD");
  });
});

describe("newsbot feed check", () => {
  it("prints the items of a feed file as JSON without storing anything", () => {
    const db = tempDb();
    const r = newsbot(["feed", "check", join(root, "demo/eurasie-hebdo.xml"), "--json"], { DATABASE_URL: db });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.ok).toBe(true);
    expect(out.title).toBe("Eurasie Hebdo");
    expect(out.items.length).toBeGreaterThan(3);
    expect(Object.keys(out.items[0]).sort()).toEqual([
      "author",
      "content",
      "guid",
      "publishedAt",
      "summary",
      "title",
      "url",
    ]);
    expect(out.errors).toEqual([]);
  });

  it("says what is wrong with a file that is not a feed", () => {
    const r = newsbot(["feed", "check", visitArticle, "--json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out);
    expect(out.ok).toBe(false);
    expect(out.errors.join(" ")).toMatch(/not a feed/);
  });
});

describe("newsbot ingest / sources / search", () => {
  it("ingests feed files and article files once, then finds them by accent-free search", () => {
    const db = tempDb();
    const first = newsbot(["ingest", join(root, "demo/courrier-des-steppes.xml"), visitArticle], { DATABASE_URL: db });
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/courrier-des-steppes\.xml: 6 new, 0 already stored/);
    expect(first.out).toMatch(/1 new, 0 already stored/);
    const again = newsbot(["ingest", join(root, "demo/courrier-des-steppes.xml")], { DATABASE_URL: db });
    expect(again.out).toMatch(/0 new, 6 already stored/);
    const found = newsbot(["search", "tokaiev"], { DATABASE_URL: db });
    const articleTitle = readFileSync(visitArticle, "utf8").split("\n")[0]?.trim() ?? "";
    expect(found.out, found.out).toContain(articleTitle);
    const sources = newsbot(["sources", "list"], { DATABASE_URL: db });
    expect(sources.out).toContain("Le Courrier des steppes");
  }, 90_000); // four processes in a row: slow on a loaded machine

  it("refuses to fetch private addresses from the command line unless allowed", () => {
    const r = newsbot(["ingest", "http://169.254.169.254/latest/meta-data"], { DATABASE_URL: tempDb() });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/169\.254\.169\.254/);
    expect(r.err.toLowerCase()).toMatch(/refus|block|private|link-local|metadata/);
  });
});
