/**
 * Forgiving option parsing for text commands (Telegram, console): `/quote Tokayev`,
 * `/timeline énergie from:2024-01-01`, `/latest topic=energie 5`, `/onthisday 24/11 5`.
 * Named `name:value` / `name=value` tokens fill those options; a bare token matching an option's `match`
 * fills it (`/timeline 2025`); a bare whole number at the end (signed or not, any length) is the count —
 * the first integer option — so `/latest -5` is refused as a count rather than read as a topic; the
 * remaining text goes to the first string option. A four-digit number from 1000 to 2999 is a year, never a
 * count (`/search traité 2013`). Discord delivers typed options and skips this.
 */
import type { Command } from "./command.ts";
import { UserInputError } from "./errors.ts";

/** Longest argument text accepted (anything longer is refused with a clear message, not truncated). */
export const MAX_ARGS_LENGTH = 500;

export type Options = Record<string, string | number | boolean | undefined>;

/** Control characters (C0, DEL, C1) and invisible formatting characters (zero-width, bidi marks, BOM). */
function isControl(code: number): boolean {
  return (
    (code <= 0x1f && code !== 0x09 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0xfeff
  );
}

/** Removes control characters and collapses whitespace; arguments never carry markup meaning. */
export function cleanArgText(raw: string): string {
  let out = "";
  for (const ch of raw) if (!isControl(ch.codePointAt(0) ?? 0)) out += ch;
  return out.replace(/\s+/g, " ").trim();
}

export function parseArgs(def: Command, raw: string): Options {
  const text = cleanArgText(raw);
  if (text.length > MAX_ARGS_LENGTH) {
    throw new UserInputError({ key: "error.tooLong", params: { length: text.length, max: MAX_ARGS_LENGTH } });
  }
  const options: Options = {};
  const rest: string[] = [];
  const byName = new Map(def.options.map((o) => [o.name, o]));
  const tokens = text ? text.split(" ") : [];
  const last = tokens.length - 1;
  for (const [i, token] of tokens.entries()) {
    const named = /^([a-z_]{1,32})[:=](.+)$/i.exec(token);
    const opt = named ? byName.get(named[1]?.toLowerCase() ?? "") : undefined;
    if (named && opt) {
      options[opt.name] = coerce(opt.type, named[2] ?? "", opt.name);
      continue;
    }
    const matching = def.options.find((o) => o.match && options[o.name] === undefined && o.match.test(token));
    if (matching) {
      options[matching.name] = token;
      continue;
    }
    const intOpt = def.options.find((o) => o.type === "integer" && options[o.name] === undefined);
    if (intOpt && i === last && /^[-+−]?\d+$/.test(token) && !isYear(token)) {
      const n = Number(token.replace("−", "-"));
      // beyond 2^53 the number would be shown rounded in the refusal: keep what was typed
      options[intOpt.name] = Number.isSafeInteger(n) ? n : token;
      continue;
    }
    rest.push(token);
  }
  const free = def.options.find((o) => o.type === "string" && options[o.name] === undefined);
  if (rest.length > 0) {
    if (free) options[free.name] = rest.join(" ");
  }
  return options;
}

/** 1000–2999 written with four digits: a year in a query, not a count. */
function isYear(token: string): boolean {
  return /^[12]\d{3}$/.test(token);
}

function coerce(
  type: "string" | "integer" | "boolean" | "attachment",
  value: string,
  name: string,
): string | number | boolean {
  if (type === "integer") {
    if (!/^-?\d{1,9}$/.test(value))
      throw new UserInputError({ key: "error.badInteger", params: { value, option: name } });
    return Number(value);
  }
  if (type === "boolean") return /^(1|true|yes|oui|on)$/i.test(value);
  return value;
}
