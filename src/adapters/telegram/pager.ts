/**
 * Paged replies: the rendered pages of long lists kept in a bounded in-memory LRU, addressed from inline
 * buttons by a short id in `callback_data` (`pg:<id>:<page>`, far below Telegram's 64-byte limit).
 * Pages are lost on restart or eviction; the button then answers "expired, run the command again".
 */
import { randomBytes } from "node:crypto";
import { ACTION_ID, type ActionStore } from "../../core/action-store.ts";
import type { Reply } from "../../core/reply.ts";
import type { Rendered } from "./render.ts";

/** One inline button in Bot API shape. */
export interface InlineButton {
  text: string;
  callback_data: string;
}

/** What a stored paged reply needs to be shown again. */
export interface PagedReply {
  pages: Rendered[];
  linkPreview: boolean;
  /** Rows shown under the ◀ ▶ row on every page (the reply's action buttons). */
  extraRows?: InlineButton[][];
}

/** Inline keyboard markup in Bot API shape. */
export interface PageKeyboard {
  inline_keyboard: InlineButton[][];
}

const PREFIX = "pg";

/** A bounded LRU of paged replies (default 500 entries). */
export class PageStore {
  private readonly entries = new Map<string, PagedReply>();
  constructor(private readonly capacity = 500) {}

  /** Stores pages and returns their short id. */
  put(paged: PagedReply): string {
    let id = randomBytes(6).toString("base64url");
    while (this.entries.has(id)) id = randomBytes(6).toString("base64url");
    this.entries.set(id, paged);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return id;
  }

  /** Returns the pages and marks them recently used. */
  get(id: string): PagedReply | undefined {
    const v = this.entries.get(id);
    if (v) {
      this.entries.delete(id);
      this.entries.set(id, v);
    }
    return v;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Builds the ◀ / x/y / ▶ keyboard for page `page` (0-based) of `total`, `extraRows` under it. */
export function pageKeyboard(id: string, page: number, total: number, extraRows: InlineButton[][] = []): PageKeyboard {
  const row: InlineButton[] = [];
  if (page > 0) row.push({ text: "◀", callback_data: `${PREFIX}:${id}:${page - 1}` });
  row.push({ text: `${page + 1}/${total}`, callback_data: `${PREFIX}:${id}:${page}` });
  if (page < total - 1) row.push({ text: "▶", callback_data: `${PREFIX}:${id}:${page + 1}` });
  return { inline_keyboard: [row, ...extraRows] };
}

/** Parses our callback data; null for anything else (other buttons, garbage). */
export function parsePageData(data: string | undefined): { id: string; page: number } | null {
  const m = /^pg:([A-Za-z0-9_-]{1,16}):(\d{1,4})$/.exec(data ?? "");
  if (!m?.[1] || m[2] === undefined) return null;
  return { id: m[1], page: Number(m[2]) };
}

/** The buttons of a reply's actions (`ac:<id>`), the actions kept in `store`; none without actions. */
export function actionRows(reply: Reply, store: ActionStore | undefined): InlineButton[][] {
  if (!store || !reply.actions?.length) return [];
  return [reply.actions.map((a) => ({ text: a.label, callback_data: `ac:${store.put(a)}` }))];
}

/** The id in an action button's data, or null for anything else. */
export function parseActionData(data: string | undefined): string | null {
  const id = /^ac:(.*)$/.exec(data ?? "")?.[1];
  return id !== undefined && ACTION_ID.test(id) ? id : null;
}
