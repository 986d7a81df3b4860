/**
 * A test world for scheduled delivery: a fresh store, a fake clock, recording adapters for Telegram and
 * Discord, the delivery loop and the scheduler. Articles are stored with a chosen arrival time.
 */
import { createHash } from "node:crypto";
import { topicInfos } from "../../src/analysis/topic-info.ts";
import type { NewSubscription, SubscriptionRecord } from "../../src/core/delivery.ts";
import type { Clock } from "../../src/core/logger.ts";
import { saveArticle } from "../../src/core/store.ts";
import { recordingLogger } from "../../src/logging.ts";
import { createDelivery, type Delivery, type DeliveryOptions } from "../../src/outbox/delivery.ts";
import {
  createDigestScheduler,
  type DigestScheduler,
  type DigestSchedulerOptions,
} from "../../src/schedule/digest-scheduler.ts";
import { createDb, type Db } from "../../src/store/db.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { limits } from "../fakes/limits.ts";
import { type RecordingSender, recordingSender, type SentMessage } from "../fakes/recording-sender.ts";
import { type BackendName, freshDatabase, type TestDatabase } from "../store/backends.ts";
import { analysis, event, input, quote } from "../store/builder.ts";

export class FakeClock implements Clock {
  private t: number;
  constructor(iso: string) {
    this.t = Date.parse(iso);
  }
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export const topics = topicInfos();

export interface World {
  tdb: TestDatabase;
  store: Store;
  db: Db;
  clock: FakeClock;
  telegram: RecordingSender;
  discord: RecordingSender;
  /** Every accepted message with the fake time it was sent at. */
  log: Array<SentMessage & { at: Date }>;
  logs: ReturnType<typeof recordingLogger>;
  delivery: Delivery;
  scheduler: DigestScheduler;
  close(): Promise<void>;
}

export async function openWorld(
  backend: BackendName,
  start: string,
  opts: { delivery?: Partial<DeliveryOptions>; scheduler?: Partial<DigestSchedulerOptions> } = {},
): Promise<World> {
  const tdb = await freshDatabase(backend);
  const logs = recordingLogger();
  const store = await createStore(tdb.url, logs);
  const { db } = await createDb(tdb.url);
  const clock = new FakeClock(start);
  const log: World["log"] = [];
  const telegram = recordingSender("telegram", (m) => log.push({ ...m, at: clock.now() }));
  const discord = recordingSender("discord", (m) => log.push({ ...m, at: clock.now() }));
  const delivery = createDelivery({
    store,
    adapters: { telegram, discord },
    clock,
    logger: logs,
    backoff: { random: () => 0 },
    ...opts.delivery,
  });
  const scheduler = createDigestScheduler({ store, delivery, topics, limits, clock, logger: logs, ...opts.scheduler });
  return {
    tdb,
    store,
    db,
    clock,
    telegram,
    discord,
    log,
    logs,
    delivery,
    scheduler,
    async close() {
      await scheduler.stop();
      await store.close();
      await db.$disconnect();
      await tdb.drop();
    },
  };
}

let seq = 0;

/**
 * Stores an invented article that "arrived" at `at` (its createdAt), in a new story unless `storyId`;
 * `published` is its feed date (none by default), `url` its link (an invented one by default), `language` the
 * language its analysis found.
 */
export async function addArticle(
  w: Pick<World, "store" | "db">,
  a: {
    title: string;
    at: string;
    topics?: string[];
    source?: string;
    storyId?: number;
    published?: string;
    url?: string | null;
    quote?: { text: string; speaker: string };
    event?: { start: string; summary: string };
    /** The analysis language (French by default). */
    language?: string;
  },
): Promise<{ articleId: number; storyId: number }> {
  seq++;
  const src = await w.store.addSource({
    url: `https://${a.source ?? "steppe-info"}.example/rss`,
    title: a.source ?? "Steppe Info",
  });
  const text = `${a.title}. Article numéro ${seq} sur les relations entre Astana et Moscou.`;
  const an = analysis({
    title: a.title,
    text,
    topics: a.topics ?? [],
    language: a.language ?? "fr",
    quotes: a.quote ? [quote(a.quote.text, a.quote.speaker)] : [],
    events: a.event ? [event(a.event.start, a.event.start, a.event.summary)] : [],
  });
  const r = await saveArticle(w.store, {
    input: input({
      title: a.title,
      sourceId: src.id,
      url: a.url !== undefined ? a.url : `https://${a.source ?? "steppe-info"}.example/a/${seq}`,
      publishedAt: a.published ? new Date(a.published) : null,
    }),
    analysis: an,
    contentHash: createHash("sha256").update(text).digest("hex"),
    storyId: a.storyId ?? null,
  });
  await w.db.article.update({ where: { id: r.articleId }, data: { createdAt: new Date(a.at) } });
  return { articleId: r.articleId, storyId: r.storyId };
}

/** A Telegram group chat with this id. */
export const group = (id: string) => ({ platform: "telegram" as const, id, type: "group" as const });

/**
 * Subscribes a chat (a Telegram group by id, or any chat) as `/subscribe` would — a daily digest at 08:00 Paris
 * time unless `sub` says otherwise (alerts and anniversaries get only what `sub` gives) — then ticks the scheduler once, so the subscription's first post is planned
 * at the world's current time.
 */
export async function subscribe(
  w: Pick<World, "store" | "scheduler">,
  chat: string | NewSubscription["chat"],
  sub: Partial<Omit<NewSubscription, "chat">> = {},
): Promise<SubscriptionRecord> {
  const digest = (sub.kind ?? "digest") === "digest";
  const record = await w.store.addSubscription({
    chat: typeof chat === "string" ? group(chat) : chat,
    kind: "digest",
    ...(digest ? { time: "08:00", timezone: "Europe/Paris" } : {}),
    ...sub,
  });
  await w.scheduler.tick();
  return record;
}

/** Advances the clock in steps, ticking the scheduler after each step, until `until`. */
export async function runUntil(w: World, until: string, stepMs = 30 * 60_000): Promise<void> {
  const end = Date.parse(until);
  while (w.clock.now().getTime() + stepMs <= end) {
    w.clock.advance(stepMs);
    await w.scheduler.tick();
  }
}

/** Local "YYYY-MM-DD HH:MM" of an instant in a zone. */
export function local(at: Date, tz: string): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: tz,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
}
