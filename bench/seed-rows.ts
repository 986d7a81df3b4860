/**
 * Bulk archive for the query benchmarks: N invented articles with their stories, people, quotes, events and
 * topics, written through the drivers in bulk (prepared statements in one transaction on SQLite, COPY on
 * PostgreSQL) into a database the migrations created.
 * Triggers and generated columns still run, so the full-text indexes are real.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { foldKey } from "../src/core/name-key.ts";
import { foldText } from "../src/store/fold.ts";
import { registerSearchFunctions } from "../src/store/search-sqlite.ts";
import { copyRows } from "./pg-copy.ts";
import { generateArticle, SPEAKERS } from "./text.ts";

/** Theme of the generator -> topic slugs of the default taxonomy. */
const TOPICS: Record<string, string[]> = {
  énergie: ["energie", "economie-commerce"],
  commerce: ["economie-commerce"],
  sanctions: ["sanctions", "economie-commerce"],
  transport: ["transport-logistique"],
  sécurité: ["securite", "multilateral"],
  migration: ["migration"],
  culture: ["culture-education"],
};
const SLUGS = [...new Set(Object.values(TOPICS).flat())];
const SOURCES = ["Steppe Hebdo", "Courrier d'Astana", "La Lettre de Moscou", "Eurasie Matin", "Le Veilleur caspien"];

/** Rows of one table as column arrays of equal length. */
type Rows = Record<string, unknown[]>;

function iso(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

/** Builds the rows of articles [from, to) (ids are 1-based and dense). */
function buildRows(from: number, to: number, total: number) {
  const end = Date.UTC(2025, 10, 20, 9);
  const span = 11 * 365 * 86_400_000;
  const t: Record<string, Rows> = {
    Story: { id: [], title: [], firstSeenAt: [], lastSeenAt: [], articleCount: [], sourceCount: [] },
    Article: {
      id: [],
      sourceId: [],
      url: [],
      guid: [],
      title: [],
      publishedAt: [],
      language: [],
      body: [],
      contentHash: [],
      signature: [],
      storyId: [],
      createdAt: [],
    },
    Quote: { articleId: [], text: [], textFold: [], speakerName: [], speakerKey: [], personId: [], position: [] },
    Event: {
      articleId: [],
      startDate: [],
      endDate: [],
      startYear: [],
      startMonth: [],
      startDay: [],
      precision: [],
      phrase: [],
      summary: [],
      searchFold: [],
      position: [],
      createdAt: [],
    },
    ArticlePerson: { articleId: [], personId: [], mentions: [] },
    ArticleTopic: { articleId: [], topicId: [] },
  };
  const push = (table: string, row: Record<string, unknown>) => {
    const cols = t[table] as Rows;
    for (const k of Object.keys(cols)) (cols[k] as unknown[]).push(row[k]);
  };
  for (let i = from; i < to; i++) {
    const id = i + 1;
    const a = generateArticle(i, 11);
    // Oldest first: ids grow with time, as in a real archive.
    const at = new Date(end - span + Math.floor((span * i) / total));
    const story = id % 3 === 2 ? id - 1 : id; // every third article joins the previous story
    if (story === id) {
      push("Story", {
        id,
        title: a.title,
        firstSeenAt: iso(at),
        lastSeenAt: iso(at),
        articleCount: id % 3 === 1 ? 2 : 1,
        sourceCount: id % 3 === 1 ? 2 : 1,
      });
    }
    push("Article", {
      id,
      sourceId: 1 + (i % SOURCES.length),
      url: `https://bench.example/a/${id}`,
      guid: `g${id}`,
      title: a.title,
      publishedAt: iso(at),
      language: "fr",
      body: a.body,
      contentHash: `h${id}`,
      signature: JSON.stringify({ people: a.speakers.map(foldKey), dates: a.events.map((e) => e.iso) }),
      storyId: story,
      createdAt: iso(at),
    });
    a.quotes.forEach((q, pos) => {
      const p = SPEAKERS.findIndex((s) => s.name === q.speaker) + 1;
      push("Quote", {
        articleId: id,
        text: q.text,
        textFold: foldText(q.text),
        speakerName: q.speaker,
        speakerKey: foldKey(q.speaker),
        personId: p,
        position: pos,
      });
    });
    a.events.forEach((e, pos) => {
      const [y, m, d] = e.iso.split("-").map(Number) as [number, number, number];
      const summary = `${a.title.slice(0, 80)}`;
      push("Event", {
        articleId: id,
        startDate: e.iso,
        endDate: e.iso,
        startYear: y,
        startMonth: m,
        startDay: d,
        precision: "day",
        phrase: e.phrase,
        summary,
        searchFold: foldText(`${e.phrase} ${summary}`),
        position: pos,
        createdAt: iso(at),
      });
    });
    for (const name of new Set(a.speakers)) {
      push("ArticlePerson", { articleId: id, personId: SPEAKERS.findIndex((s) => s.name === name) + 1, mentions: 2 });
    }
    for (const slug of TOPICS[a.theme] ?? []) push("ArticleTopic", { articleId: id, topicId: SLUGS.indexOf(slug) + 1 });
  }
  return t;
}

/** Reference rows: sources, people with aliases, topics. */
function referenceRows(): Record<string, Rows> {
  return {
    Source: {
      id: SOURCES.map((_, i) => i + 1),
      // file: URLs: the bot under test never polls them (only http(s) sources are fetched).
      url: SOURCES.map((_, i) => `file:///bench/feed-${i + 1}.xml`),
      title: [...SOURCES],
      createdAt: SOURCES.map(() => iso(new Date(Date.UTC(2015, 0, 1)))),
    },
    Person: {
      id: SPEAKERS.map((_, i) => i + 1),
      name: SPEAKERS.map((s) => s.name),
      key: SPEAKERS.map((s) => foldKey(s.name)),
      role: SPEAKERS.map((s) => s.role),
      createdAt: SPEAKERS.map(() => iso(new Date(Date.UTC(2015, 0, 1)))),
    },
    PersonAlias: {
      alias: SPEAKERS.map((s) => s.name),
      key: SPEAKERS.map((s) => foldKey(s.name)),
      personId: SPEAKERS.map((_, i) => i + 1),
    },
    Topic: { id: SLUGS.map((_, i) => i + 1), slug: [...SLUGS] },
  };
}

/** Articles per chunk: a multiple of 3, so no story (every third article joins the previous one) spans two chunks. */
const CHUNK = 2100;
const ORDER = ["Story", "Article", "Quote", "Event", "ArticlePerson", "ArticleTopic"];

/**
 * Writes `count` articles (and everything around them) into an empty, migrated SQLite database: prepared
 * statements in one transaction, without a journal or fsync while it fills (the file is new and thrown away if
 * this fails), then back to WAL as the bot runs it.
 */
export function seedSqlite(url: string, count: number): void {
  const db = new Database(url.replace(/^file:/, ""));
  // The French stem index triggers call the store's search function.
  registerSearchFunctions(db);
  // The migrations left the file in WAL mode, which cannot go straight to OFF (it would stay WAL and the one
  // transaction would fill a WAL as big as the database).
  db.pragma("journal_mode = DELETE");
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144"); // 256 MB of page cache while filling
  const statements = new Map<string, ReturnType<Database["prepare"]>>();
  const write = (table: string, rows: Rows) => {
    const cols = Object.keys(rows);
    const n = (rows[cols[0] as string] as unknown[]).length;
    if (n === 0) return;
    const key = `${table}(${cols.join(",")})`;
    let stmt = statements.get(key);
    if (!stmt) {
      stmt = db.prepare(
        `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(",")}) VALUES (${cols.map(() => "?").join(",")})`,
      );
      statements.set(key, stmt);
    }
    const columns = cols.map((c) => rows[c] as unknown[]);
    for (let i = 0; i < n; i++) stmt.run(...columns.map((col) => normal(col[i])));
  };
  db.exec("BEGIN");
  for (const [table, rows] of Object.entries(referenceRows())) write(table, rows);
  for (let from = 0; from < count; from += CHUNK) {
    const rows = buildRows(from, Math.min(count, from + CHUNK), count);
    for (const table of ORDER) write(table, rows[table] as Rows);
  }
  db.exec("COMMIT");
  db.exec("ANALYZE");
  db.pragma("journal_mode = WAL");
  db.close();
}

function normal(v: unknown): unknown {
  return typeof v === "boolean" ? Number(v) : v;
}

/**
 * Writes `count` articles into an empty, migrated PostgreSQL database with COPY, as one loads a dump: the
 * secondary indexes of the filled tables are dropped first and built again at the end (one sort each instead of
 * a million index insertions), foreign-key triggers are off while copying when the role may turn them off
 * (a superuser, as the throwaway server's), and the next chunk is generated while the server copies this one.
 */
export async function seedPg(url: string, count: number): Promise<void> {
  const clients = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
  await Promise.all(clients.map((c) => c.connect()));
  const c = clients[0] as pg.Client;
  for (const [table, rows] of Object.entries(referenceRows())) await copyRows(c, table, rows);
  const indexes = await c.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY($1) AND indexname NOT LIKE '%_pkey'`,
    [ORDER],
  );
  for (const i of indexes.rows) await c.query(`DROP INDEX "${i.indexname}"`);
  const noTriggers = await Promise.all(
    clients.map((x) =>
      x.query("SET session_replication_role = replica").then(
        () => true,
        () => false,
      ),
    ),
  );
  // Two connections copy alternate chunks (the server computes each article's tsvector: its main cost).
  const copying: Array<Promise<void>> = clients.map(() => Promise.resolve());
  for (let from = 0, k = 0; from < count; from += CHUNK, k++) {
    const rows = buildRows(from, Math.min(count, from + CHUNK), count);
    const slot = k % clients.length;
    await copying[slot];
    const client = clients[slot] as pg.Client;
    copying[slot] = (async () => {
      for (const table of ORDER) await copyRows(client, table, rows[table] as Rows);
    })();
  }
  await Promise.all(copying);
  if (noTriggers[0]) await c.query("SET session_replication_role = DEFAULT");
  await c.query("SET maintenance_work_mem = '512MB'");
  for (const i of indexes.rows) await c.query(i.indexdef);
  // Explicit ids were inserted: move the sequences past them so later inserts do not collide.
  for (const table of ["Source", "Person", "Topic", "Story", "Article"]) {
    await c.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max("id") FROM "${table}"))`);
  }
  await c.query("VACUUM ANALYZE");
  await Promise.all(clients.map((x) => x.end()));
}
