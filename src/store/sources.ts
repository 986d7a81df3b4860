/**
 * SourceStore on Prisma: feeds and local files with their fetch state.
 */
import type { Reason } from "../core/errors.ts";
import type { NewSource, SourceRecord, SourceStore } from "../core/store.ts";
import type { Db } from "./db.ts";
import { isUniqueViolation } from "./db.ts";

type SourceRow = Awaited<ReturnType<Db["source"]["findUniqueOrThrow"]>>;

/** Parses a JSON string array column; anything else gives []. */
export function parseList(json: string | null | undefined): string[] {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** Parses the stored reason of the last failure; anything unreadable gives null (the English text remains). */
export function parseReason(json: string | null | undefined): Reason | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as Partial<Reason> | null;
    if (!v || typeof v.key !== "string" || !v.key.startsWith("reason.")) return null;
    const params = v.params && typeof v.params === "object" ? v.params : undefined;
    return { key: v.key as Reason["key"], ...(params ? { params } : {}) };
  } catch {
    return null;
  }
}

/** Maps a row to the shared record shape. */
export function toSourceRecord(r: SourceRow): SourceRecord {
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    language: r.language,
    topics: parseList(r.topics),
    etag: r.etag,
    lastModified: r.lastModified,
    lastFetchAt: r.lastFetchAt,
    lastSuccessAt: r.lastSuccessAt,
    consecutiveFailures: r.consecutiveFailures,
    lastError: r.lastError,
    lastErrorReason: parseReason(r.lastErrorReason),
    nextFetchAt: r.nextFetchAt,
    paused: r.paused,
    disabled: r.disabled,
    addedBy: r.addedBy,
    healthNotice: r.healthNotice,
    createdAt: r.createdAt,
  };
}

/** Builds the SourceStore methods over a client. */
export function sourceStore(db: Db): SourceStore {
  const getSource = async (id: number) => {
    const r = await db.source.findUnique({ where: { id } });
    return r ? toSourceRecord(r) : null;
  };
  const findSourceByUrl = async (url: string) => {
    const r = await db.source.findUnique({ where: { url } });
    return r ? toSourceRecord(r) : null;
  };
  return {
    async listSources() {
      return (await db.source.findMany({ orderBy: { id: "asc" } })).map(toSourceRecord);
    },
    getSource,
    findSourceByUrl,
    async addSource(s: NewSource) {
      const found = await findSourceByUrl(s.url);
      if (found) return found;
      try {
        const r = await db.source.create({
          data: {
            url: s.url,
            title: s.title ?? null,
            language: s.language ?? null,
            topics: JSON.stringify(s.topics ?? []),
            addedBy: s.addedBy ?? null,
            nextFetchAt: s.nextFetchAt ?? null,
          },
        });
        return toSourceRecord(r);
      } catch (err) {
        // Another process added the same URL between our lookup and insert.
        const again = isUniqueViolation(err) ? await findSourceByUrl(s.url) : null;
        if (again) return again;
        throw err;
      }
    },
    async removeSource(id) {
      const r = await db.source.deleteMany({ where: { id } });
      return r.count > 0;
    },
    async setSourcePaused(id, paused) {
      await db.source.updateMany({ where: { id }, data: { paused } });
    },
    async recordFetchSuccess(id, s) {
      await db.source.updateMany({
        where: { id },
        data: {
          lastFetchAt: s.at,
          lastSuccessAt: s.at,
          etag: s.etag,
          lastModified: s.lastModified,
          nextFetchAt: s.nextFetchAt,
          consecutiveFailures: 0,
          lastError: null,
          lastErrorReason: null,
        },
      });
      // The feed's own title fills in a missing one; it never overrides an admin's.
      if (s.title) await db.source.updateMany({ where: { id, title: null }, data: { title: s.title } });
    },
    async recordFetchFailure(id, f) {
      const r = await db.source.update({
        where: { id },
        data: {
          lastFetchAt: f.at,
          lastError: f.error.slice(0, 1000),
          lastErrorReason: f.reason ? JSON.stringify(f.reason) : null,
          nextFetchAt: f.nextFetchAt,
          consecutiveFailures: { increment: 1 },
          ...(f.disable ? { disabled: true } : {}),
        },
      });
      return toSourceRecord(r);
    },
    async dueSources(now) {
      const rows = await db.source.findMany({
        where: {
          paused: false,
          disabled: false,
          // Local feed files (file: URLs, added by `newsbot ingest FILE`) are never fetched.
          url: { startsWith: "http" },
          OR: [{ nextFetchAt: null }, { nextFetchAt: { lte: now } }],
        },
        orderBy: [{ nextFetchAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
      });
      return rows.map(toSourceRecord);
    },
  };
}
