/**
 * Outgoing flood control for proactive sends (digests, alerts) fanned out to many chats.
 * Telegram allows about 1 message/s per chat, 20 messages/min per group or channel and about 30 messages/s
 * overall. Each chat has its own FIFO, so a chat that must wait never holds up the others, and nothing is
 * dropped: a task only waits for its slot. 429s that still happen are retried by auto-retry underneath.
 */

/** Limits of the outgoing queue. Defaults follow Telegram's published limits. */
export interface SendLimits {
  /** Minimum gap between two messages to one chat, in ms (default 1000). 0 disables. */
  perChatIntervalMs?: number;
  /** Messages per rolling minute to one group, supergroup or channel (default 20). 0 disables. */
  perGroupPerMinute?: number;
  /** Messages per second over all chats (default 30). 0 disables. */
  globalPerSecond?: number;
}

/** Time sources, injectable for tests. */
export interface QueueTimers {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realTimers: QueueTimers = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

interface ChatState {
  tail: Promise<unknown>;
  lastAt: number;
  /** Send times within the last minute (groups only). */
  recent: number[];
  pending: number;
}

/** A per-chat serial queue with per-chat, per-group and global pacing. */
export class SendQueue {
  private readonly chats = new Map<string, ChatState>();
  private globalTail: Promise<void> = Promise.resolve();
  private globalLastAt = Number.NEGATIVE_INFINITY;
  private readonly interval: number;
  private readonly groupMax: number;
  private readonly globalGap: number;

  constructor(
    limits: SendLimits = {},
    private readonly timers: QueueTimers = realTimers,
  ) {
    this.interval = limits.perChatIntervalMs ?? 1000;
    this.groupMax = limits.perGroupPerMinute ?? 20;
    const perSecond = limits.globalPerSecond ?? 30;
    // 3 % slower than the limit: arrival times at Telegram jitter by a few ms (more on a busy machine), and a
    // strict sliding window answers an exact-rate stream with the odd 429, which costs that chat a whole
    // retry_after (and the delivery round waiting for it).
    this.globalGap = perSecond > 0 ? 1030 / perSecond : 0;
  }

  /** Tasks waiting or running for this chat. */
  pending(chatKey: string): number {
    return this.chats.get(chatKey)?.pending ?? 0;
  }

  /**
   * Runs `task` (which sends one message) once this chat's earlier tasks are done and a slot is free.
   * `isGroup` enables the per-group window. Enqueue the parts of a split reply together to keep them in order.
   */
  run<T>(chatKey: string, isGroup: boolean, task: () => Promise<T>): Promise<T> {
    const st = this.state(chatKey);
    st.pending++;
    const result = st.tail.then(async () => {
      await this.waitForSlot(st, isGroup);
      return task();
    });
    st.tail = result.then(
      () => this.done(chatKey, st),
      () => this.done(chatKey, st),
    );
    return result;
  }

  private state(chatKey: string): ChatState {
    let st = this.chats.get(chatKey);
    if (!st) {
      st = { tail: Promise.resolve(), lastAt: Number.NEGATIVE_INFINITY, recent: [], pending: 0 };
      this.chats.set(chatKey, st);
    }
    return st;
  }

  private done(chatKey: string, st: ChatState): void {
    st.pending--;
    // Forget idle chats whose pacing no longer matters, so the map stays small.
    const now = this.timers.now();
    if (st.pending === 0 && now - st.lastAt > Math.max(this.interval, 60_000)) this.chats.delete(chatKey);
  }

  private async waitForSlot(st: ChatState, isGroup: boolean): Promise<void> {
    let now = this.timers.now();
    let at = Math.max(now, st.lastAt + this.interval);
    if (isGroup && this.groupMax > 0) {
      st.recent = st.recent.filter((x) => x > now - 60_000);
      const oldest = st.recent[st.recent.length - this.groupMax];
      if (oldest !== undefined) at = Math.max(at, oldest + 60_000);
    }
    if (at > now) await this.timers.sleep(at - now);
    if (this.globalGap > 0) {
      // Global slots are taken one after another, only once this chat is ready (waiting chats hold none), and
      // spaced from the previous send's *actual* time: timers fire late under load, and spacing reserved
      // times instead lets a late send and an on-time one bunch up into Telegram's 429.
      const gate = this.globalTail.then(async () => {
        now = this.timers.now();
        const at = this.globalLastAt + this.globalGap;
        if (at > now) await this.timers.sleep(at - now);
        this.globalLastAt = this.timers.now();
      });
      this.globalTail = gate;
      await gate;
    }
    st.lastAt = this.timers.now();
    if (isGroup) st.recent.push(st.lastAt);
  }
}
