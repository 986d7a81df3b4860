/**
 * Scheduled delivery: chats, subscriptions (digests, anniversaries, alerts), the outbox, and the data a
 * digest is composed from. Implemented by src/store (Prisma); used by src/schedule, src/outbox, src/digest.
 */
import type { ChatRef, Lang, Platform } from "./command.ts";
import type { CoverageData, CoverageQuery, NewsQueries, QuoteRow, SourceRef } from "./queries.ts";
import type { Reply } from "./reply.ts";

export type SubscriptionKind = "digest" | "anniversaries" | "alerts";
export type Frequency = "daily" | "weekly";

/** A chat or channel the bot posts to. `active` is false once the platform refused it permanently. */
export interface ChatRecord {
  id: number;
  platform: Platform;
  externalId: string;
  type: string | null;
  title: string | null;
  language: Lang;
  timezone: string;
  active: boolean;
  inactiveReason: string | null;
  /** Quiet hours ("HH:MM" local time in `timezone`, set with /settings); absent or null = none. */
  quietStart?: string | null;
  quietEnd?: string | null;
}

/** A chat's quiet hours: scheduled posts due inside are held until `end` (windows may cross midnight). */
export interface QuietHours {
  start: string;
  end: string;
  timezone: string;
}

/** The last post of a subscription given up on (shown by /subscriptions and /digest). */
export interface DeliveryFailure {
  outboxId: number;
  periodKey: string;
  error: string;
}

/** A subscription with its chat; `timezone` and `language` are already resolved (own value, else the chat's). */
export interface SubscriptionRecord {
  id: number;
  chat: ChatRecord;
  /** Telegram forum topic / Discord thread. */
  threadId: string | null;
  kind: SubscriptionKind;
  frequency: Frequency;
  /** "HH:MM", local time in `timezone`. */
  time: string;
  /** 0 = Sunday … 6 = Saturday (weekly only). */
  weekday: number | null;
  timezone: string;
  /** Topic slugs; empty means every topic. */
  topics: string[];
  /** Word filter set with /filter (+include -exclude), applied to story titles; empty lets everything through. */
  terms: { include: string[]; exclude: string[] };
  /** Article languages delivered (ISO 639-1, from SUBSCRIPTION_LANGUAGES), set with `lang:`; empty = every one. */
  languages: string[];
  /** The language the posts are written in. */
  language: Lang;
  /** Weekly digests: the week's coverage chart goes with the digest (`chart` / `nochart`, off by default). */
  chart: boolean;
  active: boolean;
  /** Next instant the scheduler must plan this subscription; null = not computed yet (new or changed). */
  nextDueAt: Date | null;
  lastPeriodKey: string | null;
  /** End of the data window of the last planned post. */
  coveredUntil: Date | null;
  createdAt: Date;
}

export interface NewSubscription {
  chat: ChatRef;
  kind: SubscriptionKind;
  frequency?: Frequency;
  time?: string;
  weekday?: number | null;
  /** Own time zone; defaults to the chat's. */
  timezone?: string | null;
  topics?: string[];
  /** Article languages delivered; empty or absent = every language. */
  languages?: string[];
  language?: Lang | null;
  /** Weekly digests: send the week's coverage chart (default false). */
  chart?: boolean;
}

export type SubscriptionPatch = Partial<
  Pick<NewSubscription, "frequency" | "time" | "weekday" | "timezone" | "topics" | "languages" | "language" | "chart">
> & { active?: boolean };

/**
 * The article languages a subscription may be limited to (`lang:fr,ru`): those the analysis reads. Articles
 * in other languages are stored too, and reach only the subscriptions without a language filter.
 */
export const SUBSCRIPTION_LANGUAGES = ["fr", "ru", "en"] as const;

export interface SubscriptionStore {
  /** Inserts the chat or updates its title/type; returns it. */
  upsertChat(ref: ChatRef, defaults?: { language?: Lang; timezone?: string }): Promise<ChatRecord>;
  findChat(platform: Platform, externalId: string): Promise<ChatRecord | null>;
  /** Marks a chat inactive (blocked, deleted): nothing is sent there any more. */
  markChatInactive(chatId: number, reason: string, at: Date): Promise<void>;
  /** Creates a subscription (and its chat). Its next due time is computed by the scheduler. */
  addSubscription(s: NewSubscription): Promise<SubscriptionRecord>;
  /** Changes a subscription; a schedule change clears `nextDueAt` so the scheduler recomputes it. */
  updateSubscription(id: number, patch: SubscriptionPatch): Promise<SubscriptionRecord | null>;
  removeSubscription(id: number): Promise<boolean>;
  getSubscription(id: number): Promise<SubscriptionRecord | null>;
  /** Active subscriptions of a chat (any thread). */
  subscriptionsOfChat(platform: Platform, externalId: string): Promise<SubscriptionRecord[]>;
  /** Active subscriptions in active chats whose next due time is unknown. */
  unscheduledSubscriptions(limit: number): Promise<SubscriptionRecord[]>;
  /** Active subscriptions in active chats with `nextDueAt <= now`, earliest first. */
  dueSubscriptions(now: Date, limit: number): Promise<SubscriptionRecord[]>;
  /** Sets nextDueAt only if it still is `expected` (another process may have done it). */
  setNextDue(id: number, expected: Date | null, next: Date): Promise<boolean>;
}

/** One planned post. `periodKey` is unique per subscription: a period is enqueued once. */
export interface PlannedPost {
  subscriptionId: number;
  periodKey: string;
  /** null: nothing to send for this period (no empty digest), only the schedule advances. */
  reply: Reply | null;
  coveredUntil: Date;
}

export type OutboxStatus = "pending" | "sent" | "failed";

export interface OutboxItem {
  id: number;
  subscriptionId: number;
  periodKey: string;
  status: OutboxStatus;
  reply: Reply;
  attempts: number;
  lastError: string | null;
  target: ChatRef;
  chatId: number;
  messageIds: string[];
  createdAt: Date;
  sentAt: Date | null;
  /** The chat's quiet hours, when it has some. */
  quiet?: QuietHours | null;
  /** Language of the subscription (for notices about the post). */
  lang?: Lang;
}

export interface OutboxStore {
  /**
   * In one transaction: advances the subscription's schedule from `expectedDue` to `nextDue` (a conditional
   * update: false when another process already planned it) and, when `post.reply` is set, writes the outbox
   * row. A (subscription, period) already in the outbox is never written twice.
   */
  planPost(post: PlannedPost, expectedDue: Date | null, nextDue: Date, now: Date): Promise<boolean>;
  /** Takes up to `limit` deliverable rows for `leaseMs` (see src/store/outbox.ts for the claim mechanism). */
  claimOutbox(owner: string, now: Date, leaseMs: number, limit: number): Promise<OutboxItem[]>;
  /** Records acceptance by the platform; false if the lease was lost meanwhile. */
  markSent(id: number, owner: string, messageIds: string[], at: Date): Promise<boolean>;
  /** Releases the row for a later attempt. */
  markRetry(id: number, owner: string, error: string, nextAttemptAt: Date): Promise<void>;
  /** Holds the row until `until` (quiet hours): the lease is dropped, attempts and error are untouched. */
  holdUntil(id: number, owner: string, until: Date): Promise<void>;
  /** The newest failed post of a subscription, or null. */
  lastFailure(subscriptionId: number): Promise<DeliveryFailure | null>;
  /** Gives up on the row (permanent failure or too many attempts). */
  markFailed(id: number, owner: string, error: string): Promise<void>;
  /** Drops every lease (SQLite start-up: one process is the rule, so leases left are from a dead process). */
  releaseAllClaims(): Promise<number>;
  /** Rows of a subscription or of every subscription, oldest first (tests, /digest status, CLI). */
  outboxRows(filter?: { subscriptionId?: number; status?: OutboxStatus }): Promise<OutboxItem[]>;
}

/** A story for a digest: one line per story, with the sources of its articles. */
export interface DigestStory {
  storyId: number;
  title: string;
  url: string | null;
  sources: SourceRef[];
  topics: string[];
  /** When its newest article arrived. */
  arrivedAt: Date;
}

/** Reads the archive for composing digests. */
export interface DigestQueries {
  /**
   * Stories with an article that arrived (was stored) in (from, to], newest first; topic filter when not empty;
   * with `publishedAfter`, only articles published after it (undated ones: first seen after it); with
   * `languages` (not empty), only articles in those languages, and a story shows only those.
   */
  storiesArrived(
    from: Date,
    to: Date,
    topics: string[],
    limit: number,
    publishedAfter?: Date,
    languages?: string[],
  ): Promise<{ stories: DigestStory[]; total: number }>;
  /** Quotes from articles that arrived in (from, to], topic filter when not empty, `publishedAfter` and `languages` as above. */
  quotesArrived(
    from: Date,
    to: Date,
    topics: string[],
    limit: number,
    publishedAfter?: Date,
    languages?: string[],
  ): Promise<QuoteRow[]>;
  /** Anniversaries of a day, as /onthisday reads them (topic and language filters included). */
  onThisDay: NewsQueries["onThisDay"];
  /** The articles published in a range, one small row each (the week's chart of a weekly digest). */
  coverage?(q: CoverageQuery): Promise<CoverageData>;
}

/** Everything delivery needs from storage. */
export interface DeliveryStore extends SubscriptionStore, OutboxStore, DigestQueries {}

/** `/digest`: the next post(s) of this chat, composed now. */
export interface DigestPreviewer {
  preview(chat: ChatRef, lang: Lang, now: Date): Promise<Reply>;
}
