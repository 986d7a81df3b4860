/**
 * A full disk, simulated without root by SQLite's per-connection `PRAGMA max_page_count` on the bot's own
 * connection: ingestion stops with a message naming the database (the CLI exits 1), the bot keeps answering
 * reads, answers writes with "storage full" in the chat's language, and works again by itself once there is
 * room. Before, SQLite's automatic rollback left Prisma's transaction lock taken and every later write hung.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app.ts";
import { ingestTargets } from "../../src/cli/commands.ts";
import type { ChatRef, Lang, UserRef } from "../../src/core/command.ts";
import { StorageFullError } from "../../src/core/errors.ts";
import { t } from "../../src/core/i18n/index.ts";
import { silentLogger } from "../../src/core/logger.ts";
import type { BotCore } from "../../src/core/platform.ts";
import { replyText } from "../../src/core/reply.ts";
import type { Ingestor } from "../../src/ingest/pipeline.ts";
import { recordingLogger } from "../../src/logging.ts";
import { createDb, type Db } from "../../src/store/db.ts";
import { applyMigrations, buildStore, type Store } from "../../src/store/index.ts";
import { commandCore } from "../helpers/command-world.ts";

const root = join(import.meta.dirname, "../..");
const demo = (name: string) => join(root, "demo", name);
const dm: ChatRef = { platform: "telegram", id: "4242", type: "private" };
const owner: UserRef = { id: "4242", isAdmin: async () => true, isOwner: async () => true };

describe("a full disk (SQLite, max_page_count)", () => {
  let dir: string;
  let file: string;
  let db: Db;
  let store: Store;
  let ingestor: Ingestor;
  let core: BotCore;
  const logger = recordingLogger();
  const clock = { now: () => new Date("2026-11-22T10:00:00Z") };
  const run = async (command: string, args: string, lang: Lang = "fr") =>
    replyText(await core.handle({ command, args, lang, chat: dm, user: owner }));
  const EVENT = "Ouverture d'un nouveau poste-frontière à Orenbourg";
  /**
   * No page beyond the current ones, and the free room of the event pages used up by events like the one the
   * test adds: the next write that needs room fails with SQLITE_FULL, as on a full disk.
   */
  const fill = async () => {
    const [row] = await db.$queryRawUnsafe<Array<{ page_count: bigint }>>("PRAGMA page_count");
    await db.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(row?.page_count)}`);
    for (let i = 0; i < 5000; i++) {
      const e = { start: "2021-06-01", end: "2021-06-01", precision: "day" as const, createdBy: "telegram:1" };
      const full = await store.addCuratedEvent({ ...e, phrase: EVENT, summary: EVENT }).then(
        () => false,
        (err: unknown) => /is full/.test(String(err)),
      );
      if (full) return;
    }
    throw new Error("the database never filled up");
  };
  const makeRoom = () => db.$queryRawUnsafe("PRAGMA max_page_count = 1073741823");

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "newsbot-full-"));
    file = join(dir, "bot.db");
    await applyMigrations(`file:${file}`, silentLogger);
    ({ db } = await createDb(`file:${file}`));
    store = buildStore(db, "sqlite");
    ({ core, ingestor } = commandCore({ store, clock, logger }));
    expect((await ingestor.ingestFile(demo("courrier-des-steppes.xml"))).inserted).toBeGreaterThan(0);
    await fill();
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("stops an ingest with a message naming the database, instead of hanging", async () => {
    const before = (await store.stats()).articles;
    const err = await ingestor.ingestFile(demo("eurasie-hebdo.xml")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toMatch(/is full/);
    // nothing half-written: the batch was rolled back whole
    expect((await store.stats()).articles).toBe(before);
  });

  it("keeps answering reads, and answers writes with 'storage full' in French and English", async () => {
    expect(await run("latest", "")).toContain("Dernières nouvelles");
    expect(await run("search", "Orenbourg")).not.toMatch(/erreur/i);
    const fr = await run("addevent", `2021-06-01 ${EVENT}`);
    expect(fr).toBe(t("fr", "error.storageFull"));
    expect(fr).toContain("Stockage plein");
    const en = await run("addevent", `2021-06-01 ${EVENT}`, "en");
    expect(en).toBe(t("en", "error.storageFull"));
    expect(en).toContain("Storage full");
    const logged = logger.entries.filter((e) => e.level === "error");
    expect(logged.map((e) => [e.msg, e.fields.database])).toContainEqual(["command failed: storage full", file]);
    // later reads are not stuck behind the failed writes
    expect(await run("latest", "")).toContain("Dernières nouvelles");
  });

  it("works again by itself once there is room", async () => {
    await makeRoom();
    expect(await run("addevent", `2021-06-01 ${EVENT}`)).toMatch(/Événement n° \d+ ajouté/);
    expect((await ingestor.ingestFile(demo("eurasie-hebdo.xml"))).inserted).toBeGreaterThan(0);
  });

  it("makes `newsbot ingest` exit 1 with the database's name, and stop before the next file", async () => {
    await fill();
    const out: string[] = [];
    const err: string[] = [];
    const app = { config: { FETCH_ALLOW_HOSTS: [] }, store, ingestor } as unknown as App;
    const code = await ingestTargets(app, [demo("depeches-de-la-volga.xml"), demo("depeches-de-la-volga.xml")], {
      out: (s) => out.push(s),
      err: (s) => err.push(s),
    });
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(file);
    expect(err[0]).toMatch(/is full .*free some space/);
    expect(out).toEqual([]);
    await makeRoom();
  });
});
