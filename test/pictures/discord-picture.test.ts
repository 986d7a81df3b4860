/**
 * Pictures on Discord: the PNG is uploaded with the message and the first embed shows it through
 * `attachment://<name>` — in a slash-command reply and in a proactive send (digest).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { commands as realCommands } from "../../commands/index.ts";
import { type Harness, startHarness } from "../adapters/discord/harness.ts";
import { embedsOf, visibleText } from "../adapters/discord/helpers.ts";
import type { RestCall } from "../fakes/discord-rest.ts";
import { chartProbe, pictureReply } from "./probe.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ commands: [...realCommands, chartProbe] });
});
afterAll(async () => {
  await h.stop();
});

/** The uploaded file the embed's image points at, checked byte for byte. */
function expectPictureReferenced(call: RestCall, embeds: unknown[]): void {
  const url = (embeds[0] as { image?: { url?: string } } | undefined)?.image?.url ?? "";
  expect(url).toMatch(/^attachment:\/\/[A-Za-z0-9._-]+\.png$/);
  const file = call.files.find((f) => `attachment://${f.filename}` === url);
  expect(file?.contentType).toBe("image/png");
  expect(file?.bytes.equals(Buffer.from(pictureReply(1).picture?.png ?? []))).toBe(true);
}

describe("Discord pictures", () => {
  test("a slash command's picture is an attachment shown by the embed", async () => {
    const ix = h.fake.slashCommand("chartprobe");
    const reply = await h.fake.waitForReply(ix);
    const call = await h.fake.waitForRest("POST", new RegExp(`/interactions/${ix.id}/`));
    const embeds = embedsOf(reply.data);
    expectPictureReferenced(call, embeds);
    expect(embeds[0]?.title).toBe("Chronologie — Énergie");
    expect(visibleText(reply.data)).toContain("Accord <gaz> & pétrole n°3 — Токаев");
  });

  test("a proactive send uploads the picture with the first message", async () => {
    const target = { platform: "discord" as const, id: "300000000000000003", type: "guild" as const };
    const r = await h.adapter.send(target, pictureReply(60));
    expect(r.ok).toBe(true);
    const posts = h.fake.calls.filter((c) => c.method === "POST" && c.path.endsWith("/300000000000000003/messages"));
    const first = posts[0];
    if (!first) throw new Error("nothing posted");
    expectPictureReferenced(first, (first.body as { embeds: unknown[] }).embeds);
    const text = h.fake.channelMessages("300000000000000003").map(visibleText).join("\n");
    expect(text).toContain("pétrole n°60 ");
  });
});
