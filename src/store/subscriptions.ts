/**
 * Subscriptions (digests, anniversaries, alerts). The schedule is data: `nextDueAt` is stored, computed by
 * the scheduler (src/schedule/next-due.ts) and cleared here whenever a schedule field changes.
 */
import type { Lang, Platform } from "../core/command.ts";
import type {
  Frequency,
  NewSubscription,
  SubscriptionKind,
  SubscriptionPatch,
  SubscriptionRecord,
} from "../core/delivery.ts";
import { isLang } from "../core/i18n/index.ts";
import type { Prisma } from "../generated/sqlite/client.ts";
import { type ChatRow, chatStore, toChatRecord } from "./chats.ts";
import type { Db } from "./db.ts";

const KINDS: SubscriptionKind[] = ["digest", "anniversaries", "alerts"];

type SubRow = Prisma.SubscriptionGetPayload<{ include: { chat: true } }>;

function parseList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** Maps a row (with its chat) to the shared record, resolving time zone and language from the chat. */
export function toSubscriptionRecord(r: SubRow): SubscriptionRecord {
  const chat = toChatRecord(r.chat as ChatRow);
  const lang: Lang = isLang(r.language) ? r.language : chat.language;
  return {
    id: r.id,
    chat,
    threadId: r.threadId,
    kind: (KINDS as string[]).includes(r.kind) ? (r.kind as SubscriptionKind) : "digest",
    frequency: r.frequency === "weekly" ? "weekly" : "daily",
    time: r.time,
    weekday: r.weekday,
    timezone: r.timezone ?? chat.timezone,
    topics: parseList(r.topics),
    terms: { include: parseList(r.includeTerms), exclude: parseList(r.excludeTerms) },
    languages: parseList(r.articleLanguages),
    language: lang,
    chart: r.chart,
    active: r.active,
    nextDueAt: r.nextDueAt,
    lastPeriodKey: r.lastPeriodKey,
    coveredUntil: r.coveredUntil,
    createdAt: r.createdAt,
  };
}

/** Throws RangeError on a bad time ("HH:MM"), weekday or IANA time zone. */
export function checkSchedule(s: { time?: string; weekday?: number | null; timezone?: string | null }): void {
  if (s.time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(s.time)) throw new RangeError(`bad time: ${s.time}`);
  if (s.weekday != null && !(Number.isInteger(s.weekday) && s.weekday >= 0 && s.weekday <= 6)) {
    throw new RangeError(`bad weekday: ${s.weekday}`);
  }
  if (s.timezone) new Intl.DateTimeFormat("en", { timeZone: s.timezone });
}

const activeWhere = { active: true, chat: { active: true } } as const;

/** Subscription operations of the delivery store. */
export function subscriptionStore(db: Db) {
  const chats = chatStore(db);
  const byId = async (id: number) => {
    const r = await db.subscription.findUnique({ where: { id }, include: { chat: true } });
    return r ? toSubscriptionRecord(r) : null;
  };
  return {
    getSubscription: byId,
    async addSubscription(s: NewSubscription): Promise<SubscriptionRecord> {
      if (!KINDS.includes(s.kind)) throw new RangeError(`bad subscription kind: ${s.kind}`);
      checkSchedule(s);
      const frequency: Frequency = s.frequency ?? "daily";
      const weekday = frequency === "weekly" ? (s.weekday ?? 1) : null;
      const chat = await chats.upsertChat(s.chat, { language: s.language ?? undefined });
      const r = await db.subscription.create({
        data: {
          chatId: chat.id,
          threadId: s.chat.threadId ?? null,
          kind: s.kind,
          frequency,
          time: s.time ?? "08:00",
          weekday,
          timezone: s.timezone ?? null,
          topics: JSON.stringify(s.topics ?? []),
          articleLanguages: JSON.stringify(s.languages ?? []),
          language: s.language ?? null,
          chart: s.chart ?? false,
        },
        include: { chat: true },
      });
      return toSubscriptionRecord(r);
    },
    async updateSubscription(id: number, patch: SubscriptionPatch): Promise<SubscriptionRecord | null> {
      checkSchedule(patch);
      const data: Prisma.SubscriptionUpdateInput = {};
      if (patch.frequency !== undefined) data.frequency = patch.frequency;
      if (patch.time !== undefined) data.time = patch.time;
      if (patch.weekday !== undefined) data.weekday = patch.weekday;
      if (patch.timezone !== undefined) data.timezone = patch.timezone;
      if (patch.topics !== undefined) data.topics = JSON.stringify(patch.topics);
      if (patch.languages !== undefined) data.articleLanguages = JSON.stringify(patch.languages);
      if (patch.language !== undefined) data.language = patch.language;
      if (patch.active !== undefined) data.active = patch.active;
      if (patch.chart !== undefined) data.chart = patch.chart;
      const scheduleChanged = ["frequency", "time", "weekday", "timezone", "active"].some((k) => k in patch);
      if (scheduleChanged) data.nextDueAt = null;
      const n = await db.subscription.updateMany({
        where: { id },
        data: data as Prisma.SubscriptionUpdateManyMutationInput,
      });
      return n.count > 0 ? byId(id) : null;
    },
    async removeSubscription(id: number): Promise<boolean> {
      const n = await db.subscription.deleteMany({ where: { id } });
      return n.count > 0;
    },
    async subscriptionsOfChat(platform: Platform, externalId: string): Promise<SubscriptionRecord[]> {
      const rows = await db.subscription.findMany({
        where: { active: true, chat: { platform, externalId } },
        include: { chat: true },
        orderBy: { id: "asc" },
      });
      return rows.map(toSubscriptionRecord);
    },
    async unscheduledSubscriptions(limit: number): Promise<SubscriptionRecord[]> {
      const rows = await db.subscription.findMany({
        where: { ...activeWhere, nextDueAt: null },
        include: { chat: true },
        orderBy: { id: "asc" },
        take: limit,
      });
      return rows.map(toSubscriptionRecord);
    },
    async dueSubscriptions(now: Date, limit: number): Promise<SubscriptionRecord[]> {
      const rows = await db.subscription.findMany({
        where: { ...activeWhere, nextDueAt: { lte: now } },
        include: { chat: true },
        orderBy: [{ nextDueAt: "asc" }, { id: "asc" }],
        take: limit,
      });
      return rows.map(toSubscriptionRecord);
    },
    async setNextDue(id: number, expected: Date | null, next: Date): Promise<boolean> {
      const n = await db.subscription.updateMany({ where: { id, nextDueAt: expected }, data: { nextDueAt: next } });
      return n.count > 0;
    },
  };
}
