/**
 * Bodies that speak in Russian news: `— сообщил Кремль`, `сообщили в пресс-службе Акорды`, `МИД РК выразил…`,
 * `говорится в заявлении ведомства`. A body is named in the nominative, its head noun normalised from any case
 * (`пресс-службы Акорды` → `пресс-служба Акорды`, `в Кремле` → `Кремль`); a bare generic noun (`ведомства`,
 * `пресс-службы`) stands for the last body of that kind named before it.
 */

/** Country complements that belong to a body's name. */
const OF_COUNTRY = "(?:\\s+(?:России|РФ|Казахстана|РК|Республики Казахстан|Белоруссии|Киргизии|Узбекистана|КНР|США))";
const CAP = "[А-ЯЁ][А-ЯЁа-яё-]*";

/** Head nouns (any case) with the nominative they take, and whether a complement is part of the name. */
const HEADS: ReadonlyArray<readonly [string, string, boolean]> = [
  ["пресс-служб[аеыуой]+", "пресс-служба", true],
  ["пресс-центр(?:а|е|у|ом)?", "пресс-центр", true],
  ["Кремл(?:ь|я|е|ю|ем)", "Кремль", false],
  ["Акорд(?:а|ы|е|у|ой)", "Акорда", false],
  ["МИД(?:а|е|у|ом)?", "МИД", true],
  ["МВД", "МВД", true],
  ["Минобороны", "Минобороны", true],
  ["Минэнерго", "Минэнерго", true],
  ["Роскосмос(?:а|е|у|ом)?", "Роскосмос", false],
  ["Госдум(?:а|ы|е|у|ой)", "Госдума", false],
  ["[Пп]равительств(?:о|а|е|у|ом)", "правительство", true],
  ["[Мм]инистерств(?:о|а|е|у|ом)(?:\\s+[а-яё]+){1,3}?", "министерство", true],
];

/** Generic nouns that name no body on their own: they point back to the last one named. */
const GENERIC_RE = /^(?:ведомств|министерств|пресс-служб|пресс-центр|МИД|правительств)\S*$/u;

const BODY_RE = new RegExp(
  `(?<![А-ЯЁа-яё-])(${HEADS.map(([h]) => h).join("|")})((?:\\s+(?:${CAP}|президента|правительства|главы государства|министерства\\s+[а-яё]+(?:\\s+[а-яё]+)?))?${OF_COUNTRY}?)`,
  "gu",
);

const MINISTRY_HEADS: ReadonlySet<string> = new Set([
  "МИД",
  "МВД",
  "Минобороны",
  "Минэнерго",
  "министерство",
  "Роскосмос",
]);

/** A generic head without its complement (`пресс-служба`, `МИД`): it names no one body. */
function isBare(b: BodyMention): boolean {
  return b.name === b.head && /^(?:пресс-служба|пресс-центр|МИД|МВД|правительство|министерство)$/u.test(b.head);
}

export interface BodyMention {
  name: string;
  start: number;
  end: number;
  /** Normalised head noun (`пресс-служба`, `МИД`, …). */
  head: string;
}

function nominative(headWord: string): string {
  for (const [h, nom] of HEADS) if (new RegExp(`^(?:${h})$`, "u").test(headWord)) return nom;
  return headWord;
}

/** Every body named in the text, in the nominative. */
export function bodyMentions(text: string): BodyMention[] {
  const out: BodyMention[] = [];
  for (const m of text.matchAll(BODY_RE)) {
    const headWord = m[1] ?? "";
    const first = headWord.split(/\s+/u)[0] ?? headWord;
    const head = nominative(first);
    const tail = headWord.slice(first.length) + (m[2] ?? "");
    // A capitalised body keeps its case; a common noun starts in lower case as a name.
    const start = m.index ?? 0;
    out.push({ name: `${head}${tail}`.replace(/\s+/gu, " ").trim(), start, end: start + m[0].length, head });
  }
  return out;
}

/**
 * The body a phrase (what follows a speech verb, or the noun after `говорится в заявлении`) names at its start,
 * or null. `в`/`во` before it is allowed (`сообщили в Кремле`). A generic noun resolves to the last body of its
 * kind named before `before` (any body for `ведомство`).
 */
export function bodyOfPhrase(phrase: string, mentions: readonly BodyMention[], before: number): string | null {
  const p = phrase.replace(/^\s*(?:во?\s+)?/u, "");
  const first = /^\S+/u.exec(p)?.[0]?.replace(/[.,;:!?]+$/u, "") ?? "";
  if (!first) return null;
  const own = bodyMentions(p).find((b) => b.start === 0);
  if (own && !isBare(own)) return own.name;
  if (GENERIC_RE.test(first) || own) {
    const head = own?.head;
    // `ведомство` is an executive body (a ministry, an agency), never a parliament or the presidency.
    const fits = (b: BodyMention) => (head ? b.head === head : MINISTRY_HEADS.has(b.head));
    const earlier = mentions.filter((b) => b.end <= before && !isBare(b) && fits(b));
    return earlier.at(-1)?.name ?? own?.name ?? null;
  }
  return null;
}
