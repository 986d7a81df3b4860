/**
 * Which way a date phrase points in time, read from the verb that governs it rather than from the whole sentence:
 * in "un registre sera mis en place en juin, a annoncé mardi le ministre" the weekday belongs to "a annoncé" (past)
 * and the month to "sera mis" (future). Markers are found once per sentence; a date takes the nearest marker of its
 * own clause (between commas, semicolons, colons, dashes or guillemets), else the nearest of the sentence.
 */

/** Direction of a verb: a past tense (passé composé, plus-que-parfait, past participle) or a future one. */
export type Tense = "past" | "future";

/** A tense cue in a sentence, as offsets within it. */
export interface TenseMarker {
  start: number;
  end: number;
  tense: Tense;
}

const L = "a-zàâäéèêëîïôöùûüç";
/** Past participle endings (masculine/feminine, singular/plural) of the regular and common irregular verbs. */
const PARTICIPLE = `[${L}]{2,}(?:é|ée|és|ées|i|ie|is|ies|it|ite|u|ue|us|ues|ert|erte|ort|orte|ait|aite|int|eint)`;
const ADVERBS =
  "(?:(?:pas|déjà|également|aussi|encore|alors|notamment|ensuite|enfin|finalement|bien|même|toujours|jamais|longtemps|ainsi|d'abord|récemment|été)\\s){0,2}";
/** Verbs conjugated with "être" in the passé composé: "est arrivé" is past, "est attendue" a present passive. */
const ETRE_VERB = `(?:arriv|parti|partie|partis|parties|venu|revenu|devenu|parvenu|intervenu|entr|rentr|sorti|mont|descendu|né|née|nés|nées|mort|rest|tomb|retourn|pass|allé|décéd)[${L}]*`;
/** Auxiliary (avoir, or être for its verbs and in pronominal forms) + up to two adverbs + past participle. */
const PAST_RE = new RegExp(
  `(?<![${L}])(?:(?:a|ont|ai|avons|avez|as|avait|avaient|était|étaient|fut|furent|s'est|se sont|s'était|s'étaient|a-t-il|a-t-elle|ont-ils)\\s${ADVERBS}${PARTICIPLE}|(?:est|sont)\\s${ADVERBS}(?=${ETRE_VERB}(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|t|te|ts|tes)?(?![${L}]))[${L}]+)(?![${L}])`,
  "giu",
);
/** Future and conditional verbs, near-future periphrases, "prévu", and planning verbs governing an infinitive. */
const FUTURE_RE = new RegExp(
  `(?<![${L}A-Z])(?:[${L}]{2,}(?:era|eront|ira|iront|dra|dront|ra|ront|erait|eraient|irait|iraient|drait|draient)|serait|seraient|aurait|auraient|pourrait|pourraient|devrait|devraient|ferait|feraient|faudrait|doi(?:t|vent) (?:(?:y|en|se|s'|l'|le|la|les)\\s?)?[${L}]+(?:er|ir|re)|devr(?:a|ont)|va|vont|pr[ée]vue?s?|à venir|aura lieu|prochaine?s?|(?:convenu|convenus|convenue|convenues|décidé|décidée|décidés|promis|promet|promettent|prévoit|prévoient|projette|entend|entendent|compte|comptent|espère|espèrent|souhaite|souhaitent|veut|veulent|envisage|envisagent|s'engage|se sont engagés|s'est engagé)\\s(?:de|d'|à)?\\s?\\s?(?:(?:se|s'|le|la|les|l'|y|en)\\s?)?[${L}]+(?:er|ir|re))(?![${L}])`,
  "giu",
);
/** Words that end like a future or conditional but are not verbs, and -irer imperfects ("tirait") that look conditional. */
const NOT_FUTURE =
  /^(?:opéra|caméra|extra|ultra|contra|choléra|mantra|cobra|para|tirait|retirait|attirait|admirait|inspirait|aspirait|désirait|soupirait|virait)$/;
/**
 * A clause opened by a past participle and its complement: "Parti hier de l'Oural, …", "Votée le 8 juillet, …",
 * "Réunis ce jeudi". The complement tells it from a capitalised name ("Moscou et Astana…").
 */
const LEADING_PARTICIPLE = new RegExp(
  `^\\s*(?:${PARTICIPLE})(?=\\s(?:de|d'|du|des|par|à|au|aux|en|le|la|les|l'|hier|avant-hier|ce|cette|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|dans|depuis|lors|avant|après|sur|pour|avec)(?![${L}]))`,
  "iu",
);
/** Nouns ending like participles that open clauses ("Journée", "Année", "Lundi soir"...): not verbs. */
const NOT_PARTICIPLE =
  /^(?:journée|année|soirée|matinée|arrivée|entrée|idée|armée|durée|lycée|musée|fusée|ainsi|aussi|parmi|celui|ensuite|lorsqu|puisqu|jusqu|samedi|lundi|mardi|mercredi|jeudi|vendredi|dimanche|depuis|jadis|dessus|autrui|salut|début|statut|avenue|revue|tribu|issue|surtout|partout|partie|sortie|suite|visite|réussite|limite|élite|faillite|conduite|poursuite|fuite|crédit|profit|produit|circuit|conflit|esprit|droit|endroit|détroit|effort|rapport|support|transport|passeport|port|sort|mort|accord|nord|bord|record|alors|pays|avis|paris|dollars)$/i;

const CLAUSE_BREAK = /[,;:«»()—–]/g;

/** Tense markers of one sentence, in order. The sentence keeps its original casing. */
export function tenseMarkers(sentence: string): TenseMarker[] {
  const out: TenseMarker[] = [];
  FUTURE_RE.lastIndex = 0;
  for (let m = FUTURE_RE.exec(sentence); m; m = FUTURE_RE.exec(sentence)) {
    if (NOT_FUTURE.test(m[0].toLowerCase())) continue;
    out.push({ start: m.index, end: m.index + m[0].length, tense: "future" });
  }
  PAST_RE.lastIndex = 0;
  for (let m = PAST_RE.exec(sentence); m; m = PAST_RE.exec(sentence)) {
    const start = m.index;
    const end = start + m[0].length;
    // "sont convenus de se rencontrer": the planning verb makes its infinitive future; the auxiliary says nothing.
    if (out.some((f) => f.tense === "future" && f.start < end && f.end > start)) continue;
    out.push({ start, end, tense: "past" });
  }
  // Clauses opened by a participle ("Parti hier", "Clôturé hier, le forum…").
  let from = 0;
  CLAUSE_BREAK.lastIndex = 0;
  const starts = [0];
  for (let m = CLAUSE_BREAK.exec(sentence); m; m = CLAUSE_BREAK.exec(sentence)) starts.push(m.index + 1);
  for (const s of starts) {
    from = s;
    const p = LEADING_PARTICIPLE.exec(sentence.slice(from, from + 40));
    if (!p) continue;
    const word = p[0].trim();
    if (word.length < 5 || NOT_PARTICIPLE.test(word)) continue;
    const start = from + p[0].length - word.length;
    if (!out.some((x) => x.start <= start && x.end > start))
      out.push({ start, end: start + word.length, tense: "past" });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Start and end (within the sentence) of the clause around an offset. */
function clauseAround(sentence: string, at: number, len: number): [number, number] {
  let lo = 0;
  let hi = sentence.length;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(sentence); m; m = CLAUSE_BREAK.exec(sentence)) {
    if (m.index < at) lo = m.index + 1;
    else if (m.index >= at + len) {
      hi = m.index;
      break;
    }
  }
  return [lo, hi];
}

function distance(m: TenseMarker, at: number, len: number): number {
  if (m.end <= at) return at - m.end;
  if (m.start >= at + len) return m.start - (at + len);
  return 0;
}

/**
 * Tense of the verb governing the phrase at `at` (length `len`) in `sentence`: the nearest marker in its clause,
 * else the nearest in the sentence; null when the sentence has none (present tense, noun phrases).
 */
export function governingTense(
  sentence: string,
  markers: readonly TenseMarker[],
  at: number,
  len: number,
): Tense | null {
  if (markers.length === 0) return null;
  const [lo, hi] = clauseAround(sentence, at, len);
  let best: TenseMarker | null = null;
  let bestIn = false;
  for (const m of markers) {
    if (m.start < at + len && m.end > at) continue; // the phrase itself ("la semaine prochaine")
    const inClause = m.start >= lo && m.end <= hi;
    if (best && bestIn && !inClause) continue;
    if (!best || (inClause && !bestIn) || distance(m, at, len) < distance(best, at, len)) {
      best = m;
      bestIn = inClause;
    }
  }
  return best ? best.tense : null;
}
