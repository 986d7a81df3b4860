/**
 * Paged replies: a bounded in-memory LRU of rendered pages and the ◀ ▶ buttons that browse them.
 * Pages live only in memory: after a restart or eviction a button press gets an "expired" notice.
 */
import { randomBytes } from "node:crypto";
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from "discord.js";
import { ButtonStyle, ComponentType } from "discord.js";
import type { Lang } from "../../core/command.ts";

/** Prefix of our pagination custom ids; other prefixes belong to other features. */
export const PAGE_PREFIX = "nb:pg";

export interface PagedEntry {
  pages: APIEmbed[];
  lang: Lang;
  /** Rows shown under the ◀ ▶ row on every page (the reply's action buttons). */
  extraRows?: APIActionRowComponent<APIButtonComponent>[];
}

export interface PageStore {
  /** Stores pages and returns their key (short, safe for custom ids). */
  put(entry: PagedEntry): string;
  /** Returns the entry and marks it recently used, or undefined when evicted / unknown. */
  get(key: string): PagedEntry | undefined;
  readonly size: number;
}

/** An LRU keyed by random ids; `max` entries (default 500) bound memory whatever the traffic. */
export function createPageStore(max = 500): PageStore {
  const map = new Map<string, PagedEntry>();
  return {
    put(entry) {
      const key = randomBytes(6).toString("base64url");
      map.set(key, entry);
      while (map.size > max) {
        const oldest = map.keys().next().value;
        if (oldest === undefined) break;
        map.delete(oldest);
      }
      return key;
    },
    get(key) {
      const entry = map.get(key);
      if (entry) {
        map.delete(key);
        map.set(key, entry);
      }
      return entry;
    },
    get size() {
      return map.size;
    },
  };
}

/** A parsed pagination button id. */
export interface PageButton {
  key: string;
  index: number;
}

/** custom_id of a button leading to page `index`; the direction letter keeps the two ids of a row distinct. */
export function pageButtonId(key: string, index: number, dir: "p" | "n"): string {
  return `${PAGE_PREFIX}:${key}:${index}:${dir}`;
}

/** Parses a custom id made by `pageButtonId`, or null for anything else. */
export function parsePageButton(customId: string): PageButton | null {
  const m = /^nb:pg:([A-Za-z0-9_-]{1,20}):(\d{1,4}):[pn]$/.exec(customId);
  if (!m?.[1] || !m[2]) return null;
  return { key: m[1], index: Number(m[2]) };
}

/** The ◀ ▶ row for page `index` of `count`; buttons at the ends are disabled. */
export function pageButtons(key: string, index: number, count: number): APIActionRowComponent<APIButtonComponent> {
  const button = (target: number, label: string, dir: "p" | "n", disabled: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: pageButtonId(key, Math.min(Math.max(target, 0), count - 1), dir),
    label,
    disabled,
  });
  return {
    type: ComponentType.ActionRow,
    components: [button(index - 1, "◀", "p", index <= 0), button(index + 1, "▶", "n", index >= count - 1)],
  };
}
