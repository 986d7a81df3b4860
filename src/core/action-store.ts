/**
 * The actions of reply buttons (`Reply.actions`), kept in memory under short random ids that fit in Telegram's
 * 64-byte callback data and Discord's 100-character custom ids. Bounded (least recently used dropped first):
 * an old button answers "expired, run the command again".
 */
import { randomBytes } from "node:crypto";
import type { ReplyAction } from "./reply.ts";

export interface ActionStore {
  /** Stores the action and returns its id (base64url, 8 characters). */
  put(action: ReplyAction): string;
  /** The action, or undefined when unknown or dropped; marks it recently used. */
  get(id: string): ReplyAction | undefined;
  readonly size: number;
}

/** Ids as `put` makes them: what a button's data may carry. */
export const ACTION_ID = /^[A-Za-z0-9_-]{8}$/;

/** A store of at most `max` actions (default 1,000). */
export function createActionStore(max = 1000): ActionStore {
  const map = new Map<string, ReplyAction>();
  return {
    put(action) {
      let id = randomBytes(6).toString("base64url");
      while (map.has(id)) id = randomBytes(6).toString("base64url");
      map.set(id, action);
      while (map.size > max) {
        const oldest = map.keys().next().value;
        if (oldest === undefined) break;
        map.delete(oldest);
      }
      return id;
    },
    get(id) {
      const action = map.get(id);
      if (action) {
        map.delete(id);
        map.set(id, action);
      }
      return action;
    },
    get size() {
      return map.size;
    },
  };
}
