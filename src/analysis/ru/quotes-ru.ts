/**
 * Quotations in Russian news and who said them. Marks: «…» (with „…“ inside), “…”, "…", and dialogue dashes
 * (`— Мы готовы, — сказал он.`). Attribution by construction, not by text:
 * - after the quote: `«…», — заявил Токаев`, `«…», — также отметил президент России`, `— цитирует Пескова ТАСС`;
 * - before it: `Токаев заявил: «…»`, `По словам Пескова, «…»`, `Как отметил Лавров, «…»`, `назвал решение «…»`;
 * - pronouns (`он`, `она`) go to the nearest person before the quote, of the matching gender when known;
 * - agencies (`передает ТАСС`) are sources, never speakers; a person named inside the quote never said it.
 * Short quotes (1–3 words) are kept only when a verb attributes them; otherwise they are names or scare quotes.
 */
import type { ExtractedQuote } from "../../core/analysis-types.ts";
import type { PersonRegistry } from "../names.ts";
import { type BodyMention, bodyMentions, bodyOfPhrase } from "./institutions-ru.ts";
import { AGENCIES_RU_SRC, ROLE_HEAD_RU, ROLE_PEOPLE_RU, SPEECH_VERB_RE_SRC } from "./lexicon-ru.ts";
import type { RuMention } from "./names-ru.ts";

interface Span {
  open: number;
  close: number;
  text: string;
  dialogue: boolean;
  /** A quote split by its attribution (`«…, — сказал Лавров. — …»`): where the speaker phrase starts. */
  speakerAt?: number;
}

/** `«Первая часть, — сказал Лавров. — Вторая часть»`: the attribution inside one pair of marks. */
const MIDDLE_RE = new RegExp(
  `[,.!?…]?\\s+[—–]\\s+(${SPEECH_VERB_RE_SRC})\\s+[^—–«»]{2,120}?[.,]\\s+[—–]\\s+(?=\\S)`,
  "iu",
);

/** Splits the quotes whose attribution stands inside their marks into their two parts. */
function splitMiddle(spans: Span[]): Span[] {
  return spans.flatMap((s) => {
    const m = s.dialogue ? null : MIDDLE_RE.exec(s.text);
    if (!m || m.index === undefined || m.index < 8) return [s];
    const verbAt = s.open + 1 + m.index + m[0].indexOf(m[1] ?? "") + (m[1]?.length ?? 0);
    const secondAt = s.open + 1 + m.index + m[0].length;
    return [
      { open: s.open, close: s.open + 1 + m.index, text: s.text.slice(0, m.index), dialogue: false, speakerAt: verbAt },
      { open: secondAt - 1, close: s.close, text: text0(s, secondAt), dialogue: false, speakerAt: verbAt },
    ];
  });
}

function text0(s: Span, from: number): string {
  return s.text.slice(from - s.open - 1);
}

/** Organisation forms and nouns before a name in marks (`ОАО «РЖД»`, `учения «Взаимодействие-2026»`): a name. */
const NAME_BEFORE_RE =
  /(?:^|[\s(])(?:ОАО|АО|ПАО|ЗАО|ООО|ТОО|ГК|НК|компани\S*|корпораци\S*|концерн\S*|холдинг\S*|банк\S*|фонд\S*|газет\S*|журнал\S*|телеканал\S*|программ\S*|проект\S*|учени\S*|ракет\S*|комплекс\S*|форум\S*|парти\S*|движени\S*|месторождени\S*|завод\S*|комбинат\S*|операци\S*|маршрут\S*|коридор\S*|трубопровод\S*)\s*$/iu;

/** Role nouns that point back to the person just named (`— подчеркнула дипломат`, `— отметил глава государства`). */
const ANAPHOR_RE =
  /^\s*(?:дипломат\S*|глава (?:государства|ведомства|правительства|министерства|МИД|делегации)|министр|премьер(?:-министр)?|вице-премьер|президент|политик|собеседник\S*|чиновник|спикер|посол|лидер|глава|эксперт|аналитик|экономист|политолог)(?=$|[\s,.;](?:\s*$|\s*(?:в|на|во|по|журналист\S*|корреспондент\S*|агентств\S*|издани\S*|также|,)(?=[\s,.;]|$)))/iu;

const OPENERS: Record<string, string> = { "«": "»", "„": "“", "“": "”" };

/** Quote spans: outermost marks only; a closing mark of another kind closes the innermost open one; a line break closes all. */
function quoteSpans(text: string): Span[] {
  const spans: Span[] = [];
  const stack: Array<{ ch: string; at: number }> = [];
  let straight = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "\n") {
      stack.length = 0;
      straight = -1;
      continue;
    }
    if (ch === '"') {
      if (stack.length > 0) continue;
      if (straight < 0) straight = i;
      else {
        spans.push({ open: straight, close: i, text: text.slice(straight + 1, i), dialogue: false });
        straight = -1;
      }
      continue;
    }
    if (OPENERS[ch] && !(ch === "“" && stack.at(-1)?.ch === "„")) {
      stack.push({ ch, at: i });
      continue;
    }
    if (ch === "»" || ch === "“" || ch === "”") {
      const top = stack.pop();
      if (top && stack.length === 0)
        spans.push({ open: top.at, close: i, text: text.slice(top.at + 1, i), dialogue: false });
    }
  }
  // Dialogue: a paragraph opening with a dash, the quote running to the next ", —" or " — ".
  for (const m of text.matchAll(/(^|\n)[—–]\s*([^\n]+?)(?:,|[.!?…])?\s+[—–]\s+(?=[а-яё])/gu)) {
    const open = (m.index ?? 0) + (m[1]?.length ?? 0);
    const body = m[2] ?? "";
    const bodyAt = text.indexOf(body, open);
    spans.push({ open, close: bodyAt + body.length - 1, text: body, dialogue: true });
  }
  return spans.sort((a, b) => a.open - b.open);
}

/** `«…», — говорится в поздравлении главы государства` / `… в заявлении Кремля`: the document's author. */
const DOCUMENT_RE = /^\s*[,.!?…]?\s*[—–-]\s*говорится\s+в\s+[а-яё]+\s+/iu;
const HEAD_OF_STATE_RE = /^(?:главы государства|президента|лидера страны)(?=[\s,.]|$)/iu;
const AFTER_RE = new RegExp(`^\\s*[,.!?…]?\\s*[—–-]\\s*(${SPEECH_VERB_RE_SRC})(?=[\\s,.]|$)`, "iu");
const BEFORE_COLON_RE = new RegExp(`(${SPEECH_VERB_RE_SRC})(?:\\s+[^«„“":.!?]{0,60})?\\s*:\\s*$`, "iu");
const PO_SLOVAM_RE = /(?:по словам|по мнению|как считает|как полагает)\s+([^,«]{2,80}),\s*$/iu;
const KAK_RE = new RegExp(`(?:^|[\\s,])как\\s+(${SPEECH_VERB_RE_SRC})\\s+([^,«]{2,80}),\\s*$`, "iu");
const ATTITUDE_RE = /(?:назвал[аи]?|охарактеризовал[аи]?|оценил[аи]?|называет|называют)\s+[^«.!?]{0,60}$/iu;
const THAT_RE = new RegExp(`(${SPEECH_VERB_RE_SRC})\\s*,?\\s+что\\s+[^.!?«]{0,80}$`, "iu");
const AGENCY_RE = new RegExp(`^\\s*(?:${AGENCIES_RU_SRC})(?=[\\s,.;]|$)`, "u");
const PRONOUN_RE = /^\s*(он|она|они)(?=[\s,.;]|$)/iu;
const ROLE_ANYWHERE_RE = new RegExp(`(?:${ROLE_HEAD_RU})(?:\\s+[а-яёА-ЯЁ-]+){0,4}`, "iu");
const ROLE_RE = new RegExp(`^\\s*((?:${ROLE_HEAD_RU})(?:\\s+[а-яёА-ЯЁ-]+){0,4})`, "iu");

function sentenceStart(text: string, pos: number): number {
  let i = pos - 1;
  while (i > 0) {
    const ch = text[i] as string;
    if (ch === "\n") return i + 1;
    if (/[.!?…]/u.test(ch) && /\s/u.test(text[i + 1] ?? "") && !/[«„“"]/u.test(text[i - 1] ?? "")) return i + 2;
    i--;
  }
  return 0;
}

/** What follows a speech verb, up to the end of its clause. */
function clauseAfter(text: string, from: number): string {
  const rest = text.slice(from, from + 160);
  const end = rest.search(/[.;!?\n]|,\s+(?:что|когда|который|которая|где)\b/u);
  return end < 0 ? rest : rest.slice(0, end);
}

/** Role titles that stand for a person on their own (`глава МИД России` → Lavrov), as mentions, for pronouns. */
function roleMentions(text: string, named: readonly RuMention[], registry: PersonRegistry): RuMention[] {
  const out: RuMention[] = [];
  const lower = text.toLowerCase();
  for (const [re, name] of ROLE_PEOPLE_RU) {
    const global = new RegExp(re.source.replace(/\^/g, "(?<=^|[\\s,(«—])"), "gu");
    for (const m of lower.matchAll(global)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      // "президент России Владимир Путин": the name that follows is the mention.
      if (named.some((n) => n.start >= end && n.start <= end + 25)) continue;
      const entry = registry.resolve(name);
      out.push({ name: entry?.name ?? name, key: entry?.key ?? name, start, end, female: name === "Maria Zakharova" });
    }
  }
  return out;
}

export function extractQuotesRu(text: string, named: readonly RuMention[], registry: PersonRegistry): ExtractedQuote[] {
  const out: ExtractedQuote[] = [];
  const mentions = [...named, ...roleMentions(text, named, registry)].sort((a, b) => a.start - b.start);
  const bodies: BodyMention[] = bodyMentions(text);
  const mentionIn = (from: number, to: number) => mentions.find((m) => m.start >= from && m.start < to);
  const lastBefore = (pos: number, from: number, female?: boolean) => {
    let best: RuMention | undefined;
    for (const m of mentions) {
      if (m.end > pos || m.start < from) continue;
      if (female !== undefined && m.female !== female) continue;
      best = m;
    }
    return best;
  };
  const byRole = (phrase: string): string | null => {
    const p = phrase.trim().toLowerCase();
    for (const [re, name] of ROLE_PEOPLE_RU) if (re.test(p)) return registry.resolve(name)?.name ?? name;
    return null;
  };

  /** The speaker named by a phrase that starts at `at` (after a verb, or inside «по словам …»). */
  const speakerOfPhrase = (
    at: number,
    phrase: string,
    quoteOpen: number,
    female?: boolean,
  ): string | null | "agency" => {
    const found = personOfPhrase(at, phrase, quoteOpen);
    if (found) return found;
    const body = bodyOfPhrase(phrase, bodies, quoteOpen);
    if (body) return body;
    if (ANAPHOR_RE.test(phrase)) return (lastBefore(quoteOpen, 0, female) ?? lastBefore(quoteOpen, 0))?.name ?? null;
    return null;
  };
  const personOfPhrase = (at: number, phrase: string, quoteOpen: number): string | null | "agency" => {
    if (AGENCY_RE.test(phrase)) {
      // «…», — цитирует Пескова ТАСС: the person comes before the agency.
      const m = mentionIn(at, at + phrase.length);
      return m ? m.name : "agency";
    }
    const pro = PRONOUN_RE.exec(phrase);
    if (pro) {
      const female = pro[1]?.toLowerCase() === "она" ? true : undefined;
      return (lastBefore(quoteOpen, 0, female) ?? lastBefore(quoteOpen, 0))?.name ?? null;
    }
    const named = mentionIn(at, at + Math.min(phrase.length, 90));
    const role = ROLE_RE.exec(phrase);
    if (named && (!role || named.start - at <= (role[0]?.length ?? 0) + 2)) return named.name;
    if (role?.[1]) return byRole(role[1]) ?? named?.name ?? null;
    return named?.name ?? null;
  };

  for (const span of splitMiddle(quoteSpans(text))) {
    const words = span.text
      .trim()
      .split(/\s+/u)
      .filter((w) => /\p{L}/u.test(w));
    if (words.length === 0) continue;
    let speaker: string | null | "agency" = null;
    let attributed = false;
    const after = text.slice(span.close + 1, span.close + 200);
    const am = span.speakerAt === undefined ? AFTER_RE.exec(after) : null;
    if (span.speakerAt !== undefined) {
      attributed = true;
      speaker = speakerOfPhrase(span.speakerAt, clauseAfter(text, span.speakerAt), span.open);
    }
    const doc = am ? null : DOCUMENT_RE.exec(after);
    if (doc) {
      attributed = true;
      const at = span.close + 1 + doc[0].length;
      const phrase = clauseAfter(text, at);
      speaker = HEAD_OF_STATE_RE.test(phrase)
        ? (lastBefore(span.open, 0)?.name ?? null)
        : (mentionIn(at, at + phrase.length)?.name ?? bodyOfPhrase(phrase, bodies, span.open));
    }
    if (am) {
      attributed = true;
      const at = span.close + 1 + am[0].length;
      const verb = (am[1] ?? "").trim();
      const female = /(?:ла|лась)$/u.test(verb) ? true : /(?:л|лся)$/u.test(verb) ? false : undefined;
      speaker = speakerOfPhrase(at, clauseAfter(text, at), span.open, female);
    }
    if (!attributed && span.speakerAt === undefined) {
      const sStart = sentenceStart(text, span.open);
      const before = text.slice(sStart, span.open);
      const subject = () => lastBefore(span.open, sStart)?.name ?? null;
      const colon = BEFORE_COLON_RE.exec(before);
      const ps = PO_SLOVAM_RE.exec(before);
      const kak = KAK_RE.exec(before);
      if (ps?.[1] !== undefined) {
        attributed = true;
        speaker = speakerOfPhrase(sStart + (ps.index ?? 0) + ps[0].indexOf(ps[1]), ps[1], span.open);
      } else if (kak?.[2] !== undefined) {
        attributed = true;
        speaker = speakerOfPhrase(sStart + (kak.index ?? 0) + kak[0].lastIndexOf(kak[2]), kak[2], span.open);
      } else if (colon || ATTITUDE_RE.test(before) || THAT_RE.test(before)) {
        attributed = true;
        const verbAt = sStart + (colon?.index ?? before.search(/\S+\s*[^\s]*$/u));
        speaker = lastBefore(verbAt, sStart)?.name ?? subject();
        // `Он добавил: «…»`: a pronoun subject is the person named before the sentence.
        const pro = speaker ? null : PRONOUN_RE.exec(before);
        if (pro) speaker = lastBefore(sStart, 0, pro[1]?.toLowerCase() === "она" ? true : undefined)?.name ?? null;
        if (!speaker) speaker = bodyOfPhrase(before, bodies, span.open);
        if (!speaker) {
          const role = ROLE_ANYWHERE_RE.exec(before);
          speaker = role ? byRole(role[0]) : null;
        }
      }
    }
    if (speaker === "agency") speaker = null;
    // Names and scare quotes: a few words nobody is said to have spoken.
    if (!attributed && words.length <= 3) continue;
    if (words.length <= 3 && NAME_BEFORE_RE.test(text.slice(Math.max(0, span.open - 40), span.open))) continue;
    if (!attributed && span.dialogue) continue;
    // A quote never comes from a person it names in the third person.
    if (speaker && mentions.some((m) => m.name === speaker && m.start > span.open && m.end <= span.close))
      speaker = null;
    const quoteText = span.text.replace(/\s+/gu, " ").replace(/^[\s,—–-]+|[\s,—–-]+$/gu, "");
    if (quoteText.length === 0) continue;
    out.push({ text: quoteText, speaker, position: span.open });
  }
  return out;
}
