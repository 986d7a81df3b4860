/** `newsbot ingest FILE` refuses what is neither a feed nor an article, and stores nothing from it. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UserInputError } from "../../src/core/errors.ts";
import { memoryArticleStore, memorySourceStore } from "../fakes/memory-store.ts";
import { fakeClock, fakeIngestor } from "./helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "newsbot-junk-"));
function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function setup() {
  const clock = fakeClock("2026-12-02T10:00:00Z");
  const sources = memorySourceStore(clock.now);
  const articles = memoryArticleStore();
  const ingestor = fakeIngestor({ sources, articles, clock });
  return { ingestor, sources, articles };
}

describe("junk given to ingest", () => {
  it("refuses plain text in a file named like a feed, saying what it is", async () => {
    const { ingestor, articles, sources } = setup();
    const err = await ingestor.ingestFile(write("notxml.xml", "this is not xml at all\n")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserInputError);
    expect((err as Error).message).toMatch(/named like a feed \(\.xml\) but holds plain text, not XML/);
    expect(articles.rows).toHaveLength(0);
    expect(await sources.listSources()).toHaveLength(0);
  });

  it("refuses a one-line text file: an article is a title and its text", async () => {
    const { ingestor, articles } = setup();
    await expect(ingestor.ingestFile(write("note.txt", "juste une ligne\n\n"))).rejects.toThrow(
      /title line followed by its text/,
    );
    expect(articles.rows).toHaveLength(0);
  });

  it("still ingests a text article: a title line and its text", async () => {
    const { ingestor, articles } = setup();
    const path = write("article.txt", "Réunion à Kostanaï\n\nLes maires des deux rives se sont retrouvés mardi.\n");
    expect(await ingestor.ingestFile(path)).toMatchObject({ inserted: 1 });
    expect(articles.rows[0]?.input.title).toBe("Réunion à Kostanaï");
  });
});
