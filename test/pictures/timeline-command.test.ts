/** `/timeline … image` through the dispatcher: a picture with a short caption, or text when there is nothing to draw. */
import { describe, expect, it } from "vitest";
import type { ChatRef, UserRef } from "../../src/core/command.ts";
import type { PictureRenderer } from "../../src/core/picture.ts";
import type { IncomingCommand } from "../../src/core/platform.ts";
import { replyText } from "../../src/core/reply.ts";
import { recordingLogger } from "../../src/logging.ts";
import { createPictureRenderer } from "../../src/pictures/render.ts";
import { fakeQueries, sampleData } from "../fakes/news-queries.ts";
import { testCore } from "../fakes/services.ts";
import { decodePng } from "../helpers/png.ts";
import { timelineFixture } from "./fixtures.ts";

const chat: ChatRef = { platform: "console", id: "c1", type: "private" };
const member: UserRef = { id: "u1", isAdmin: async () => false };
const cmd = (args: string, lang: "fr" | "en" = "fr", options?: IncomingCommand["options"]): IncomingCommand => ({
  command: "timeline",
  args,
  lang,
  chat,
  user: member,
  ...(options ? { options } : {}),
});
const renderer = createPictureRenderer();
const queries = () => fakeQueries({ ...sampleData(), timeline: timelineFixture(40) });

describe("/timeline … image", () => {
  it("answers with a picture and a caption that counts the events and the unlabelled ones", {
    timeout: 60_000,
  }, async () => {
    const core = testCore({ pictures: renderer, queries: queries() });
    const reply = await core.handle(cmd("image count:40"));
    expect(reply.picture).toBeDefined();
    expect(decodePng(reply.picture?.png ?? new Uint8Array()).width).toBe(reply.picture?.width);
    const text = replyText(reply);
    expect(reply.title).toBe("Chronologie");
    expect(text).toMatch(/^40 événements, de \d+(?:er)? \S+ 2024 à \d+(?:er)? \S+ 202[56]$/m);
    expect(text).toMatch(/\+\d+ de plus sans étiquette dans l'image : \/timeline les liste tous\./);
  });

  it("takes the word in English, and the Discord boolean option", { timeout: 60_000 }, async () => {
    const core = testCore({ pictures: renderer, queries: queries() });
    const en = await core.handle(cmd("picture", "en"));
    expect(replyText(en)).toMatch(/^30 events, from /m);
    const discord = await core.handle(cmd("", "fr", { image: true }));
    expect(discord.picture?.filename).toBe("timeline.png");
    const text = await core.handle(cmd("", "fr", { image: false }));
    expect(text.picture).toBeUndefined();
  });

  it("offers a 🖼 image button under the text for the same filter, only where the bot draws", async () => {
    const text = await testCore({ pictures: renderer, queries: queries() }).handle(
      cmd("Moscou 2025 from:2025-03-01 5"),
    );
    expect(text.picture).toBeUndefined();
    expect(text.actions).toEqual([
      {
        label: "🖼 image",
        command: "timeline",
        options: { query: "Moscou", period: "2025", from: "2025-03-01", count: 5, image: true },
      },
    ]);
    const en = await testCore({ pictures: renderer, queries: queries() }).handle(cmd("", "en"));
    expect(en.actions?.[0]?.options).toEqual({ count: 20, image: true });
    expect((await testCore({ queries: queries() }).handle(cmd(""))).actions).toBeUndefined();
  });

  it("says there is nothing to draw instead of sending an empty chart", async () => {
    const empty = { ...queries(), timeline: async () => [] };
    const core = testCore({ pictures: renderer, queries: empty });
    const reply = await core.handle(cmd("introuvable image"));
    expect(reply.picture).toBeUndefined();
    expect(reply.kind).toBe("empty");
    expect(replyText(reply)).toContain("Aucun événement daté trouvé pour « introuvable »");
  });

  it("answers in text, saying why, without a renderer or when drawing fails", async () => {
    const none = await testCore({ queries: queries() }).handle(cmd("image"));
    expect(none.picture).toBeUndefined();
    expect(replyText(none)).toContain("Les images ne sont pas activées");
    const logger = recordingLogger();
    const broken: PictureRenderer = { render: async () => Promise.reject(new Error("resvg exploded")) };
    const failed = await testCore({ queries: queries(), pictures: broken, logger }).handle(cmd("image"));
    const ref = /réf\. ([0-9a-f]{8})/.exec(replyText(failed))?.[1];
    expect(ref).toBeDefined();
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ level: "error", msg: "picture failed", fields: expect.objectContaining({ id: ref }) }),
    );
  });
});
