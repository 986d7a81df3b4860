/**
 * A lexicon of French speech and attitude verbs (who says, stresses, praises, denounces, promises…) conjugated by
 * rule into the forms news uses for reported speech — past participle after an auxiliary, present, imperfect, simple
 * past, future and conditional in the third person, inverted forms (`a-t-il`, `estime-t-elle`) and reflexive forms
 * (`s'est félicité`) — and a scanner that finds these verb groups in a stretch of (quote-masked) text by word look-up.
 * Word look-up in sets keeps it fast on whole articles, where a regex of a thousand alternatives would not be.
 */

/** Regular -er verbs: the bulk of reporting verbs. */
const ER_VERBS = `
déclarer affirmer souligner noter rappeler estimer indiquer ajouter expliquer assurer préciser insister marteler
juger considérer confier résumer annoncer saluer qualifier déplorer dénoncer lancer commenter observer relever
signaler plaider répéter confirmer suggérer réaffirmer rétorquer tweeter raconter témoigner constater regretter
proclamer évoquer citer critiquer remercier louer vanter féliciter fustiger exhorter réclamer demander exiger
protester objecter répliquer riposter nuancer relativiser tempérer insinuer avouer concéder accuser reprocher
condamner stigmatiser blâmer railler ironiser plaisanter alerter menacer prôner préconiser recommander conseiller
proposer espérer souhaiter redouter mentionner clamer scander crier murmurer glisser confesser dévoiler révéler
informer détailler exposer formuler énoncer justifier argumenter arguer interpeller questionner rassurer encourager
implorer supplier enjoindre taxer décrypter épingler tacler applaudir célébrer honorer complimenter encenser
chiffrer pronostiquer anticiper certifier jurer attester nier contester réfuter rejeter récuser balayer minimiser
dédramatiser corriger rectifier clarifier appuyer appeler ordonner décréter parler réitérer marquer acter pointer déclarer dédier saluer regretter
s'exclamer s'écrier s'indigner s'alarmer s'inquiéter s'interroger s'emporter s'agacer se féliciter se montrer
se déclarer se prononcer se désoler se lamenter se réjouir se plaindre préférer entériner démentir trancher
résonner évaluer estimer insister remarquer signifier répercuter notifier aviser exprimer souhaiter espérer
annoncer assurer fulminer tonner s'étonner s'offusquer s'opposer s'engager s'adresser admirer dénigrer
`;

/** Irregular verbs: participles, then finite third-person forms (present, imperfect, past, future, conditional). */
const IRREGULAR: readonly [string, string, string][] = [
  ["dire", "dit dite dits dites", "dit disent disait disaient dira diront dirait diraient"],
  ["écrire", "écrit écrite écrits", "écrit écrivent écrivait écrivaient écrivit écrira écrirait"],
  ["décrire", "décrit décrite", "décrit décrivent décrivait décrivaient décrivit décrira"],
  ["promettre", "promis promise", "promet promettent promettait promettaient promit promettra promettrait"],
  ["admettre", "admis admise", "admet admettent admettait admit admettra"],
  ["reconnaître", "reconnu reconnue", "reconnaît reconnait reconnaissent reconnaissait reconnut reconnaîtra"],
  ["répondre", "répondu", "répond répondent répondait répondaient répondit répondra répondrait"],
  ["défendre", "défendu défendue", "défend défendent défendait défendit défendra"],
  ["conclure", "conclu", "conclut concluent concluait conclura"],
  ["poursuivre", "poursuivi", "poursuit poursuivent poursuivait poursuivit poursuivra"],
  ["prédire", "prédit", "prédit prédisent prédisait prédira"],
  ["soutenir", "soutenu", "soutient soutiennent soutenait soutint soutiendra soutiendrait"],
  ["maintenir", "maintenu", "maintient maintiennent maintenait maintint maintiendra"],
  ["prévenir", "prévenu", "prévient préviennent prévenait prévint préviendra"],
  ["avertir", "averti avertie", "avertit avertissent avertissait avertira"],
  ["réagir", "réagi", "réagit réagissent réagissait réagira"],
  ["garantir", "garanti garantie", "garantit garantissent garantissait garantira"],
  ["réjouir", "réjoui réjouie réjouis", "réjouit réjouissent réjouissait"],
  ["démentir", "démenti démentie", "dément démentent démentait démentit démentira"],
  ["croire", "", "croit croient croyait croyaient"],
  ["craindre", "craint crainte", "craint craignent craignait craignaient"],
  ["plaindre", "plaint plainte", "plaint plaignent plaignait"],
  ["prévoir", "", "prévoit prévoient prévoyait"],
  ["applaudir", "applaudi", "applaudit applaudissent applaudissait"],
  ["convaincre", "", "convainc"],
  ["interdire", "", ""],
  ["redire", "redit", "redit"],
  ["rendre hommage", "rendu", "rend rendent rendait"],
  ["mettre en garde", "mis", "met mettent mettait"],
  ["faire savoir", "fait", "fait font faisait faisaient fit fera"],
  ["laisser entendre", "laissé", "laisse laissent laissait"],
  ["apprendre", "appris", ""],
  ["entendre dire", "entendu", ""],
];

/** Forms that are also everyday nouns or adjectives ("une note", "le juge", "la critique"): trusted only inverted. */
const NOUN_LIKE = new Set(
  (
    "note juge lance relève observe signale salue critique menace demande conseille témoigne réclame estime dément " +
    "marque appuie pointe acte loue livre crie glisse dit fait rend met laisse propose souhaite présente espère " +
    "questionne balaie nie rappel regrette accuse informe exige tranche évalue répète compte poursuit conclut " +
    "honore confie appelle"
  ).split(" "),
);

/** Multi-word completions: the verb counts only with its complement ("fait savoir", "mis en garde"). */
const COMPLEMENTS: Readonly<Record<string, readonly string[][]>> = {
  fait: [["savoir"], ["valoir"], ["remarquer"], ["observer"], ["part"], ["état"], ["l", "éloge"], ["le", "point"]],
  font: [["savoir"], ["valoir"], ["remarquer"], ["part"], ["état"]],
  faisait: [["savoir"], ["valoir"], ["remarquer"]],
  faisaient: [["savoir"], ["valoir"]],
  fit: [["savoir"], ["valoir"], ["remarquer"]],
  fera: [["savoir"]],
  rendu: [["hommage"]],
  rend: [["hommage"]],
  rendent: [["hommage"]],
  rendait: [["hommage"]],
  mis: [["en", "garde"]],
  met: [["en", "garde"]],
  mettent: [["en", "garde"]],
  mettait: [["en", "garde"]],
  laissé: [["entendre"]],
  laisse: [["entendre"]],
  laissent: [["entendre"]],
  laissait: [["entendre"]],
};

function erForms(lemma: string): { participles: string[]; finite: string[] } {
  const stem = lemma.slice(0, -2);
  // lancer → lança, juger → jugea: the stem keeps its sound before a / o.
  const soft = stem.endsWith("c") ? `${stem.slice(0, -1)}ç` : stem.endsWith("g") ? `${stem}e` : stem;
  // répéter → répète, marteler → martèle, appeler → appelle, relever → relève: the stressed stem.
  let stressed = stem;
  if (/(?:app|rapp|interp)el$/.test(stem)) stressed = `${stem}l`;
  else if (/é[^aeiouyé]+$/.test(stem)) stressed = stem.replace(/é([^aeiouyé]+)$/, "è$1");
  else if (/e[^aeiouyé]$/.test(stem) && !/(?:qu|gu)e.$/.test(stem)) stressed = stem.replace(/e([^aeiouyé])$/, "è$1");
  if (/[aou]y$/.test(stem)) stressed = `${stem.slice(0, -1)}i`;
  const p = `${stem}é`;
  return {
    participles: [p, `${p}e`, `${p}s`, `${p}es`],
    finite: [
      `${stressed}e`,
      `${stressed}ent`,
      `${soft}ait`,
      `${soft}aient`,
      `${soft}a`,
      `${stem}èrent`,
      `${stressed === stem ? lemma : `${stressed}er`}a`,
      `${stressed === stem ? lemma : `${stressed}er`}ait`,
      `${lemma}ont`,
      `${lemma}aient`,
    ],
  };
}

const PARTICIPLES = new Set<string>();
const FINITE = new Set<string>();

for (const raw of ER_VERBS.split(/\s+/)) {
  if (!raw) continue;
  const lemma = raw.replace(/^(?:s'|se\s)/, "");
  if (!lemma.endsWith("er")) continue;
  const f = erForms(lemma);
  for (const x of f.participles) PARTICIPLES.add(x);
  for (const x of f.finite) FINITE.add(x);
}
// "se" verbs were split by whitespace: re-read them as lemmas too.
for (const m of ER_VERBS.matchAll(/se\s+(\p{L}+er)\b/gu)) {
  const f = erForms(m[1] ?? "");
  for (const x of f.participles) PARTICIPLES.add(x);
  for (const x of f.finite) FINITE.add(x);
}
for (const [, parts, finite] of IRREGULAR) {
  for (const x of parts.split(" ")) if (x) PARTICIPLES.add(x);
  for (const x of finite.split(" ")) if (x) FINITE.add(x);
}
// "a" (avoir) and "dit"-like forms that are also common words are handled by context, not dropped here.
FINITE.delete("a");

/** Number of distinct speech/attitude verbs in the lexicon (for tests and documentation). */
export const SPEECH_VERB_COUNT = new Set([
  ...ER_VERBS.split(/\s+/)
    .filter((w) => w.endsWith("er"))
    .map((w) => w.replace(/^s'/, "")),
  ...IRREGULAR.map((x) => x[0]),
]).size;

const AUX = new Set(["a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "avoir", "eut"]);
const ETRE = new Set(["est", "était", "sont", "étaient", "serait", "sera", "fut"]);
/** "est convaincu M. Tokaïev", "se dit persuadée": adjectives of conviction that report an opinion. */
const CONVINCED = new Set(
  "convaincu convaincue convaincus convaincues persuadé persuadée persuadés catégorique formel formelle".split(" "),
);
const SUBJECT_PRONOUNS = new Set(["il", "elle", "on", "ils", "elles"]);
/** Words that may sit between an auxiliary and its participle ("a, de son côté, salué", "a quant à lui fait"). */
const BETWEEN = new Set(
  (
    "également aussi ensuite encore notamment déjà alors toutefois pourtant enfin pour sa part de son côté leur " +
    "par ailleurs plus tard récemment ainsi clairement publiquement à nouveau lui même elle eux quant vivement " +
    "fermement longuement immédiatement aussitôt mardi lundi mercredi jeudi vendredi samedi dimanche hier " +
    "aujourd hui plusieurs reprises maintes fois une fois de nouveau tout simplement personnellement lors même " +
    "cependant néanmoins d abord surtout bien sûr certes volontiers ouvertement explicitement longtemps"
  ).split(" "),
);
const MAX_BETWEEN = 7;

/** A speech verb group found in the text. */
export interface VerbGroup {
  start: number;
  end: number;
  /** Subject pronoun carried by the verb itself ("a-t-il", "estime-t-elle"), else null. */
  pronoun: string | null;
  /** Participle without auxiliary-less reading risk, or a finite form that is also a noun ("note", "juge"). */
  nounLike: boolean;
}

interface Word {
  w: string;
  start: number;
  end: number;
}

const WORD_RE = /[A-Za-zÀ-ÖØ-öø-ÿŒœÆæ]+/g;
const FIRST_WORD_RE = /[A-Za-zÀ-ÖØ-öø-ÿŒœÆæ]+/y;

function words(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  WORD_RE.lastIndex = from;
  for (let m = WORD_RE.exec(text); m && m.index < to; m = WORD_RE.exec(text)) {
    const end = Math.min(m.index + m[0].length, to);
    out.push({ w: m[0].toLowerCase(), start: m.index, end });
  }
  return out;
}

/** Length in words of the complement `COMPLEMENTS[form]` found at `ws[j]`, or -1 (0 when none is needed). */
function complement(form: string, ws: readonly Word[], j: number): number {
  const needs = COMPLEMENTS[form];
  if (!needs) return 0;
  for (const seq of needs) {
    if (seq.every((x, k) => ws[j + k]?.w === x)) return seq.length;
  }
  return -1;
}

/** "-t-il" / "-il" right after word k (joined by hyphens): the pronoun and the index after it. */
function invertedPronoun(text: string, ws: readonly Word[], k: number): { pronoun: string; next: number } | null {
  const a = ws[k];
  const b = ws[k + 1];
  if (!a || !b) return null;
  if (b.w === "t" && text.charAt(b.start - 1) === "-") {
    const c = ws[k + 2];
    if (c && SUBJECT_PRONOUNS.has(c.w) && text.charAt(c.start - 1) === "-") return { pronoun: c.w, next: k + 3 };
    return null;
  }
  if (SUBJECT_PRONOUNS.has(b.w) && text.slice(a.end, b.start) === "-") return { pronoun: b.w, next: k + 2 };
  return null;
}

const AFTER_SUBJECT = new Set(["il", "elle", "ils", "elles", "on", "se", "s", "qui", "lui", "leur", "ne"]);
const DETERMINERS = new Set([
  "le",
  "la",
  "les",
  "un",
  "une",
  "des",
  "du",
  "l",
  "cette",
  "ce",
  "sa",
  "son",
  "ses",
  "leur",
]);

/** Speech verb groups in text[from, to), in order. */
export function findVerbGroups(text: string, from: number, to: number): VerbGroup[] {
  const ws = words(text, from, to);
  const out: VerbGroup[] = [];
  for (let i = 0; i < ws.length; i++) {
    const cur = ws[i] as Word;
    const w = cur.w;
    let group: VerbGroup | null = null;
    if (AUX.has(w) || (ETRE.has(w) && (ws[i - 1]?.w === "s" || ws[i - 1]?.w === "se"))) {
      const inv = invertedPronoun(text, ws, i);
      let j = inv ? inv.next : i + 1;
      const limit = j + MAX_BETWEEN;
      while (j < ws.length && j < limit && BETWEEN.has((ws[j] as Word).w) && !PARTICIPLES.has((ws[j] as Word).w)) j++;
      const part = ws[j];
      if (part && PARTICIPLES.has(part.w)) {
        const extra = complement(part.w, ws, j + 1);
        if (extra >= 0) {
          const last = ws[j + extra] as Word;
          const reflexive = ETRE.has(w) ? (ws[i - 1] as Word) : cur;
          group = { start: reflexive.start, end: last.end, pronoun: inv?.pronoun ?? null, nounLike: false };
          i = j + extra;
        }
      }
    } else if (ETRE.has(w) && CONVINCED.has(ws[i + 1]?.w ?? "")) {
      const next = ws[i + 1] as Word;
      group = { start: cur.start, end: next.end, pronoun: null, nounLike: false };
      i++;
    } else if (FINITE.has(w)) {
      const extra = complement(w, ws, i + 1);
      const prev = ws[i - 1]?.w ?? "";
      if (extra >= 0 && !DETERMINERS.has(prev)) {
        const inv = invertedPronoun(text, ws, i + extra);
        const last = ws[i + extra] as Word;
        const end = inv ? (ws[inv.next - 1] as Word).end : last.end;
        // "Il note", "qui juge", "se dit": after a subject word the noun reading is out.
        const nounLike = NOUN_LIKE.has(w) && extra === 0 && !AFTER_SUBJECT.has(prev);
        group = { start: cur.start, end, pronoun: inv?.pronoun ?? null, nounLike };
        i += extra;
      }
    }
    if (group) out.push(group);
  }
  return out;
}

/** Is there a speech verb (not a noun-like form) in text[from, to)? */
export function hasSpeechVerb(text: string, from: number, to: number): boolean {
  return findVerbGroups(text, from, to).some((g) => !g.nounLike);
}

/** The speech verb group starting at `at` (after spaces and an optional comma), or null. */
export function verbGroupAt(text: string, at: number, to: number): VerbGroup | null {
  const lead = /^[\s,]*/.exec(text.slice(at, Math.min(to, at + 8)))?.[0].length ?? 0;
  // Most positions start with no verb at all: look at the first word before scanning a whole window.
  FIRST_WORD_RE.lastIndex = at + lead;
  const first = FIRST_WORD_RE.exec(text)?.[0].toLowerCase();
  if (!first || !(AUX.has(first) || ETRE.has(first) || FINITE.has(first) || first === "s" || first === "se")) {
    return null;
  }
  const g = findVerbGroups(text, at + lead, Math.min(to, at + lead + 120))[0];
  return g && g.start === at + lead ? g : null;
}
