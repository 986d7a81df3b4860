import { afterAll, beforeAll, describe, expect, it } from "vitest";
import digestCommand from "../../commands/digest.ts";
import { runDigestCli } from "../../src/cli/digest.ts";
import type { CommandRequest, Services } from "../../src/core/command.ts";
import { replyText } from "../../src/core/reply.ts";
import { createDigestPreviewer } from "../../src/schedule/preview.ts";
import { limits } from "../fakes/limits.ts";
import { addArticle, openWorld, subscribe, topics, type World } from "../helpers/world.ts";

const chat = { platform: "telegram" as const, id: "-4242", type: "group" as const };

function request(services: Partial<Services>, now: Date, lang: "fr" | "en" = "fr"): CommandRequest {
  return {
    command: "digest",
    args: "",
    options: {},
    lang,
    chat,
    user: { id: "1", isAdmin: async () => false },
    now,
    services: services as Services,
  };
}

describe("/digest and newsbot digest --dry-run", () => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld("sqlite", "2026-11-23T10:00:00Z");
    await subscribe(w, chat, { time: "18:00", timezone: "Asia/Almaty", topics: ["energie"] });
    await addArticle(w, {
      title: "Hausse des livraisons d'uranium vers la Russie",
      at: "2026-11-23T09:00:00Z",
      topics: ["energie"],
    });
    await addArticle(w, {
      title: "Rencontre des ministres de la Défense à Omsk",
      at: "2026-11-23T09:30:00Z",
      topics: ["defense"],
    });
  });
  afterAll(async () => w.close());

  it("shows the next digest of the chat now, with its topic filter and next time, and sends nothing", async () => {
    const previewer = createDigestPreviewer({ store: w.store, topics, limits });
    const reply = await digestCommand.run(request({ digests: previewer }, w.clock.now()));
    const text = replyText(reply);
    expect(reply.title).toBe("Revue du 23 novembre 2026");
    expect(text).toContain("Hausse des livraisons d'uranium");
    expect(text).not.toContain("Omsk");
    expect(text).toContain("prochain envoi le 23 novembre 2026 à 18:00 (Asia/Almaty)");
    expect(w.telegram.sent).toHaveLength(0);
    expect(await w.store.outboxRows()).toHaveLength(0);
  });

  it("applies the subscription's word filter to story titles", async () => {
    const previewer = createDigestPreviewer({ store: w.store, topics, limits });
    const [sub] = await w.store.subscriptionsOfChat("telegram", "-4242");
    await w.db.subscription.update({
      where: { id: sub?.id ?? 0 },
      data: { excludeTerms: JSON.stringify(["uranium"]) },
    });
    const text = replyText(await previewer.preview(chat, "fr", w.clock.now()));
    await w.db.subscription.update({ where: { id: sub?.id ?? 0 }, data: { excludeTerms: "[]" } });
    expect(text).not.toContain("uranium");
    expect(text).toContain("Rien à envoyer pour l'instant");
  });

  it("previews a default daily digest for a chat without subscription", async () => {
    const previewer = createDigestPreviewer({ store: w.store, topics, limits });
    const reply = await previewer.preview({ ...chat, id: "-1" }, "en", w.clock.now());
    expect(replyText(reply)).toContain("No subscription here");
    expect(replyText(reply)).toContain("Omsk");
  });

  it("says so when scheduled posts are not wired", async () => {
    const reply = await digestCommand.run(request({}, w.clock.now(), "en"));
    expect(replyText(reply)).toBe("Scheduled posts are not enabled on this bot.");
  });

  it("prints the preview from the command line", async () => {
    const out: string[] = [];
    const code = await runDigestCli(["--chat", "telegram:-4242", "--dry-run"], {
      store: w.store,
      topics,
      limits,
      clock: w.clock,
      lang: "fr",
      out: (s) => out.push(s),
    });
    expect(code).toBe(0);
    expect(out.join("\n")).toContain("Hausse des livraisons d'uranium");
    await expect(
      runDigestCli(["--chat", "telegram:-4242"], {
        store: w.store,
        topics,
        limits,
        clock: w.clock,
        lang: "fr",
        out: () => {},
      }),
    ).rejects.toThrow(/usage/);
    // A platform the bot does not know is named, with the ones it knows.
    await expect(
      runDigestCli(["--chat", "slack:C123", "--dry-run"], {
        store: w.store,
        topics,
        limits,
        clock: w.clock,
        lang: "fr",
        out: () => {},
      }),
    ).rejects.toThrow('--chat: unknown platform "slack" (known: telegram, discord, console)');
  });
});
