/**
 * /digest previews a weekly digest with its chart when the subscription sends one (the picture as the post will
 * carry it), and without it otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import digestCommand from "../../commands/digest.ts";
import type { CommandRequest, Services } from "../../src/core/command.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { replyText } from "../../src/core/reply.ts";
import { createPictureRenderer } from "../../src/pictures/render.ts";
import { createDigestPreviewer } from "../../src/schedule/preview.ts";
import { limits } from "../fakes/limits.ts";
import { decodePng } from "../helpers/png.ts";
import { addArticle, openWorld, topics, type World } from "../helpers/world.ts";

const withChart = { platform: "telegram" as const, id: "-5001", type: "group" as const };
const without = { platform: "telegram" as const, id: "-5002", type: "group" as const };

describe("/digest of a weekly digest with the week's chart", () => {
  let w: World;
  let services: Partial<Services>;
  const request = (chat: typeof withChart): CommandRequest => ({
    command: "digest",
    args: "",
    options: {},
    lang: "fr",
    chat,
    user: { id: "1", isAdmin: async () => false },
    now: w.clock.now(),
    services: services as Services,
  });
  beforeAll(async () => {
    w = await openWorld("sqlite", "2026-11-22T12:00:00Z");
    const weekly = { kind: "digest" as const, frequency: "weekly" as const, time: "08:00", timezone: "Europe/Paris" };
    await w.store.addSubscription({ chat: withChart, ...weekly, chart: true });
    await w.store.addSubscription({ chat: without, ...weekly });
    for (const day of ["2026-11-17", "2026-11-19", "2026-11-21"]) {
      await addArticle(w, {
        title: `Livraisons d'uranium vers la Russie, le ${day}`,
        at: `${day}T12:00:00Z`,
        published: `${day}T10:00:00Z`,
        topics: ["energie"],
      });
    }
    services = {
      digests: createDigestPreviewer({ store: w.store, topics, limits }),
      pictures: createPictureRenderer({ isolate: false }),
      logger: silentLogger,
    };
  });
  afterAll(async () => w?.close());

  it("shows the chart with the digest when the subscription has it on", async () => {
    const reply = await digestCommand.run(request(withChart));
    expect(reply.title).toContain("Revue de la semaine");
    expect(replyText(reply)).toContain("le 2026-11-21");
    expect(reply.picture?.filename).toBe("week.png");
    expect(reply.picture?.alt).toBe("La semaine en articles: 3 articles");
    expect(decodePng(reply.picture?.png ?? new Uint8Array()).width).toBeGreaterThan(1000);
    expect("chart" in reply).toBe(false);
    expect(w.telegram.sent).toHaveLength(0);
  });

  it("shows the digest alone when the subscription has it off", async () => {
    const reply = await digestCommand.run(request(without));
    expect(reply.title).toContain("Revue de la semaine");
    expect(reply.picture).toBeUndefined();
  });

  it("says why there is no picture when the bot has no renderer", async () => {
    const { pictures: _, ...rest } = services;
    services = rest;
    const reply = await digestCommand.run(request(withChart));
    expect(reply.picture).toBeUndefined();
    expect(replyText(reply)).toContain("Livraisons d'uranium");
    expect(replyText(reply)).toContain("Les images ne sont pas activées sur ce bot");
  });
});
