/**
 * A recording `PlatformAdapter` for delivery tests: every send is kept in order with its target and reply;
 * failures can be scripted per chat (`failFor`) or for the next calls (`failNext`).
 */
import type { ChatRef, Platform } from "../../src/core/command.ts";
import type { PlatformAdapter, PlatformLimits, SendResult } from "../../src/core/platform.ts";
import { type Reply, replyText } from "../../src/core/reply.ts";
import { unpaced } from "./limits.ts";

export interface SentMessage {
  target: ChatRef;
  reply: Reply;
  text: string;
}

export interface RecordingSender extends PlatformAdapter {
  sent: SentMessage[];
  /** Every call, including failed ones. */
  attempts: number;
  /** The next `count` sends fail with this result. */
  failNext(result: Exclude<SendResult, { ok: true }>, count?: number): void;
  /** Every send to this chat id fails with this result (until `clear`). */
  failFor(chatId: string, result: Exclude<SendResult, { ok: true }>): void;
  clear(): void;
  /** Messages sent to one chat id, in order. */
  to(chatId: string): SentMessage[];
}

/**
 * Creates a recording adapter for a platform, with the platform's limits but unpaced unless `limits` are given.
 * `onSend` runs after acceptance (e.g. to simulate a crash).
 */
export function recordingSender(
  platform: Platform = "telegram",
  onSend?: (m: SentMessage) => void,
  limits: PlatformLimits = unpaced(platform),
): RecordingSender {
  const sent: SentMessage[] = [];
  const queue: Array<Exclude<SendResult, { ok: true }>> = [];
  const perChat = new Map<string, Exclude<SendResult, { ok: true }>>();
  let attempts = 0;
  let nextId = 1;
  return {
    platform,
    limits,
    sent,
    get attempts() {
      return attempts;
    },
    async start() {},
    async stop() {},
    async send(target, reply) {
      attempts++;
      const scripted = queue.shift() ?? perChat.get(target.id);
      if (scripted) return scripted;
      const m = { target, reply, text: replyText(reply) };
      sent.push(m);
      onSend?.(m);
      return { ok: true, messageIds: [String(nextId++)] };
    },
    failNext(result, count = 1) {
      for (let i = 0; i < count; i++) queue.push(result);
    },
    failFor(chatId, result) {
      perChat.set(chatId, result);
    },
    clear() {
      queue.length = 0;
      perChat.clear();
    },
    to(chatId) {
      return sent.filter((m) => m.target.id === chatId);
    },
  };
}
