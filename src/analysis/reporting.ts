/**
 * French reporting verbs (our own list, inflected forms) and the small phrase lexicons quote attribution needs:
 * document speakers, adverbs that sit between auxiliary and participle, pronoun subjects.
 */

const PARTICIPLES =
  "déclaré|affirmé|souligné|noté|rappelé|estimé|indiqué|ajouté|écrit|dit|expliqué|assuré|précisé|insisté|martelé|" +
  "jugé|considéré|prévenu|averti|reconnu|admis|confié|conclu|poursuivi|résumé|annoncé|salué|qualifié|déploré|" +
  "dénoncé|répondu|réagi|lancé|commenté|observé|relevé|signalé|fait savoir|fait valoir|exprimé|plaidé|démenti|" +
  "répété|confirmé|promis|garanti|suggéré|laissé entendre|soutenu|réaffirmé|rétorqué|tweeté|mis en garde|" +
  "assuré|raconté|témoigné|constaté|regretté|reconnu|proclamé|évoqué|cité|insisté|appelé|prédit|jugé|critiqué";

const PRESENTS =
  "affirme|déclare|souligne|note|rappelle|estime|indique|ajoute|écrit|dit|explique|assure|précise|insiste|" +
  "martèle|juge|considère|prévient|avertit|reconnaît|admet|confie|conclut|poursuit|résume|annonce|salue|qualifie|" +
  "déplore|dénonce|répond|réagit|lance|commente|observe|relève|signale|plaide|évoque|prédit|constate|regrette|" +
  "affirment|déclarent|soulignent|notent|rappellent|estiment|indiquent|ajoutent|écrivent|disent|expliquent|" +
  "assurent|précisent|insistent|jugent|considèrent|reconnaissent|annoncent|saluent|dénoncent|répondent|évoquent|" +
  "affirmait|déclarait|disait|disaient|écrivait|expliquait|estimait|soulignait|ajoutait|indiquait|assurait|" +
  "affirmaient|déclaraient|estimaient|jugeaient|considéraient";

/** Presents that are also common nouns ("une note", "le juge"): only trusted right after a quote. */
const NOUN_LIKE = new Set(["note", "juge", "lance", "relève", "observe", "signale", "salue", "poursuit"]);
const PRESENTS_IN_SENTENCE = PRESENTS.split("|")
  .filter((v) => !NOUN_LIKE.has(v))
  .join("|");

const REFLEXIVE =
  "s'est dit|s'est déclaré|s'est déclarée|s'est félicité|s'est félicitée|s'est réjoui|s'est réjouie|" +
  "s'est montré|s'est montrée|s'est inquiété|s'est inquiétée|se dit|se félicite|se réjouit|se demande|" +
  "se demandent|s'interroge|s'interrogent|s'inquiète|s'inquiètent|est convaincu|est convaincue|sont convaincus";

const PARTICIPLES_PRESENT =
  "soulignant|affirmant|ajoutant|estimant|notant|rappelant|indiquant|précisant|déclarant|expliquant|assurant|" +
  "insistant|qualifiant|évoquant|jugeant|considérant|avertissant|concluant";

const ADVERBS =
  "également|aussi|ensuite|encore|notamment|déjà|alors|toutefois|pourtant|enfin|pour sa part|de son côté|" +
  "par ailleurs|plus tard|récemment|ainsi|clairement|publiquement|à nouveau|de nouveau|lui-même|elle-même|" +
  "mardi|lundi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd'hui|à plusieurs reprises";

const ADV = `(?:(?:${ADVERBS})\\s+)*`;
const AUX = "(?:a|ont|avait|avaient|aurait|auraient|aura)";

/**
 * A finite reporting verb inside a sentence (auxiliary + optional adverbs + participle, a present/imperfect form,
 * or a reflexive/adjectival form). Participles in -ant are left out: they share the main clause's subject.
 */
export const FINITE_VERB_RE = new RegExp(
  `(?<![\\p{L}'-])(?:${AUX}(?:-t-(?:il|elle|on))?\\s+${ADV}(?:${PARTICIPLES})|${REFLEXIVE}|${PRESENTS_IN_SENTENCE})(?![\\p{L}-])`,
  "iu",
);

/** Right after a closing quote: ", a déclaré X", ", affirme X", ", a-t-il ajouté", ", est convaincu X". */
export const INVERSION_RE = new RegExp(
  `^\\s*,\\s*((?:${AUX}(?:-t-(?:il|elle|on))?\\s+${ADV}(?:${PARTICIPLES}))|(?:${REFLEXIVE})|(?:(?:${PRESENTS})(?:-t-(?:il|elle|on)|-(?:il|elle|ils|elles))?))(?![\\p{L}])`,
  "iu",
);

/** "selon lui", "selon M. Lavrov", "d'après le document". */
export const SELON_RE = /(?<![\p{L}])(?:selon|d'après)\s+/iu;

/** Present participles of reporting verbs ("soulignant que…"): they do not introduce a new subject. */
export const PARTICIPLE_PRESENT_RE = new RegExp(`(?<![\\p{L}])(?:${PARTICIPLES_PRESENT})(?![\\p{L}])`, "iu");

/** Adverbs that may sit between an inverted verb and its subject. */
export const LEADING_ADVERBS_RE = new RegExp(`^\\s*(?:(?:${ADVERBS}|,)\\s*)*`, "iu");

/** Nouns of documents and institutions that can be quoted as speakers, with their French determiner. */
const DOCUMENTS: Readonly<Record<string, string>> = {
  document: "le",
  communiqué: "le",
  texte: "le",
  rapport: "le",
  message: "le",
  traité: "le",
  accord: "l'",
  déclaration: "la",
  lettre: "la",
  résolution: "la",
  note: "la",
  kremlin: "le",
  ministère: "le",
  gouvernement: "le",
  ambassade: "l'",
  présidence: "la",
  "site du kremlin": "le",
};

/** A document/institution noun phrase at the start of `s` ("le document", "un communiqué", "La Déclaration"). */
export const DOCUMENT_RE =
  /^\s*(?:le|la|l'|un|une|ce|cette|ledit|ladite)\s*(document|communiqué|texte|rapport|message|traité|accord|déclaration|lettre|résolution|note|kremlin|ministère|gouvernement|ambassade|présidence)(?![\p{L}-])/iu;

/** Canonical speaker name for a document noun as written: "Déclaration" → "la Déclaration". */
export function documentSpeaker(noun: string): string {
  const det = DOCUMENTS[noun.toLowerCase()] ?? "le";
  return det === "l'" ? `l'${noun}` : `${det} ${noun}`;
}

/** Subject pronouns at the end of a clause, right before the verb. */
export const PRONOUN_END_RE = /(?:^|[\s,])(il|elle)(?:\s+y)?\s*$/iu;
/** Subject pronoun right after an inverted verb ("a-t-il ajouté", "selon lui"). */
export const PRONOUN_START_RE = /^\s*(?:-t-)?(?:il|elle|lui|elle-même|lui-même)(?![\p{L}])/iu;
