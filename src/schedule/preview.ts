/**
 * `/digest` and `newsbot digest --dry-run`: the next post of a chat, composed now from what arrived since
 * its previous post, without touching the outbox or the schedule. The preview says which period it covers
 * (since the previous post, the last 7 days for a weekly digest) and says so when nothing new was published.
 * A weekly digest with `chart` carries the week's chart as `Reply.chart` (the /digest command draws it).
 */
import type { ChatRef, Lang, TopicInfo } from "../core/command.ts";
import type { DeliveryStore, DigestPreviewer, SubscriptionRecord } from "../core/delivery.ts";
import { failureText } from "../core/failure-notice.ts";
import { formatLongDay } from "../core/format.ts";
import type { PlatformLimitsTable } from "../core/platform.ts";
import { line, type Reply } from "../core/reply.ts";
import { localParts } from "../core/zoned-time.ts";
import { buildPost, periodStart } from "../digest/build.ts";
import { ds } from "../digest/strings.ts";
import { localDay } from "./next-due.ts";
import { currentPeriod, firstWindowStart, nextDueFor } from "./periods.ts";
import { weekChart } from "./week-chart.ts";

export interface PreviewOptions {
  store: DeliveryStore;
  topics: TopicInfo[];
  /** Every platform's limits by id: the preview is the post as the chat's platform would get it. */
  limits: PlatformLimitsTable;
  alertEveryMinutes?: number;
}

/** A daily 08:00 digest of every topic: what an unsubscribed chat is shown. */
function defaultSubscription(chat: ChatRef, lang: Lang, now: Date): SubscriptionRecord {
  return {
    id: 0,
    chat: {
      id: 0,
      platform: chat.platform,
      externalId: chat.id,
      type: chat.type,
      title: chat.title ?? null,
      language: lang,
      timezone: "Europe/Paris",
      active: true,
      inactiveReason: null,
    },
    threadId: chat.threadId ?? null,
    kind: "digest",
    frequency: "daily",
    time: "08:00",
    weekday: null,
    timezone: "Europe/Paris",
    topics: [],
    terms: { include: [], exclude: [] },
    languages: [],
    language: lang,
    chart: false,
    active: true,
    nextDueAt: null,
    lastPeriodKey: null,
    coveredUntil: null,
    createdAt: now,
  };
}

/** Builds the previewer used by the `/digest` command and the CLI. */
export function createDigestPreviewer(opts: PreviewOptions): DigestPreviewer & {
  /** Previews of every subscription of the chat (CLI). */
  previewAll(chat: ChatRef, lang: Lang, now: Date): Promise<Reply[]>;
} {
  const alertEvery = opts.alertEveryMinutes ?? 15;

  /** Day, time and zone of an instant in the subscription's zone, for the preview's notes. */
  function when(at: Date, sub: SubscriptionRecord): { date: string; time: string; tz: string } {
    const l = localParts(at, sub.timezone);
    return {
      date: formatLongDay(localDay(at, sub.timezone), sub.language),
      time: `${String(l.hh).padStart(2, "0")}:${String(l.mm).padStart(2, "0")}`,
      tz: sub.timezone,
    };
  }

  async function previewOne(sub: SubscriptionRecord, now: Date, subscribed: boolean): Promise<Reply> {
    const lang = sub.language;
    const next = sub.nextDueAt && sub.nextDueAt > now ? sub.nextDueAt : nextDueFor(sub, now, alertEvery);
    const period = currentPeriod(sub, now, alertEvery);
    const from = sub.coveredUntil ?? firstWindowStart(sub, period, alertEvery);
    const nextDay = localDay(next, sub.timezone);
    const window = { from, to: now };
    const reply = await buildPost(sub, nextDay, window, {
      queries: opts.store,
      topics: opts.topics,
      limits: opts.limits,
      sendEmptyDigest: false,
    });
    const since = when(periodStart(sub, window), sub);
    const weekly = sub.kind === "digest" && sub.frequency === "weekly";
    const notes = [
      subscribed ? ds(lang, "previewNext", when(next, sub)) : ds(lang, "previewNone"),
      ...(sub.kind === "anniversaries" ? [] : [ds(lang, weekly ? "previewPeriodWeekly" : "previewPeriod", since)]),
    ];
    if (subscribed) {
      const failure = await opts.store.lastFailure(sub.id);
      if (failure) notes.push(failureText(lang, failure));
    }
    // The chart as the post would carry it; a failure here leaves the preview in text (delivery logs its own).
    const chart = reply ? await weekChart(sub, nextDay, opts.store, opts.topics).catch(() => null) : null;
    const body = reply
      ? { ...reply, ...(chart ? { chart } : {}) }
      : { lines: [line(ds(lang, "previewNothing", since))], kind: "empty" as const };
    return { ...body, footer: notes.join("\n") };
  }

  async function previewAll(chat: ChatRef, lang: Lang, now: Date): Promise<Reply[]> {
    const subs = await opts.store.subscriptionsOfChat(chat.platform, chat.id);
    if (subs.length === 0) return [await previewOne(defaultSubscription(chat, lang, now), now, false)];
    const out: Reply[] = [];
    for (const s of subs) out.push(await previewOne(s, now, true));
    return out;
  }

  return {
    previewAll,
    async preview(chat, lang, now) {
      const subs = await opts.store.subscriptionsOfChat(chat.platform, chat.id);
      const sub =
        subs.find((s) => s.kind === "digest" && (s.threadId ?? null) === (chat.threadId ?? null)) ??
        subs.find((s) => s.kind === "digest") ??
        subs[0];
      return sub ? previewOne(sub, now, true) : previewOne(defaultSubscription(chat, lang, now), now, false);
    },
  };
}
