import type { Command, CommandRequest } from "../src/core/command.ts";
import { formatDay } from "../src/core/format.ts";
import { reasonText, t } from "../src/core/i18n/index.ts";
import { type Line, line } from "../src/core/reply.ts";
import { healthState } from "../src/core/source-health.ts";
import type { SourceRecord } from "../src/core/store.ts";
import { truncate } from "../src/core/text.ts";
import { adminOf } from "./_admin.ts";

function when(req: CommandRequest, d: Date): string {
  const time = d.toISOString().slice(11, 16);
  return `${formatDay(d, req.lang)} ${time} UTC`;
}

function sourceLines(req: CommandRequest, s: SourceRecord): Line[] {
  const state = s.paused ? t(req.lang, "health.paused") : t(req.lang, `health.${healthState(s, req.now)}`);
  const out: Line[] = [
    line(
      { text: `#${s.id} ` },
      { text: truncate(s.title ?? s.url, 80), bold: true, url: /^https?:/.test(s.url) ? s.url : undefined },
      { text: ` — ${state}`, italic: true },
    ),
  ];
  const facts = [
    t(req.lang, "sources.lastSuccess", {
      date: s.lastSuccessAt ? when(req, s.lastSuccessAt) : t(req.lang, "sources.never"),
    }),
  ];
  if (s.consecutiveFailures > 0) facts.push(t(req.lang, "sources.failures", { count: s.consecutiveFailures }));
  if (s.nextFetchAt && !s.paused && !s.disabled && /^https?:/.test(s.url)) {
    facts.push(t(req.lang, "sources.nextTry", { date: when(req, s.nextFetchAt) }));
  }
  out.push(line(`   ${facts.join(" · ")}`));
  // The stored reason says it in the reader's language; older rows and unkeyed failures have only English.
  const error = reasonText(req.lang, s.lastErrorReason) ?? s.lastError;
  if (error) out.push(line(`   ${t(req.lang, "sources.lastError", { error: truncate(error, 160) })}`));
  return out;
}

/** /sources — every source with its health: last success, last error, failures in a row, next try. */
const sources = {
  name: "sources",
  description: {
    fr: "Sources suivies et leur état",
    en: "Followed sources and their health",
    ru: "Отслеживаемые источники и их состояние",
  },
  options: [],
  access: "admins",
  async run(req) {
    const list = await adminOf(req).sources.list();
    if (list.length === 0) return { lines: [line(t(req.lang, "sources.empty"))], kind: "empty" };
    return {
      title: t(req.lang, "sources.title", { count: list.length }),
      lines: list.flatMap((s) => sourceLines(req, s)),
      footer: t(req.lang, "sources.footer"),
    };
  },
} satisfies Command;

export default sources;
