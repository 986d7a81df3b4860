/**
 * Pictures on Telegram: sendPhoto as a multipart upload with an HTML caption within 1,024 characters, the rest
 * of the text as follow-up messages, in command replies and proactive sends (digests).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { planCaption } from "../../src/adapters/telegram/photo.ts";
import { alice, type Harness, privateChat, startHarness } from "../adapters/telegram/harness.ts";
import { solidPng } from "../helpers/png.ts";
import { chartProbe, PROBE_SIZE, pictureReply } from "./probe.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ extraCommands: [chartProbe] });
});
afterAll(async () => {
  await h.stop();
});

describe("Telegram pictures", () => {
  test("a command's picture goes out as sendPhoto, multipart, with the escaped caption", async () => {
    h.fake.userSays(privateChat, alice, "/chartprobe");
    const [call] = await h.fake.waitForCalls("sendPhoto", 1);
    expect(call?.errorCode).toBe(0);
    expect(call?.payload.photo).toBe(`attach://${call?.files[0]?.field}`);
    expect(call?.files[0]?.size).toBe(pictureReply(3).picture?.png.byteLength);
    expect(call?.payload.parse_mode).toBe("HTML");
    expect(call?.payload.caption).toContain("<b>Chronologie — Énergie</b>");
    expect(call?.payload.caption).toContain("Accord &lt;gaz&gt; &amp; pétrole n°1 — Токаев");
    expect(call?.text).toContain("+2 de plus");
    const result = call?.result as { photo?: Array<{ width: number }> } | undefined;
    expect(result?.photo?.[0]?.width).toBe(PROBE_SIZE.width);
    expect(h.fake.sent("sendMessage", privateChat.id)).toEqual([]);
  });

  test("a caption over 1,024 characters is cut between lines; the rest follows as a message", async () => {
    const before = h.fake.sent("sendMessage", privateChat.id).length;
    h.fake.userSays(privateChat, alice, "/chartprobe 40");
    const photos = await h.fake.waitForCalls("sendPhoto", 2);
    const photo = photos[1];
    expect(photo?.errorCode).toBe(0);
    expect(photo?.text?.length).toBeLessThanOrEqual(1024);
    const [follow] = (await h.fake.waitForCalls("sendMessage", before + 1)).slice(before);
    const all = `${photo?.text}\n${follow?.text}`;
    for (let i = 1; i <= 40; i++) expect(all.split(`pétrole n°${i} `).length - 1).toBe(1);
    expect(follow?.text).toContain("+2 de plus");
    expect(follow?.text).toContain("pétrole n°40 ");
  });

  test("a proactive send (digest) returns the photo's and the follow-up's message ids", async () => {
    const r = await h.adapter.send({ platform: "telegram", id: "5001", type: "private" }, pictureReply(40));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.messageIds).toHaveLength(2);
    const photo = h.fake.sent("sendPhoto", 5001)[0];
    expect(photo?.files[0]?.filename).toMatch(/\.png$/);
  });

  test("a picture beyond Telegram's photo limits goes as a document", async () => {
    const reply = pictureReply(1);
    const tall = {
      ...reply,
      picture: { ...(reply.picture ?? ({} as never)), png: solidPng(10, 300), width: 10, height: 300 },
    };
    const r = await h.adapter.send({ platform: "telegram", id: "5002", type: "private" }, tall);
    expect(r.ok).toBe(true);
    expect(h.fake.sent("sendPhoto", 5002)).toEqual([]);
    expect(h.fake.sent("sendDocument", 5002)[0]?.payload.caption).toContain("Chronologie");
  });
});

describe("planCaption", () => {
  test("keeps everything in the caption when it fits, nothing follows", () => {
    const p = planCaption(pictureReply(3));
    expect(p.followUps).toEqual([]);
    expect(p.caption.html).toContain("<i>+2 de plus</i>");
  });

  test("never exceeds the limit, even with one over-long line", () => {
    const reply = { ...pictureReply(1), lines: [[{ text: "é".repeat(3000) }]] };
    const p = planCaption(reply, 1024);
    expect(p.caption.length).toBeLessThanOrEqual(1024);
    const total = p.caption.length + p.followUps.reduce((n, r) => n + r.length, 0);
    expect(total).toBeGreaterThanOrEqual(3000);
  });
});
