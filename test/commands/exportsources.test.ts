/**
 * /exportsources and `newsbot sources export`: every source /sources lists is in the OPML — http(s) feeds as
 * subscriptions, local feed files (the demo's, `newsbot ingest FILE`) listed for reference without a feed
 * address — and the reply says why those cannot be imported elsewhere.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatRef, UserRef } from "../../src/core/command.ts";
import { replyText } from "../../src/core/reply.ts";
import { buildOpml, parseOpml } from "../../src/ingest/opml.ts";
import { startWorld, type World } from "../helpers/command-world.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const group: ChatRef = { platform: "telegram", id: "-1001", type: "group", title: "Veille" };
const admin: UserRef = { id: "1001", name: "admin", isAdmin: async () => true, isOwner: async () => false };

/** The `text` of every outline, and the xmlUrl/url of each. */
function outlines(xml: string): Array<{ text: string; xmlUrl?: string; url?: string }> {
  return [...xml.matchAll(/<outline ([^>]*?)\/>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1] ?? "")?.[1];
    return { text: attr("text") ?? "", xmlUrl: attr("xmlUrl"), url: attr("url") };
  });
}

describe("/exportsources", () => {
  let w: World;
  const demo = ["courrier-des-steppes.xml", "depeches-de-la-volga.xml", "eurasie-hebdo.xml"];
  beforeAll(async () => {
    w = await startWorld();
    for (const [i, f] of demo.entries()) {
      await w.store.addSource({ url: pathToFileURL(join(root, "demo", f)).href, title: `Démo ${i + 1}` });
    }
  });
  afterAll(async () => w?.close());

  const run = (command: string, lang: "fr" | "en" = "fr") =>
    w.core.handle({ command, args: "", lang, chat: group, user: admin });

  it("exports every source /sources lists, local feed files included, and says why they have no feed address", async () => {
    const listed = replyText(await run("sources"));
    for (const n of ["Démo 1", "Démo 2", "Démo 3"]) expect(listed).toContain(n);
    const r = await run("exportsources");
    const xml = String(r.attachment?.content ?? "");
    const out = outlines(xml);
    expect(out.map((o) => o.text)).toEqual(["Démo 1", "Démo 2", "Démo 3"]);
    for (const o of out) expect(o.url).toMatch(/^file:\/\/.*\/demo\/.*\.xml$/);
    const text = replyText(r);
    expect(text).toContain("3 sources exportées au format OPML");
    expect(text).toContain("Dont 3 fichiers de flux locaux, listés");
    expect(text).toContain("newsbot ingest FICHIER");
    expect(replyText(await run("exportsources", "en"))).toContain("3 of them are local feed files");
    // Re-importing it says what it holds instead of "no feed".
    expect(() => parseOpml(xml)).toThrow(/3 local feed file\(s\) are listed for reference only/);
  });

  it("writes feeds as subscriptions beside the local files, and the export imports back", async () => {
    await w.store.addSource({ url: "https://steppe-info.example/rss", title: "Steppe Info", topics: ["energie"] });
    const r = await run("exportsources");
    const xml = String(r.attachment?.content ?? "");
    expect(outlines(xml).find((o) => o.text === "Steppe Info")?.xmlUrl).toBe("https://steppe-info.example/rss");
    expect(outlines(xml)).toHaveLength(4);
    expect(replyText(r)).toContain("4 sources exportées");
    expect(parseOpml(xml)).toEqual([
      { url: "https://steppe-info.example/rss", title: "Steppe Info", categories: ["energie"] },
    ]);
  });

  it("escapes titles and file names", () => {
    const xml = buildOpml([{ url: "file:///tmp/a%20%26%20b.xml", title: 'Flux "A" & <B>', topics: [] }]);
    expect(xml).toContain('text="Flux &quot;A&quot; &amp; &lt;B&gt;"');
    expect(() => parseOpml(xml)).toThrow(/local feed file/);
  });
});

describe("newsbot sources export", () => {
  it("writes the demo's three sources to the file and says what it wrote", () => {
    const dir = mkdtempSync(join(tmpdir(), "newsbot-export-"));
    const env = { ...process.env, LOG_LEVEL: "error", DATABASE_URL: `file:${join(dir, "bot.db")}` };
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [join(root, "bin/newsbot.mjs"), ...args], {
        cwd: root,
        env,
        encoding: "utf8",
        timeout: 60_000,
      });
    const ingest = cli([
      "ingest",
      ...["courrier-des-steppes.xml", "depeches-de-la-volga.xml", "eurasie-hebdo.xml"].map((f) =>
        join(root, "demo", f),
      ),
    ]);
    expect(ingest.status, ingest.stderr).toBe(0);
    const file = join(dir, "sources.opml");
    const r = cli(["sources", "export", file]);
    expect(r.status, r.stderr).toBe(0);
    const out = outlines(readFileSync(file, "utf8"));
    expect(out).toHaveLength(3);
    for (const o of out) expect(o.url).toMatch(/^file:\/\/.*\/demo\/[a-z-]+\.xml$/);
    expect(r.stderr).toMatch(/3 source\(s\) written to .*sources\.opml \(3 of them local feed file\(s\)/);
    const toStdout = cli(["sources", "export"]);
    expect(outlines(toStdout.stdout)).toHaveLength(3);
  }, 120_000);
});
