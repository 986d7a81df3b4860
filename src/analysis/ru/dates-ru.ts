/**
 * Dated events in Russian text, with the rules of the French analysis: full dates (`11 ноября 2025 года`), day
 * spans (`11–12 ноября`, `11 и 12 ноября`), months (`в ноябре`), years (`в 2015 году`), weekdays (`в понедельник`),
 * relative days and periods (`вчера`, `накануне`, `на прошлой неделе`, `в прошлом году`) and anniversaries
 * (`10-летие договора` → the year it counts from). A day or month without a year, and a weekday, resolve to the
 * occurrence the verb points to: a future verb looks forward from the reference day, a past one back. Horizons
 * (`до 2030 года`, `к 2040 году`) are not events.
 */
import type { ExtractedEvent, Precision } from "../../core/analysis-types.ts";

/** Month names in the genitive, as dates write them (`11 ноября`). */
export const MONTHS_GEN = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
];
const MONTHS_PREP = [
  "январе",
  "феврале",
  "марте",
  "апреле",
  "мае",
  "июне",
  "июле",
  "августе",
  "сентябре",
  "октябре",
  "ноябре",
  "декабре",
];
const WEEKDAYS = ["воскресенье", "понедельник", "вторник", "среду", "четверг", "пятницу", "субботу"];

const GEN = MONTHS_GEN.join("|");
const PREP = MONTHS_PREP.join("|");
const YEAR = "(\\d{4})\\s*(?:года|г\\.?)";

const RULES: ReadonlyArray<{ re: RegExp; kind: string }> = [
  // A dateline (`УРАЛЬСК, 2 июня. /Казинформ/.`) is the day of the dispatch, not an event: consumed.
  {
    re: new RegExp(
      `^[А-ЯЁ][А-ЯЁ-]+(?:[ -][А-ЯЁ-]+)*,\\s+\\d{1,2}\\s+(?:${GEN})\\.?\\s*(?=[/(—–-]|[А-ЯЁA-Z]{2,})`,
      "gmu",
    ),
    kind: "dateline",
  },
  // Quarters and halves: `в первом квартале`, `первое полугодие 2027 года`, `во втором полугодии`.
  {
    re: /(перв|втор|трет|четв[её]рт)\S*\s+(квартал|полугоди)\S*(?:\s+(\d{4})\s*(?:года|г\.?))?/giu,
    kind: "part",
  },
  // `в начале октября`, `в середине мая 2027 года`: the month.
  {
    re: new RegExp(`(?:в|к)\\s+(?:начал[еу]|середин[еу]|конц[еу])\\s+(${GEN})(?:\\s+${YEAR})?`, "giu"),
    kind: "monthgen",
  },
  {
    re: new RegExp(`(?:с\\s+)?(\\d{1,2})\\s*(?:[–—-]|и|по)\\s*(\\d{1,2})\\s+(${GEN})(?:\\s+${YEAR})?`, "giu"),
    kind: "span",
  },
  { re: new RegExp(`(\\d{1,2})\\s+(${GEN})(?:\\s+${YEAR})?`, "giu"), kind: "day" },
  { re: new RegExp(`(?:в|во)\\s+(${PREP})(?:\\s+(\\d{4})\\s*(?:года|г\\.?))?`, "giu"), kind: "month" },
  { re: /(?:(до|к|по)\s+)?(?:в|с)?\s*(\d{4})\s*(?:году|года|г\.)/giu, kind: "year" },
  {
    re: /(?:во?|в эт[оу]т?)\s+(?:(минувш|прошл|ближайш|следующ|будущ)\S*\s+)?(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)/giu,
    kind: "weekday",
  },
  { re: /(позавчера|вчера|сегодня|завтра|послезавтра|накануне)/giu, kind: "relday" },
  { re: /на\s+(прошлой|этой|следующей)\s+неделе/giu, kind: "week" },
  {
    re: /в\s+(прошлом|минувшем|этом|текущем|нынешнем|следующем|будущем|наступающем)\s+(году|месяце)/giu,
    kind: "relperiod",
  },
  {
    re: /(\d{1,3})\s*-?\s*(?:летие|летия|летию|й годовщин\S*|ой годовщин\S*)|(\d{1,3})\s+(?:лет|года)\s+назад/giu,
    kind: "anniv",
  },
];

const FUTURE_RE =
  /(?:будет|будут|состоится|состоятся|пройд[её]т|пройдут|планиру\S+|намерен\S*|начн[её]тся|откроется|продлится|продлятся|запланирован\S*|ожидается|предстоит|посетит|прибудет|проведут|подпишут|завершится)/iu;
/** A past verb of intent governing an infinitive (`договорились встретиться в сентябре`) points forward. */
const INTENT_RE =
  /(?:договорил\S*|решил\S*|собира\S*|намерен\S*|пообеща\S*|обеща\S*|условил\S*|планир\S*|наме\S*)\s+(?:\S+\s+){0,2}?[а-яё]+(?:ть|ться|ти)(?=[\s,.]|$)/iu;
const PAST_RE = /(?:^|\s)[а-яё]{2,}(?:л|ла|ли|лось|лся|лась|лись)(?=[\s,.;!?]|$)/iu;

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function day(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

function sentenceAround(text: string, pos: number, len: number): string {
  let a = pos;
  while (a > 0 && !/[.!?\n]/u.test(text[a - 1] as string)) a--;
  let b = pos + len;
  while (b < text.length && !/[.!?\n]/u.test(text[b] as string)) b++;
  return text.slice(a, b).trim();
}

function summaryOf(sentence: string): string {
  const s = sentence.replace(/\s+/gu, " ");
  return s.length <= 160 ? s : `${s.slice(0, 159).replace(/\s+\S*$/u, "")}…`;
}

/** Tense of the clause around a date: 1 future, -1 past, 0 unknown. */
function tenseOf(sentence: string): number {
  if (FUTURE_RE.test(sentence) || INTENT_RE.test(sentence)) return 1;
  return PAST_RE.test(sentence) ? -1 : 0;
}

/** A month/day without a year, placed on the side of the reference day the tense points to. */
function yearless(ref: Date, m: number, d: number, tense: number): Date {
  const y = ref.getUTCFullYear();
  const same = day(y, m, d);
  if (tense > 0) return same.getTime() >= ref.getTime() - 86_400_000 ? same : day(y + 1, m, d);
  if (tense < 0) return same.getTime() <= ref.getTime() + 86_400_000 ? same : day(y - 1, m, d);
  const before = same.getTime() <= ref.getTime() ? same : day(y - 1, m, d);
  const after = same.getTime() >= ref.getTime() ? same : day(y + 1, m, d);
  return ref.getTime() - before.getTime() <= after.getTime() - ref.getTime() ? before : after;
}

/** The year an anniversary is celebrated: a year the sentence names (`в 2027 году`, `в следующем году`), else the reference's. */
function celebrationYear(sentence: string, ref: Date): number {
  const y = ref.getUTCFullYear();
  const named = /(?:^|\s)в\s+(\d{4})\s*году/u.exec(sentence);
  if (named) return Number(named[1]);
  if (/в\s+(?:следующем|будущем|наступающем)\s+году/iu.test(sentence)) return y + 1;
  if (/в\s+(?:прошлом|минувшем)\s+году/iu.test(sentence)) return y - 1;
  return y;
}

/** Extracts the dated events of a Russian text; `reference` is the publication day (YYYY-MM-DD) or null. */
export function extractEventsRu(text: string, reference: string | null): ExtractedEvent[] {
  const ref = reference ? new Date(`${reference}T00:00:00Z`) : null;
  const taken: Array<[number, number]> = [];
  const events: ExtractedEvent[] = [];
  const push = (pos: number, phrase: string, start: Date, end: Date, precision: Precision) => {
    const s = iso(start);
    const e = iso(end);
    if (events.some((x) => x.start === s && x.end === e && x.precision === precision)) return;
    events.push({
      start: s,
      end: e,
      precision,
      text: phrase,
      summary: summaryOf(sentenceAround(text, pos, phrase.length)),
      position: pos,
    });
  };
  for (const { re, kind } of RULES) {
    for (const m of text.matchAll(re)) {
      const pos = m.index ?? 0;
      const len = m[0].length;
      if (taken.some(([a, b]) => pos < b && pos + len > a)) continue;
      const sentence = sentenceAround(text, pos, len);
      const tense = tenseOf(sentence);
      const phrase = m[0].trim();
      let hit = true;
      if (kind === "dateline") {
        // consumed
      } else if (kind === "part") {
        const n = { перв: 1, втор: 2, трет: 3, четв: 4 }[(m[1] ?? "").toLowerCase().slice(0, 4)] ?? 1;
        const half = (m[2] ?? "").toLowerCase() === "полугоди";
        if (half && n > 2) continue;
        const months = half ? 6 : 3;
        const m0 = (n - 1) * months + 1;
        let y = m[3] ? Number(m[3]) : ref?.getUTCFullYear();
        if (y === undefined) continue;
        if (!m[3] && ref) {
          if (tense < 0 && day(y, m0, 1) > ref) y--;
          if (tense > 0 && day(y, m0 + months, 0) < ref) y++;
        }
        push(pos, phrase, day(y, m0, 1), day(y, m0 + months, 0), "period");
      } else if (kind === "monthgen") {
        const mi = MONTHS_GEN.indexOf(m[1]?.toLowerCase() ?? "") + 1;
        const y = m[2] ? Number(m[2]) : ref ? yearless(ref, mi, 15, tense).getUTCFullYear() : null;
        if (!y || mi === 0) continue;
        push(pos, phrase, day(y, mi, 1), day(y, mi + 1, 0), "month");
      } else if (kind === "span" || kind === "day") {
        const mi = MONTHS_GEN.indexOf((kind === "span" ? m[3] : m[2])?.toLowerCase() ?? "") + 1;
        const yearText = kind === "span" ? m[4] : m[3];
        const d1 = Number(m[1]);
        const d2 = kind === "span" ? Number(m[2]) : d1;
        if (mi === 0 || d1 < 1 || d1 > 31 || d2 < d1 || d2 > 31) continue;
        const start = yearText ? day(Number(yearText), mi, d1) : ref ? yearless(ref, mi, d1, tense) : null;
        if (!start) continue;
        const end = day(start.getUTCFullYear(), mi, d2);
        push(pos, phrase, start, end, kind === "span" ? "period" : "day");
      } else if (kind === "month") {
        const mi = MONTHS_PREP.indexOf(m[1]?.toLowerCase() ?? "") + 1;
        const y = m[2] ? Number(m[2]) : ref ? yearless(ref, mi, 1, tense).getUTCFullYear() : null;
        if (!y || mi === 0) continue;
        push(pos, phrase, day(y, mi, 1), day(y, mi + 1, 0), "month");
      } else if (kind === "year") {
        if (m[1])
          hit = true; // a horizon: consumed, not an event
        else {
          const y = Number(m[2]);
          if (y < 1800 || y > 2200) continue;
          push(pos, phrase, day(y, 1, 1), day(y, 12, 31), "year");
        }
      } else if (!ref) {
        continue;
      } else if (kind === "weekday") {
        const wd = WEEKDAYS.indexOf(m[2]?.toLowerCase() ?? "");
        const diff = (wd - ref.getUTCDay() + 7) % 7;
        // `в минувшую пятницу` looks back, `в ближайшую пятницу` forward, whatever the verb says.
        const mod = (m[1] ?? "").toLowerCase();
        const dir = /^(?:минувш|прошл)/u.test(mod) ? -1 : mod ? 1 : tense;
        const offset = dir > 0 ? diff : mod && diff === 0 ? -7 : diff === 0 ? 0 : diff - 7;
        const d = new Date(ref.getTime() + offset * 86_400_000);
        push(pos, phrase, d, d, "day");
      } else if (kind === "relday") {
        const w = m[1]?.toLowerCase() ?? "";
        const offset = { позавчера: -2, вчера: -1, сегодня: 0, завтра: 1, послезавтра: 2, накануне: -1 }[w] ?? 0;
        const d = new Date(ref.getTime() + offset * 86_400_000);
        push(pos, phrase, d, d, "day");
      } else if (kind === "week") {
        const shift = { прошлой: -7, этой: 0, следующей: 7 }[m[1]?.toLowerCase() ?? ""] ?? 0;
        const monday = new Date(ref.getTime() - ((ref.getUTCDay() + 6) % 7) * 86_400_000 + shift * 86_400_000);
        push(pos, phrase, monday, new Date(monday.getTime() + 6 * 86_400_000), "period");
      } else if (kind === "relperiod") {
        const shift =
          { прошлом: -1, минувшем: -1, следующем: 1, будущем: 1, наступающем: 1 }[m[1]?.toLowerCase() ?? ""] ?? 0;
        const y = ref.getUTCFullYear();
        if (m[2]?.toLowerCase() === "году") push(pos, phrase, day(y + shift, 1, 1), day(y + shift, 12, 31), "year");
        else {
          const mo = ref.getUTCMonth() + 1 + shift;
          push(pos, phrase, day(y, mo, 1), day(y, mo + 1, 0), "month");
        }
      } else if (kind === "anniv") {
        const n = Number(m[1] ?? m[2]);
        if (!(n > 0 && n < 200)) continue;
        // A birthday («70-летие Токаева») is not an event of N years ago.
        if (/^\s*(?:со дня рождения|[А-ЯЁ][а-яё]+(?:а|я)\b)/u.test(text.slice(pos + len, pos + len + 30))) continue;
        // `В следующем году отметят 35-летие`: counted from the year it is celebrated, when the sentence says it.
        const y = celebrationYear(sentence, ref) - n;
        push(pos, phrase, day(y, 1, 1), day(y, 12, 31), "year");
      }
      if (hit) taken.push([pos, pos + len]);
    }
  }
  return events.sort((a, b) => a.position - b.position);
}
