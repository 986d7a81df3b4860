/**
 * Source health notices: the chat that added a source is told when the source has failed long enough to be
 * disabled soon ("warn"), when it is disabled, and when it works again — never silently. What was last said
 * is stored on the source (`healthNotice`), so each change is announced once, across restarts.
 *
 * Wiring (src/main.ts): build it once and call `check()` after each poll, e.g.
 *   const notifier = createSourceHealthNotifier({ sources: app.store, send: sendVia(adapters),
 *     langOf: (c) => app.store.chatLanguage(c), clock: systemClock, logger });
 *   startPoller({ ..., poll: async () => { const r = await app.ingestor.pollDue(); await notifier.check(); return r; } });
 */
import { parseChatKey } from "../core/admin.ts";
import type { ChatRef, Lang } from "../core/command.ts";
import { reasonText, t } from "../core/i18n/index.ts";
import type { Clock, Logger } from "../core/logger.ts";
import type { PlatformAdapter, SendResult } from "../core/platform.ts";
import { line, type Reply } from "../core/reply.ts";
import { failingSince, healthState } from "../core/source-health.ts";
import type { SourceRecord, SourceStore } from "../core/store.ts";
import { truncate } from "../core/text.ts";

export interface SourceHealthNotifierDeps {
  sources: Pick<SourceStore, "listSources"> & { setHealthNotice(id: number, notice: string | null): Promise<void> };
  /** Sends to a chat on its platform (see sendVia). */
  send(target: ChatRef, reply: Reply): Promise<SendResult>;
  /** The chat's chosen language (default: French). */
  langOf?: (chat: ChatRef) => Promise<Lang | null>;
  clock: Clock;
  logger: Logger;
}

export interface HealthCheckSummary {
  warned: number;
  disabled: number;
  recovered: number;
  failed: number;
}

/** Routes a send to the adapter of the target's platform; no adapter = permanent failure. */
export function sendVia(adapters: readonly PlatformAdapter[]) {
  return async (target: ChatRef, reply: Reply): Promise<SendResult> => {
    const adapter = adapters.find((a) => a.platform === target.platform);
    if (!adapter) return { ok: false, permanent: true, error: `no ${target.platform} adapter running` };
    return adapter.send(target, reply);
  };
}

type Notice = "warn" | "disabled" | null;

function wanted(s: SourceRecord, now: Date): Notice | "keep" {
  const state = healthState(s, now);
  if (state === "warn" || state === "disabled") return state;
  if (state === "ok") return null;
  return "keep";
}

function noticeReply(s: SourceRecord, notice: Notice, lang: Lang, now: Date): Reply {
  const title = truncate(s.title ?? s.url, 100);
  const error = truncate(reasonText(lang, s.lastErrorReason) ?? s.lastError ?? "?", 160);
  const days = Math.max(1, Math.floor((now.getTime() - failingSince(s).getTime()) / 86_400_000));
  const text =
    notice === "warn"
      ? t(lang, "health.warnNotice", { title, days, error, id: s.id })
      : notice === "disabled"
        ? t(lang, "health.disabledNotice", { title, count: s.consecutiveFailures, error, id: s.id })
        : t(lang, "health.recoveredNotice", { title });
  return { lines: [line(text)], linkPreview: false };
}

/** Builds the notifier; `check()` never throws (failures are logged and retried on the next check). */
export function createSourceHealthNotifier(deps: SourceHealthNotifierDeps) {
  async function notify(s: SourceRecord, target: ChatRef, notice: Notice, now: Date): Promise<boolean> {
    const lang = (await deps.langOf?.(target).catch(() => null)) ?? "fr";
    const result = await deps.send(target, noticeReply(s, notice, lang, now));
    if (!result.ok) {
      deps.logger.warn("source health notice not sent", { sourceId: s.id, error: result.error });
      // A chat that is gone will never get it: stop trying. A transient failure is retried next time.
      if (!result.permanent) return false;
    }
    await deps.sources.setHealthNotice(s.id, notice);
    return result.ok;
  }

  return {
    async check(): Promise<HealthCheckSummary> {
      const out: HealthCheckSummary = { warned: 0, disabled: 0, recovered: 0, failed: 0 };
      const now = deps.clock.now();
      let list: SourceRecord[];
      try {
        list = await deps.sources.listSources();
      } catch (err) {
        deps.logger.error("source health check failed", { error: String(err) });
        return out;
      }
      for (const s of list) {
        const target = parseChatKey(s.addedBy);
        if (!target || s.paused) continue;
        const want = wanted(s, now);
        const had = (s.healthNotice ?? null) as Notice;
        if (want === "keep" || want === had) continue;
        // Recovery is only news to a chat that was warned.
        if (want === null && had === null) continue;
        try {
          const sent = await notify(s, target, want, now);
          if (!sent) out.failed++;
          else if (want === "warn") out.warned++;
          else if (want === "disabled") out.disabled++;
          else out.recovered++;
        } catch (err) {
          out.failed++;
          deps.logger.warn("source health notice failed", { sourceId: s.id, error: String(err) });
        }
      }
      return out;
    },
  };
}
