/**
 * The "🖼 image" button under a text timeline on Discord: a button component under the reply (kept when its pages
 * are turned); clicking it defers, then answers with the timeline's picture for the same filter and number of
 * events, uploaded and shown by the embed; a forgotten button says to run the command again, only to the clicker.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Chart, PictureRenderer } from "../../src/core/picture.ts";
import { type Harness, startHarness } from "../adapters/discord/harness.ts";
import { buttonIds, embedsOf, rawText } from "../adapters/discord/helpers.ts";
import type { Json } from "../fakes/discord-rest.ts";
import { sampleData } from "../fakes/news-queries.ts";
import { solidPng } from "../helpers/png.ts";
import { timelineFixture } from "./fixtures.ts";

const charts: Chart[] = [];
const png = solidPng(64, 32);
const renderer: PictureRenderer = {
  async render(chart) {
    charts.push(chart);
    return { png, width: 64, height: 32, filename: chart.filename, alt: chart.alt };
  },
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ data: { ...sampleData(), timeline: timelineFixture(40) }, pictures: renderer });
});
afterAll(async () => {
  await h.stop();
});

type Button = { custom_id: string; label?: string };
const buttons = (data: Json): Button[] =>
  ((data.components as Json[] | undefined) ?? []).flatMap((r) => (r.components as Button[] | undefined) ?? []);
const imageId = (data: Json) => buttons(data).find((b) => b.label === "🖼 image")?.custom_id ?? "";
const timelineCalls = () => h.queries.calls.filter((c) => c.method === "timeline").map((c) => c.args[0]);

describe("Discord: 🖼 image under a text timeline", () => {
  test("clicking it answers with the picture of the same events; turning pages keeps it", async () => {
    const ix = h.fake.slashCommand("timeline", { query: "Astana", count: 30 });
    const first = await h.fake.waitForReply(ix);
    expect(imageId(first.data)).toMatch(/^nb:ac:[A-Za-z0-9_-]{8}$/);
    const asked = timelineCalls().at(-1);
    expect(asked).toMatchObject({ person: "Astana", limit: 30 });

    // 30 events are paged: the next page still has the button.
    const message = h.fake.originalMessage(ix);
    const next = await h.fake.waitForReply(h.fake.clickButton(buttonIds(first.data)[1] ?? "", message));
    expect(next.callbackType).toBe(7);
    expect(imageId(next.data)).toBe(imageId(first.data));

    const click = h.fake.clickButton(imageId(first.data), message);
    const answer = await h.fake.waitForReply(click);
    expect(answer.deferred).toBe(true);
    expect(answer.ephemeral).toBe(false);
    const embeds = embedsOf(answer.data) as Array<{ title?: string; image?: { url?: string } }>;
    expect(embeds[0]?.title).toBe("Chronologie — Astana");
    expect(rawText(answer.data)).toMatch(/30 événements, de /);
    expect(embeds[0]?.image?.url).toBe("attachment://timeline.png");
    const upload = h.fake.calls.find((c) => c.path.includes(click.token) && c.files.length > 0);
    expect(upload?.files[0]?.filename).toBe("timeline.png");
    expect(upload?.files[0]?.bytes.equals(Buffer.from(png))).toBe(true);
    expect(timelineCalls().at(-1)).toEqual(asked);
    expect(charts).toHaveLength(1);
  });

  test("a short timeline has the button alone; an unknown one answers only the clicker", async () => {
    const ix = h.fake.slashCommand("timeline", { query: "Moscou", count: 3 }, { locale: "en-US" });
    const first = await h.fake.waitForReply(ix);
    expect(buttons(first.data).map((b) => b.label)).toEqual(["🖼 image"]);
    const gone = await h.fake.waitForReply(h.fake.clickButton("nb:ac:AAAAAAAA", h.fake.originalMessage(ix)));
    expect(gone.ephemeral).toBe(true);
    expect(rawText(gone.data)).toContain("Ce bouton a expiré");
  });
});
