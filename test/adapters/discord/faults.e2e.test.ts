/**
 * Faults end to end: gateway drops, invalid sessions, zombie connections, slow queries, 429 bursts, 5xx,
 * hostile input and refused admin commands. The bot must keep answering and lose nothing.
 */
import { describe, expect, it } from "vitest";
import { CLOSE, PERMS } from "../../fakes/discord-api.ts";
import { type Harness, harnessPerTest, OWNER_ID, slowGate } from "./harness.ts";
import { embedsOf, rawText, visibleText } from "./helpers.ts";

const start = harnessPerTest();

async function latestWorks(h: Harness): Promise<void> {
  const reply = await h.fake.waitForReply(h.fake.slashCommand("latest"), 8000);
  expect(embedsOf(reply.data)[0]?.title).toBe("Dernières nouvelles");
}

describe("gateway faults", () => {
  it("start() rejects on a refused token and leaves nothing running", async () => {
    const h = await start({ noStart: true });
    h.fake.fault({
      method: "GET",
      path: /^\/gateway\/bot$/,
      status: 401,
      body: { message: "401: Unauthorized", code: 0 },
    });
    await expect(h.adapter.start()).rejects.toThrow();
    expect(h.adapter.client).toBeNull();
    expect(h.fake.gateway.count("connect")).toBe(0);
  });

  it("resumes after a dropped connection and delivers the interaction sent meanwhile", async () => {
    const h = await start();
    h.fake.gateway.closeAll(CLOSE.unknownError);
    const ix = h.fake.slashCommand("latest"); // kept by the fake until the session is live again
    await h.fake.gateway.waitFor(() => h.fake.gateway.events.some((e) => e.kind === "resume" && e.accepted));
    expect(h.fake.gateway.count("identify")).toBe(1);
    await h.fake.waitForReply(ix);
    await latestWorks(h);
  });

  it("identifies again after an invalid session (op 9)", async () => {
    const h = await start();
    h.fake.gateway.invalidSession(false);
    await h.fake.gateway.waitFor(() => h.fake.gateway.count("identify") === 2 && h.fake.gateway.live);
    await latestWorks(h);
  });

  it("identifies again when the session timed out (close 4009, resume refused)", async () => {
    const h = await start();
    h.fake.gateway.closeAll(CLOSE.sessionTimedOut);
    await h.fake.gateway.waitFor(() => h.fake.gateway.count("identify") === 2 && h.fake.gateway.live, 8000);
    expect(h.fake.gateway.events.some((e) => e.kind === "resume" && !e.accepted)).toBe(true);
    await latestWorks(h);
  });

  it("reconnects a zombie connection whose heartbeats are not acknowledged", async () => {
    const h = await start({ fake: { heartbeatIntervalMs: 150 } });
    h.fake.gateway.ackHeartbeats = false;
    await h.fake.gateway.waitFor(() => h.fake.gateway.events.some((e) => e.kind === "resume"), 8000);
    h.fake.gateway.ackHeartbeats = true;
    await h.fake.gateway.waitFor(() => h.fake.gateway.live, 8000);
    await latestWorks(h);
  });
});

describe("the 3-second window", () => {
  it("defers a reply whose query is slower than deferAfterMs, then edits @original", async () => {
    const h = await start({ adapter: { deferAfterMs: 50 } });
    slowGate.close();
    const ix = h.fake.slashCommand("slowprobe");
    // The query is still blocked when the deferral reaches Discord; only then does it finish.
    const deferral = await h.fake.waitForRest("POST", new RegExp(`/interactions/${ix.id}/`));
    expect(deferral.body).toMatchObject({ type: 5 });
    slowGate.open();
    const reply = await h.fake.waitForReply(ix);
    expect(reply.callbackType).toBe(5);
    expect(reply.deferred).toBe(true);
    expect(visibleText(reply.data)).toContain("réponse après une longue requête");
    const calls = h.fake.calls.filter((c) => c.path.includes(ix.token) || c.path.includes(ix.id));
    expect(calls.map((c) => `${c.method} ${c.path.replace(ix.token, "T").replace(ix.id, "I")}`)).toEqual([
      "POST /interactions/I/T/callback",
      `PATCH /webhooks/${h.fake.applicationId}/T/messages/@original`,
    ]);
  });

  it("answers at once when the query is fast, and defers at once for commands marked slow", async () => {
    const h = await start({ adapter: { deferAfterMs: 2000 } });
    slowGate.open();
    expect((await h.fake.waitForReply(h.fake.slashCommand("slowprobe"))).callbackType).toBe(4);
    const declared = await h.fake.waitForReply(h.fake.slashCommand("report"));
    expect(declared.callbackType).toBe(5);
    expect(visibleText(declared.data)).toContain("Résultat lent");
  });

  it("turns a deferred reply that ends in an error into an ephemeral follow-up", async () => {
    const h = await start();
    const ix = h.fake.slashCommand("slowfail");
    const reply = await h.fake.waitForReply(ix);
    expect(reply).toMatchObject({ callbackType: 5, deferred: true, ephemeral: true });
    expect(visibleText(reply.data)).toContain("Requête refusée : période trop longue.");
    expect(ix.deleted).toBe(true);
  });
});

describe("rate limits and server errors on channel posts", () => {
  const channel = "300000000000000002";
  const target = { platform: "discord" as const, id: channel, type: "guild" as const };
  const digest = (n: number) => ({ title: `Digest ${n}`, lines: [[{ text: `Sujet numéro ${n}` }]] });

  it("keeps under an announced per-channel limit: no 429, nothing lost", async () => {
    const h = await start();
    h.fake.rateLimitChannel(channel, 3, 150);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => h.adapter.send(target, digest(i))));
    expect(results.every((r) => r.ok)).toBe(true);
    const titles = h.fake.channelMessages(channel).map((m) => embedsOf(m)[0]?.title);
    expect(new Set(titles).size).toBe(10);
    expect(h.fake.calls.filter((c) => c.status === 429)).toEqual([]);
  });

  it("loses nothing in a burst that hits unannounced 429s", async () => {
    const h = await start();
    h.fake.rateLimitChannel(channel, 3, 150, false);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => h.adapter.send(target, digest(i))));
    expect(results.every((r) => r.ok)).toBe(true);
    const titles = h.fake.channelMessages(channel).map((m) => embedsOf(m)[0]?.title);
    expect(new Set(titles).size).toBe(10);
    expect(h.fake.calls.filter((c) => c.status === 429).length).toBeGreaterThan(0);
  });

  it("waits out a global 429 with Retry-After and retries 5xx", async () => {
    const h = await start();
    h.fake.fault({
      method: "POST",
      path: /\/channels\//,
      status: 429,
      body: { message: "You are being rate limited.", retry_after: 0.05, global: true },
      headers: { "Retry-After": "0.05", "X-RateLimit-Global": "true", "X-RateLimit-Scope": "global" },
    });
    h.fake.fault({ method: "POST", path: /\/channels\//, status: 502, times: 2 });
    const r = await h.adapter.send(target, digest(1));
    expect(r.ok).toBe(true);
    expect(h.fake.channelMessages(channel)).toHaveLength(1);
    expect(h.fake.calls.filter((c) => c.path === `/channels/${channel}/messages`).map((c) => c.status)).toEqual([
      429, 502, 502, 200,
    ]);
  });

  it("reports unknown channels and missing permissions as permanent failures", async () => {
    const h = await start();
    const unknown = await h.adapter.send({ ...target, id: "399999999999999999" }, digest(1));
    expect(unknown).toMatchObject({ ok: false, permanent: true });
    h.fake.forbidChannel("300000000000000003");
    const forbidden = await h.adapter.send({ ...target, id: "300000000000000003" }, digest(2));
    expect(forbidden).toMatchObject({ ok: false, permanent: true });
    h.fake.fault({ method: "POST", path: /\/channels\//, status: 500, times: 10 });
    const down = await h.adapter.send(target, digest(3));
    expect(down).toMatchObject({ ok: false, permanent: false });
  });

  it("posts a long reply as several messages within the limits, to the thread when set", async () => {
    const h = await start();
    const lines = Array.from({ length: 120 }, (_, i) => [{ text: `${"Ligne très longue ".repeat(10)} ${i}` }]);
    const r = await h.adapter.send({ ...target, threadId: "300000000000000001" }, { title: "Digest", lines });
    expect(r.ok && r.messageIds.length).toBeGreaterThan(1);
    const posted = h.fake.channelMessages("300000000000000001");
    expect(posted.length).toBe(r.ok ? r.messageIds.length : -1);
    expect(posted.map((m) => visibleText(m)).join("\n")).toContain("Ligne très longue  119");
  });
});

describe("hostile input and permissions", () => {
  it("never turns user text into markdown or mentions", async () => {
    const h = await start();
    const evil = "**gras** @everyone <@123> [lien](https://evil.test) # titre `code` ||spoil||";
    const reply = await h.fake.waitForReply(h.fake.slashCommand("search", { text: evil }));
    const raw = rawText(reply.data);
    expect(raw).not.toContain("[lien](");
    expect(raw).not.toContain("**gras**");
    expect(raw).not.toContain("<@123>");
    expect(raw).not.toContain("@everyone");
    expect(raw).not.toContain("||spoil||");
    expect(visibleText(reply.data)).toContain("@everyone <@123> [lien](https://evil.test) # titre");
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
  });

  it("refuses 10,000-character arguments, survives random bytes, and keeps answering", async () => {
    const h = await start();
    const long = await h.fake.waitForReply(h.fake.slashCommand("search", { text: "é".repeat(10_000) }));
    expect(long.ephemeral).toBe(true);
    expect(visibleText(long.data)).toContain("Argument trop long");
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let n = 0; n < 5; n++) {
      const junk = String.fromCharCode(...Array.from({ length: 300 }, () => rnd() % 0xffff));
      const reply = await h.fake.waitForReply(
        h.fake.slashCommand(n % 2 ? "quote" : "timeline", { [n % 2 ? "speaker" : "query"]: junk }),
      );
      expect([4, 5]).toContain(reply.callbackType);
      for (const e of embedsOf(reply.data)) expect((e.title ?? "").length).toBeLessThanOrEqual(256);
    }
    await latestWorks(h);
  });

  it("refuses admin commands to members without Manage Server, allows them to managers and owners", async () => {
    const h = await start();
    const member = await h.fake.waitForReply(h.fake.slashCommand("adminprobe", {}, { permissions: PERMS.member }));
    expect(member.ephemeral).toBe(true);
    expect(visibleText(member.data)).toContain("réservée aux administrateurs");
    const manager = PERMS.member | PERMS.manageGuild;
    const ok = await h.fake.waitForReply(h.fake.slashCommand("adminprobe", {}, { permissions: manager }));
    expect(visibleText(ok.data)).toContain("droits admin confirmés");
    const admin = await h.fake.waitForReply(
      h.fake.slashCommand("adminprobe", {}, { permissions: PERMS.administrator }),
    );
    expect(visibleText(admin.data)).toContain("droits admin confirmés");
  });

  it("in DMs only owners may run admin commands", async () => {
    const h = await start();
    const dm = { guildId: null, permissions: PERMS.manageGuild };
    const stranger = await h.fake.waitForReply(h.fake.slashCommand("adminprobe", {}, dm));
    expect(visibleText(stranger.data)).toContain("réservée aux administrateurs");
    const owner = { ...dm, user: { id: OWNER_ID, username: "proprietaire" } };
    const ok = await h.fake.waitForReply(h.fake.slashCommand("adminprobe", {}, owner));
    expect(visibleText(ok.data)).toContain("droits admin confirmés");
  });
});
