import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { UserInputError } from "../../src/core/errors.ts";
import { readArticleFile } from "../../src/ingest/article-file.ts";
import { fixture, fixturePath } from "./helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "newsbot-article-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function write(name: string, data: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}

const TEXT = "Réunion à Orenbourg sur le gazoduc\nLes délégations ont évoqué la « modernisation » du réseau.\n";

describe("readArticleFile", () => {
  it("reads a plain-text article: first line is the title", async () => {
    const f = await readArticleFile(fixturePath("visit-article.txt"));
    if (f.kind !== "article") throw new Error("expected an article");
    const firstLine = readFileSync(fixturePath("visit-article.txt"), "utf8").split("\n")[0]?.trim();
    expect(f.title).toBe(firstLine);
    expect(f.text.startsWith(firstLine ?? "?")).toBe(true);
    expect(f.format).toBe("text");
  });

  it("extracts title and text from an HTML page, without scripts, styles, navigation or asides", async () => {
    const f = await readArticleFile(fixturePath("article.html"));
    if (f.kind !== "article") throw new Error("expected an article");
    expect(f.title).toBe("Sommet d’Astana : les énergéticiens s’accordent");
    expect(f.text).toContain("ont conclu un accord d’interconnexion.\n\n« Nous voulons sécuriser l’hiver »");
    for (const noise of ["tracking", "font-family", "Accueil", "Lire aussi", "©"]) expect(f.text).not.toContain(noise);
    expect(f.text.split("\n")[0]).toBe(f.title);
  });

  it.each([
    ["utf8-bom.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])],
    ["utf16le.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, "utf-16le")])],
    ["utf16be.txt", Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, "utf-16be")])],
    ["utf16le-nobom.txt", iconv.encode(TEXT, "utf-16le")],
    ["latin1.txt", iconv.encode(TEXT.replace(/[«»]/g, '"'), "latin1")],
  ])("decodes %s", async (name, bytes) => {
    const f = await readArticleFile(write(name, bytes));
    if (f.kind !== "article") throw new Error("expected an article");
    expect(f.title).toBe("Réunion à Orenbourg sur le gazoduc");
    expect(f.text).toContain("délégations");
  });

  it("decodes windows-1251 text", async () => {
    const ru = "Встреча в Астане\nДелегации Казахстана и России обсудили транзит.\n";
    const f = await readArticleFile(write("ru.txt", iconv.encode(ru, "windows-1251")));
    expect(f.kind === "article" && f.title).toBe("Встреча в Астане");
  });

  it("recognises a feed file", async () => {
    const f = await readArticleFile(fixturePath("rss-clean.xml"));
    expect(f.kind).toBe("feed");
    expect(f.kind === "feed" && f.text.whole()).toContain("<rss");
  });

  it.each([
    ["empty.txt", Buffer.alloc(0), /empty/],
    ["blank.txt", Buffer.from("  \n\n  "), /empty/],
    ["binary.bin", Buffer.from([1, 2, 0, 3, 4, 0, 0, 5, 6, 7, 8, 9]), /binary/],
    ["doc.pdf", Buffer.from("%PDF-1.7\n%âãÏÓ\n"), /PDF/],
    ["data.json", Buffer.from('{"titre": "x"}'), /JSON/],
  ])("refuses %s", async (name, bytes, message) => {
    const err = await readArticleFile(write(name, bytes)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserInputError);
    expect((err as Error).message).toMatch(message);
  });

  it("refuses files over the cap and missing files", async () => {
    const p = write("big.txt", `Titre\n${"mot ".repeat(5000)}`);
    await expect(readArticleFile(p, { maxBytes: 1000 })).rejects.toThrow(/too large/);
    await expect(readArticleFile(join(dir, "absent.txt"))).rejects.toThrow(/not found/);
  });

  it("reads the plain-text fixture", async () => {
    const f = await readArticleFile(fixturePath("article.txt"));
    expect(f.kind === "article" && f.text).toBe(fixture("article.txt").trim());
  });
});
