/**
 * What admin and subscriber commands use (issue 6): sources with their health, OPML, the audit log, chat
 * settings, subscription filters and curated events. Implemented in src/admin (over src/store and src/ingest)
 * and handed to commands as `Services.admin`; commands never see Prisma or the network directly.
 */
import type { Precision } from "./analysis-types.ts";
import type { ChatRef, Lang, Platform } from "./command.ts";
import type { DeliveryFailure, SubscriptionStore } from "./delivery.ts";
import type { SourceRecord } from "./store.ts";

/** One item of a feed preview. */
export interface FeedPreviewItem {
  title: string;
  url: string | null;
  publishedAt: Date | null;
}

/** What /addsource shows before (and after) storing a feed. */
export interface FeedPreview {
  /** URL after redirects. */
  finalUrl: string;
  title: string | null;
  /** ISO 639-1 code detected from the items' text, or null when too little text. */
  language: string | null;
  /** Newest items first (at most 3). */
  newest: FeedPreviewItem[];
  itemCount: number;
  /** Parser recoveries (broken XML worked around), neutral English. */
  warnings: string[];
}

export type AddSourceResult =
  | { status: "added"; source: SourceRecord; preview: FeedPreview; seeded: number }
  | { status: "exists"; source: SourceRecord };

/** Result of an OPML import: every entry stored in one transaction, or none. */
export interface OpmlImportResult {
  added: number;
  /** Entries whose URL was already a source. */
  existing: number;
}

/** An OPML export and what it holds. */
export interface OpmlExport {
  xml: string;
  /** http(s) feeds, written as subscriptions any feed reader imports. */
  feeds: number;
  /**
   * Local feed files (`newsbot ingest FILE`): listed by name and file URL but without `xmlUrl`, because no
   * other reader can fetch a file on this machine and a chat may not import one (re-add: `newsbot ingest FILE`).
   */
  localFiles: number;
}

/** Source management. Fetch problems are thrown as BlockedUrlError, FeedFetchError or FeedParseError. */
export interface SourceAdmin {
  /** Fetches (SSRF-safe), parses, stores and seeds a feed; its history is stored as seeded, never posted. */
  add(url: string, opts: { topics: string[]; addedBy: string | null }): Promise<AddSourceResult>;
  list(): Promise<SourceRecord[]>;
  /** By numeric id or exact URL. */
  find(ref: string): Promise<SourceRecord | null>;
  remove(id: number): Promise<boolean>;
  setPaused(id: number, paused: boolean): Promise<void>;
  /** Every listed source as OPML: feeds as subscriptions, local feed files listed for reference. */
  exportOpml(): Promise<OpmlExport>;
  /** Throws UserInputError (neutral English message) on malformed OPML; nothing is stored then. */
  importOpml(xml: string, addedBy: string | null): Promise<OpmlImportResult>;
}

/** One recorded admin action. */
export interface AuditEntry {
  at: Date;
  platform: Platform;
  chatId: string | null;
  userId: string | null;
  action: string;
  details: Record<string, unknown> | null;
}

export interface AuditLog {
  record(e: Omit<AuditEntry, "at"> & { at?: Date }): Promise<void>;
  /** Newest first; filtered to one chat when `chat` is given. */
  latest(limit: number, chat?: { platform: Platform; chatId: string }): Promise<AuditEntry[]>;
}

/** Per-chat settings (/settings). */
export interface ChatSettings {
  /** Reply language chosen for the chat; null = each user's client language. */
  language: Lang | null;
  /** IANA time zone of digests and quiet hours. */
  timezone: string;
  /** "HH:MM" local time, or null when the chat has no quiet hours. */
  quietStart: string | null;
  quietEnd: string | null;
}

export interface ChatSettingsStore {
  get(chat: ChatRef): Promise<ChatSettings>;
  /** Creates the chat if needed. A time zone change reschedules the chat's subscriptions. */
  update(chat: ChatRef, patch: Partial<ChatSettings>): Promise<ChatSettings>;
}

/** Include/exclude terms of a subscription (plain words, matched accent- and case-insensitively). */
export interface SubscriptionFilter {
  include: string[];
  exclude: string[];
}

/** A timeline event an admin adds or corrects by hand (/addevent); it wins over extracted events with the same dates. */
export interface CuratedEvent {
  start: string;
  end: string;
  precision: Precision;
  phrase: string;
  summary: string;
  /** Who added it, e.g. "telegram:12345". */
  createdBy: string | null;
}

/** Everything admin and subscriber commands need; absent when the bot runs without storage for it. */
export interface AdminServices {
  sources: SourceAdmin;
  audit: AuditLog;
  settings: ChatSettingsStore;
  subscriptions: SubscriptionStore & {
    /** The chat's active subscriptions with their filters. */
    filterOf(id: number): Promise<SubscriptionFilter | null>;
    setFilter(id: number, filter: SubscriptionFilter): Promise<boolean>;
    /** The newest post of the subscription that was given up on; absent when delivery is not wired. */
    lastFailure?(id: number): Promise<DeliveryFailure | null>;
  };
  addCuratedEvent(e: CuratedEvent): Promise<number>;
}

/**
 * The chat key stored in `Source.addedBy`: "platform:chatId" or "platform:chatId:threadId" (a forum topic
 * or thread), so health warnings reach the place the source was added from.
 */
export function chatKey(chat: ChatRef): string {
  return `${chat.platform}:${chat.id}${chat.threadId ? `:${chat.threadId}` : ""}`;
}

/**
 * Parses a chat key back into a target; null for anything else (e.g. "cli", a CLI-added source). Any platform
 * id is accepted: the send fails, and is logged, for a platform that is not running. The key does not keep the
 * chat's type: a negative id is a group (Telegram's groups and channels), anything else is taken as a private
 * chat; proactive sends need no more.
 */
export function parseChatKey(key: string | null | undefined): ChatRef | null {
  const m = /^([a-z][a-z0-9]{0,31}):(-?[\w.-]{1,64})(?::([\w.-]{1,64}))?$/.exec(key ?? "");
  if (!m) return null;
  const platform: Platform = m[1] ?? "";
  const id = m[2] ?? "";
  return { platform, id, ...(m[3] ? { threadId: m[3] } : {}), type: id.startsWith("-") ? "group" : "private" };
}
