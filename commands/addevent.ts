import type { Precision } from "../src/core/analysis-types.ts";
import type { Command } from "../src/core/command.ts";
import { UserInputError } from "../src/core/errors.ts";
import { formatEventDate } from "../src/core/format.ts";
import { t } from "../src/core/i18n/index.ts";
import { line } from "../src/core/reply.ts";
import { adminOf, argText, audit } from "./_admin.ts";

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "2013-11-11" (day), "2013-11" (month), "2013" (year) → start, end and precision; null when invalid. */
export function parseEventDate(s: string): { start: string; end: string; precision: Precision } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1000 || year > 2999) return null;
  if (!m[2]) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, precision: "year" };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (!m[3]) return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${lastDay(year, month)}`, precision: "month" };
  const day = Number(m[3]);
  if (day < 1 || day > lastDay(year, month)) return null;
  const d = `${m[1]}-${m[2]}-${m[3]}`;
  return { start: d, end: d, precision: "day" };
}

function usage(): never {
  throw new UserInputError({ key: "addevent.usage" });
}

/** /addevent AAAA-MM-JJ texte — a curated timeline event; it wins over extracted ones and survives re-ingestion. */
const addevent = {
  name: "addevent",
  description: {
    fr: "Ajouter ou corriger un événement daté",
    en: "Add or correct a dated event",
    ru: "Добавить или исправить событие с датой",
  },
  options: [
    {
      name: "date",
      type: "string",
      required: true,
      description: { fr: "AAAA-MM-JJ", en: "YYYY-MM-DD", ru: "ГГГГ-ММ-ДД" },
    },
    {
      name: "text",
      type: "string",
      required: true,
      description: { fr: "Description", en: "Description", ru: "Описание" },
    },
  ],
  access: "owners",
  usage: {
    fr: "AAAA-MM-JJ description (ou AAAA-MM, AAAA)",
    en: "YYYY-MM-DD description (or YYYY-MM, YYYY)",
    ru: "ГГГГ-ММ-ДД описание (или ГГГГ-ММ, ГГГГ)",
  },
  async run(req) {
    const admin = adminOf(req);
    const [rawDate = "", ...words] = argText(req).split(" ");
    const date = parseEventDate(rawDate);
    if (!date) usage();
    const summary = words.join(" ").trim();
    if (summary.length < 3 || summary.length > 300) throw new UserInputError({ key: "addevent.badText" });
    const id = await admin.addCuratedEvent({
      ...date,
      phrase: summary,
      summary,
      createdBy: `${req.chat.platform}:${req.user.id}`,
    });
    await audit(req, "event.add", { eventId: id, date: rawDate, summary });
    const shown = formatEventDate(date.start, date.end, date.precision, req.lang);
    return { lines: [line(t(req.lang, "addevent.done", { id, date: shown, summary }))] };
  },
} satisfies Command;

export default addevent;
