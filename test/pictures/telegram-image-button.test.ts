/**
 * The "🖼 image" button under a text timeline on Telegram: an inline button (callback data) under the last
 * message, or under every page of a paged timeline; pressing it sends the timeline's picture for the same filter
 * and number of events to the same chat and topic; an unknown or forgotten button says to run the command again.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Chart, PictureRenderer } from "../../src/core/picture.ts";
import { alice, ask, bob, forum, type Harness, privateChat, startHarness } from "../adapters/telegram/harness.ts";
import { sampleData } from "../fakes/news-queries.ts";
import { type ApiCall, messageIdOf } from "../fakes/telegram-api.ts";
import { solidPng } from "../helpers/png.ts";
import { timelineFixture } from "./fixtures.ts";

type Button = { text: string; callback_data: string };
const rowsOf = (c: ApiCall | undefined): Button[][] =>
  (c?.payload.reply_markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? [];
const imageButton = (c: ApiCall | undefined) =>
  rowsOf(c)
    .flat()
    .find((b) => b.text === "🖼 image");

const charts: Chart[] = [];
const renderer: PictureRenderer = {
  async render(chart) {
    charts.push(chart);
    return { png: solidPng(64, 32), width: 64, height: 32, filename: chart.filename, alt: chart.alt };
  },
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ data: { ...sampleData(), timeline: timelineFixture(25) }, pictures: renderer });
});
afterAll(async () => {
  await h.stop();
});

const timelineCalls = () => h.queries.calls.filter((c) => c.method === "timeline").map((c) => c.args[0]);

describe("Telegram: 🖼 image under a text timeline", () => {
  test("a paged timeline has the button under every page; pressing it sends the same events drawn", async () => {
    const first = await ask(h, privateChat, alice, "/timeline Astana 2025");
    expect(rowsOf(first).map((r) => r.map((b) => b.text))).toEqual([["1/2", "▶"], ["🖼 image"]]);
    const asked = timelineCalls().at(-1);
    expect(asked).toMatchObject({ person: "Astana", from: "2025-01-01", to: "2025-12-31", limit: 20 });

    // Turning the page keeps the button.
    const messageId = messageIdOf(first);
    h.fake.pressButton(privateChat, alice, messageId, rowsOf(first)[0]?.[1]?.callback_data ?? "");
    const edit = await h.fake.waitForCall("editMessageText", (c) => c.errorCode === 0);
    expect(imageButton(edit)?.callback_data).toBe(imageButton(first)?.callback_data);

    const answered = h.fake.sent("answerCallbackQuery").length;
    h.fake.pressButton(privateChat, alice, messageId, imageButton(edit)?.callback_data ?? "");
    const [photo] = await h.fake.waitForCalls("sendPhoto", 1);
    expect(photo?.errorCode).toBe(0);
    expect(String(photo?.payload.chat_id)).toBe(String(privateChat.id));
    expect(photo?.payload.caption).toContain("<b>Chronologie — Astana, 2025</b>");
    expect(photo?.payload.caption).toMatch(/20 événements, de /);
    // The same query again, with the same number of events.
    expect(timelineCalls().at(-1)).toEqual(asked);
    expect(charts).toHaveLength(1);
    // The press itself is answered (no spinner left on the button).
    await h.fake.waitForCalls("answerCallbackQuery", answered + 1, (c) => c.errorCode === 0);
  });

  test("a short timeline has it under its message; in a forum topic the picture goes to that topic", async () => {
    const first = await ask(h, forum, bob, "/timeline Moscou 3", { threadId: 77 });
    expect(rowsOf(first).map((r) => r.map((b) => b.text))).toEqual([["🖼 image"]]);
    const before = h.fake.sent("sendPhoto").length;
    h.fake.pressButton(forum, bob, messageIdOf(first), imageButton(first)?.callback_data ?? "", 77);
    const photo = (await h.fake.waitForCalls("sendPhoto", before + 1))[before];
    expect(String(photo?.payload.chat_id)).toBe(String(forum.id));
    expect(photo?.payload.message_thread_id).toBe(77);
    // Bob's client is in English: the picture answers in his language, with the 3 events of the text.
    expect(photo?.payload.caption).toContain("<b>Timeline — Moscou</b>");
    expect(photo?.payload.caption).toMatch(/^3 events, from /m);
  });

  test("an unknown button, or a forgotten one, says to run the command again", async () => {
    const before = h.fake.sent("sendPhoto").length;
    h.fake.pressButton(privateChat, alice, 1, "ac:AAAAAAAA");
    const a = await h.fake.waitForCall("answerCallbackQuery", (c) => typeof c.payload.text === "string");
    expect(a.payload.text).toContain("relancez la commande");
    expect(h.fake.sent("sendPhoto")).toHaveLength(before);
  });
});
