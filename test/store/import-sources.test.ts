/** Sources imported from OPML are stored all or nothing. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { freshDatabase, type TestDatabase } from "./backends.ts";

describe("importing sources on SQLite", () => {
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

  it("imports OPML entries in one transaction: a failure stores none of them", async () => {
    const entries = [
      { url: "https://a.example/rss", title: "A", topics: [] },
      { url: "https://b.example/rss", title: "B", topics: ["energie"] },
    ];
    const broken = [...entries, { url: "https://c.example/rss", topics: [], title: 42 as unknown as string }];
    await expect(store.importSources(broken, "cli")).rejects.toThrow();
    expect(await store.listSources()).toEqual([]);
    expect(await store.importSources(entries, "cli")).toEqual({ added: 2, existing: 0 });
    expect(await store.importSources(entries, "cli")).toEqual({ added: 0, existing: 2 });
  });
});
