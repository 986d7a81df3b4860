/**
 * The terminal's "🖼 image": Telegram and Discord show a button under a text timeline; the terminal prints it as a
 * numbered line, and typing the number draws the same timeline (same filter, same number of events) as a PNG
 * whose path is printed. A number without such a button is said; without a renderer there is no button.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { runConsoleChat } from "../../../src/adapters/console/console-chat.ts";
import type { Lang } from "../../../src/core/command.ts";
import type { Chart, PictureRenderer } from "../../../src/core/picture.ts";
import { fakeQueries, sampleData } from "../../fakes/news-queries.ts";
import { testCore } from "../../fakes/services.ts";
import { solidPng } from "../../helpers/png.ts";
import { timelineFixture } from "../../pictures/fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "newsbot-terminal-button-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function chat(input: string, opts: { lang?: Lang; pictures?: PictureRenderer } = {}) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = "";
  stdout.on("data", (d) => {
    out += String(d);
  });
  const queries = fakeQueries({ ...sampleData(), timeline: timelineFixture(25) });
  const core = testCore({ queries, ...(opts.pictures ? { pictures: opts.pictures } : {}) });
  const done = runConsoleChat({
    core,
    input: stdin,
    output: stdout,
    lang: opts.lang ?? "fr",
    interactive: false,
    pictureDir: join(dir, "pictures"),
  });
  stdin.end(input);
  await done;
  const timelines = queries.calls.filter((c) => c.method === "timeline").map((c) => c.args[0]);
  return { out, timelines };
}

function recordingRenderer(charts: Chart[]): PictureRenderer {
  return {
    async render(chart) {
      charts.push(chart);
      return { png: solidPng(64, 32), width: 64, height: 32, filename: chart.filename, alt: chart.alt };
    },
  };
}

describe("terminal: 🖼 image under a text timeline", () => {
  it("prints the button as a numbered line; typing its number draws the same timeline and prints the PNG's path", async () => {
    const charts: Chart[] = [];
    const { out, timelines } = await chat("/timeline Astana 2025\n1\n", { pictures: recordingRenderer(charts) });
    const [text, picture] = out.split("[1] 🖼 image — tapez 1");
    expect(text).toContain("Chronologie — Astana, 2025");
    expect(text).not.toMatch(/🖼 \S+\.png/);
    expect(picture).toMatch(/🖼 \S+timeline\.png \(64×32, 1 KB\)/);
    expect(picture).toMatch(/20 événements, de /);
    expect(charts).toHaveLength(1);
    // The same query again, with the same number of events.
    expect(timelines).toHaveLength(2);
    expect(timelines[1]).toEqual(timelines[0]);
    expect(timelines[0]).toMatchObject({ person: "Astana", from: "2025-01-01", to: "2025-12-31", limit: 20 });
  });

  it("in English and Russian too", async () => {
    const pictures = recordingRenderer([]);
    expect((await chat("/timeline Astana\n", { lang: "en", pictures })).out).toContain("[1] 🖼 image — type 1");
    expect((await chat("/timeline Astana\n", { lang: "ru", pictures })).out).toContain("[1] 🖼 график — введите 1");
  });

  it("a number without a button under the last reply is said, and nothing is drawn", async () => {
    const charts: Chart[] = [];
    const { out } = await chat("/timeline Astana\n3\n/latest\n1\n", { pictures: recordingRenderer(charts) });
    expect(out).toContain("Pas de bouton 3 sous la dernière réponse (il y en a 1).");
    // /latest has no button: "1" after it is plain text again.
    expect(out).toContain("Je réponds aux commandes, qui commencent par « / »");
    expect(charts).toHaveLength(0);
  });

  it("without a renderer there is no button, as on the other platforms", async () => {
    const { out } = await chat("/timeline Astana\n1\n");
    expect(out).toContain("Chronologie — Astana");
    expect(out).not.toContain("[1]");
    expect(out).toContain("Je réponds aux commandes, qui commencent par « / »");
  });
});
