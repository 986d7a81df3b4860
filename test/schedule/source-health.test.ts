/** Source health notices: the adding chat is warned once when its source keeps failing, told once when it recovers. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatRef } from "../../src/core/command.ts";
import { silentLogger } from "../../src/core/logger.ts";
import type { SendResult } from "../../src/core/platform.ts";
import { type Reply, replyText } from "../../src/core/reply.ts";
import { createSourceHealthNotifier } from "../../src/schedule/source-health.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { freshDatabase, type TestDatabase } from "../store/backends.ts";

describe("source health notices on SQLite", () => {
  let tdb: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    tdb = await freshDatabase("sqlite");
    store = await createStore(tdb.url, silentLogger);
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
  });

  it("warns the adding chat once, then announces the recovery once", async () => {
    const s = await store.addSource({
      url: "https://failing.example/rss",
      title: "Flux fragile",
      addedBy: "telegram:-100200300:77",
    });
    const sent: Array<{ target: ChatRef; reply: Reply }> = [];
    const day = 86_400_000;
    let now = new Date(s.createdAt.getTime() + day);
    const notifier = createSourceHealthNotifier({
      sources: store,
      send: async (target, reply): Promise<SendResult> => {
        sent.push({ target, reply });
        return { ok: true, messageIds: ["1"] };
      },
      clock: { now: () => now },
      logger: silentLogger,
    });
    await store.recordFetchFailure(s.id, { at: now, error: "HTTP 500", nextFetchAt: now, disable: false });
    await notifier.check();
    expect(sent).toEqual([]); // failing for a day: not yet a warning
    now = new Date(s.createdAt.getTime() + 4 * day + 60_000);
    // the stored reason, not the English text, makes the notice (in the chat's language: French by default)
    const reason = { key: "reason.http" as const, params: { status: 500 } };
    await store.recordFetchFailure(s.id, { at: now, error: "HTTP 500", reason, nextFetchAt: now, disable: false });
    expect(await notifier.check()).toMatchObject({ warned: 1 });
    expect(await notifier.check()).toMatchObject({ warned: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.target).toMatchObject({ platform: "telegram", id: "-100200300", threadId: "77" });
    expect(replyText(sent[0]?.reply as Reply)).toContain(
      "La source « Flux fragile » échoue depuis 4 jours (le serveur a répondu HTTP 500)",
    );
    await store.recordFetchSuccess(s.id, { at: now, etag: null, lastModified: null, nextFetchAt: now });
    expect(await notifier.check()).toMatchObject({ recovered: 1 });
    expect(replyText(sent[1]?.reply as Reply)).toBe("✅ La source « Flux fragile » fonctionne de nouveau.");
    expect(await notifier.check()).toMatchObject({ recovered: 0 });
    expect(sent).toHaveLength(2);
  });
});
