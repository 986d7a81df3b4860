/**
 * Invented French news text on the Kazakhstan–Russia beat, for benchmarks only. Deterministic (seeded), varied
 * enough that no two articles share a content hash: names, roles, places, figures, dates and quotes are drawn
 * from small hand-written pools and combined. Every sentence here was written for the bench.
 */
import { MONTHS_LONG } from "../src/core/format.ts";

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;

export function pick<T>(r: Rand, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

/** Speakers with the role written before the name ("le président kazakh Kassym-Jomart Tokaïev"). */
export const SPEAKERS = [
  { name: "Kassym-Jomart Tokaïev", role: "le président kazakh", surname: "Tokaïev" },
  { name: "Vladimir Poutine", role: "le président russe", surname: "Poutine" },
  { name: "Sergueï Lavrov", role: "le ministre russe des Affaires étrangères", surname: "Lavrov" },
  { name: "Dmitri Peskov", role: "le porte-parole du Kremlin", surname: "Peskov" },
  { name: "Maria Zakharova", role: "la porte-parole de la diplomatie russe", surname: "Zakharova" },
  { name: "Mikhaïl Michoustine", role: "le Premier ministre russe", surname: "Michoustine" },
  { name: "Alexeï Overtchouk", role: "le vice-Premier ministre russe", surname: "Overtchouk" },
  { name: "Oljas Bektenov", role: "le Premier ministre kazakh", surname: "Bektenov" },
  { name: "Mourat Nourtleou", role: "le ministre kazakh des Affaires étrangères", surname: "Nourtleou" },
  { name: "Aïdos Sarym", role: "le député kazakh", surname: "Sarym" },
  { name: "Galina Bektourova", role: "l'économiste kazakhe", surname: "Bektourova" },
  { name: "Timour Jaksylykov", role: "le directeur du port d'Aktaou", surname: "Jaksylykov" },
  { name: "Irina Sokolova", role: "la chercheuse russe", surname: "Sokolova" },
  { name: "Erlan Karine", role: "le conseiller d'État kazakh", surname: "Karine" },
] as const;

const PLACES = ["Astana", "Almaty", "Moscou", "Saint-Pétersbourg", "Aktaou", "Karaganda", "Kazan", "Orenbourg"];
const MONTHS = MONTHS_LONG.fr;

/** Topic-specific material: a subject, facts and things people say. */
const THEMES = [
  {
    key: "énergie",
    subjects: ["le transit du pétrole kazakh", "un nouveau gazoduc vers le nord", "les livraisons de gaz russe"],
    facts: [
      "Le volume de pétrole acheminé par l'oléoduc a atteint {n} millions de tonnes sur l'année.",
      "La compagnie gazière prévoit d'investir {n} milliards de tenge dans la modernisation des stations.",
      "Les exportations d'énergie vers l'Europe passent toujours en grande partie par le territoire russe.",
    ],
    quotes: [
      "nous ne dépendrons pas d'une seule route pour notre pétrole",
      "le gaz restera un pilier de notre coopération pour les dix prochaines années",
      "les contrats signés garantissent la stabilité des livraisons",
    ],
  },
  {
    key: "commerce",
    subjects: ["les échanges commerciaux bilatéraux", "les exportations de céréales", "l'investissement russe"],
    facts: [
      "Le commerce entre les deux pays a progressé de {n} % sur les neuf premiers mois.",
      "Plus de {n} entreprises à capitaux russes se sont enregistrées au Kazakhstan cette année.",
      "Les exportations de blé vers la Russie ont reculé pour la deuxième saison consécutive.",
    ],
    quotes: [
      "l'économie kazakhe a besoin de partenaires prévisibles",
      "nous voulons doubler le chiffre d'affaires d'ici la fin de la décennie",
      "les règles du commerce doivent être les mêmes pour tous",
    ],
  },
  {
    key: "sanctions",
    subjects: ["le respect des sanctions occidentales", "le contournement des sanctions", "les banques kazakhes"],
    facts: [
      "Une délégation européenne a rencontré {n} responsables du ministère du Commerce.",
      "Plusieurs banques ont suspendu les virements en roubles après l'annonce de nouvelles sanctions.",
      "Le gouvernement a publié une liste de {n} catégories de biens soumis à un contrôle renforcé.",
    ],
    quotes: [
      "le Kazakhstan ne servira pas de plateforme pour contourner les sanctions",
      "nos entreprises ne doivent pas payer le prix d'un conflit qui n'est pas le nôtre",
      "nous appliquons strictement les règles que nous avons acceptées",
    ],
  },
  {
    key: "transport",
    subjects: ["le corridor de transport transcaspien", "le fret ferroviaire", "le port d'Aktaou"],
    facts: [
      "Le trafic de conteneurs par chemin de fer a augmenté de {n} % en un an.",
      "Les travaux d'élargissement de la voie ferrée doivent s'achever dans {n} mois.",
      "Le port d'Aktaou a traité un volume record de marchandises en transit.",
    ],
    quotes: [
      "la logistique est devenue une question de souveraineté",
      "chaque wagon qui passe par nos terres crée des emplois",
      "le corridor du Milieu n'est pas dirigé contre qui que ce soit",
    ],
  },
  {
    key: "sécurité",
    subjects: ["la coopération militaire", "les exercices de l'OTSC", "la sécurité à la frontière"],
    facts: [
      "Près de {n} militaires ont participé aux manœuvres conjointes près de la frontière.",
      "Le ministère de la Défense a confirmé l'achat de {n} hélicoptères de transport.",
      "Les gardes-frontières des deux pays ont tenu une réunion de coordination.",
    ],
    quotes: [
      "notre armée a pour seule mission de défendre notre territoire",
      "l'alliance reste un cadre utile pour la sécurité régionale",
      "personne ne doit douter de notre engagement envers nos alliés",
    ],
  },
  {
    key: "migration",
    subjects: ["l'arrivée de travailleurs russes", "les relocants installés à Almaty", "les conditions de séjour"],
    facts: [
      "Environ {n} citoyens russes ont obtenu un numéro d'identification fiscale ce trimestre.",
      "Les loyers à Almaty ont augmenté de {n} % depuis l'arrivée des relocants.",
      "Une nouvelle règle limite à {n} jours le séjour sans enregistrement.",
    ],
    quotes: [
      "ceux qui respectent nos lois sont les bienvenus",
      "la migration doit rester encadrée et transparente",
      "nous ne voulons pas que nos villes deviennent inabordables",
    ],
  },
  {
    key: "culture",
    subjects: ["l'enseignement du russe dans les écoles", "les universités russes au Kazakhstan", "la langue kazakhe"],
    facts: [
      "Le nombre d'étudiants kazakhs inscrits dans des universités russes dépasse {n}.",
      "Une filiale d'université russe doit ouvrir ses portes à Astana à la rentrée.",
      "Le ministère de l'Éducation a publié {n} nouveaux manuels en langue kazakhe.",
    ],
    quotes: [
      "la langue kazakhe doit trouver toute sa place dans la vie publique",
      "l'éducation est le meilleur investissement dans nos relations",
      "nos étudiants doivent pouvoir choisir librement leur université",
    ],
  },
] as const;

const OPENERS = [
  "{role} {name} a reçu son homologue à {place} pour évoquer {subject}.",
  "Les discussions sur {subject} ont repris à {place}, selon plusieurs sources diplomatiques.",
  "À {place}, {subject} était au centre d'une réunion gouvernementale tenue {date}.",
  "{role} {name} s'est exprimé {date} à {place} sur {subject}.",
];

const CLOSERS = [
  "Une nouvelle rencontre est prévue {date} à {place}.",
  "Les deux parties doivent se retrouver {date} pour faire le point.",
  "Le dossier sera de nouveau examiné lors du sommet de l'Union économique eurasiatique {date}.",
  "Aucune date n'a été fixée pour la suite des discussions.",
];

function dayPhrase(r: Rand, year: number): { phrase: string; iso: string } {
  const m = Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return {
    phrase: `le ${d === 1 ? "1er" : d} ${MONTHS[m]} ${year}`,
    iso: `${year}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
  };
}

function fill(s: string, vars: Record<string, string>): string {
  return s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? "");
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One generated article. */
export interface GeneratedArticle {
  title: string;
  body: string;
  /** ISO day of publication. */
  published: string;
  theme: string;
  speakers: string[];
  quotes: Array<{ text: string; speaker: string }>;
  events: Array<{ iso: string; phrase: string }>;
}

/** Article number `i` (deterministic for a given seed). */
export function generateArticle(i: number, seed = 1): GeneratedArticle {
  const r = rng(seed * 1_000_003 + i);
  const theme = pick(r, THEMES);
  const year = 2015 + Math.floor(r() * 11);
  const pub = dayPhrase(r, year);
  const place = pick(r, PLACES);
  const subject = pick(r, theme.subjects);
  const a = pick(r, SPEAKERS);
  let b = pick(r, SPEAKERS);
  if (b.name === a.name) b = SPEAKERS[(SPEAKERS.indexOf(a) + 1) % SPEAKERS.length] as typeof b;
  const ev1 = dayPhrase(r, year - Math.floor(r() * 3));
  const ev2 = dayPhrase(r, year + (r() < 0.5 ? 0 : 1));
  const n = () => String(2 + Math.floor(r() * 980));
  const q1 = pick(r, theme.quotes);
  const q2 = pick(
    r,
    theme.quotes.filter((q) => q !== q1),
  );
  const ref = `n° ${1000 + i}`;
  const paragraphs = [
    `${place.toUpperCase()}, ${pub.phrase.replace(/^le /, "")} — ${capitalise(
      fill(pick(r, OPENERS), { role: a.role, name: a.name, place, subject, date: ev1.phrase }),
    )}`,
    `« ${capitalise(q1)} », a déclaré ${a.name} devant la presse, en rappelant l'accord ${ref} signé ${ev1.phrase}. ${fill(
      pick(r, theme.facts),
      { n: n() },
    )}`,
    `${capitalise(b.role)} ${b.name} a affirmé : « ${capitalise(q2)}. » ${fill(pick(r, theme.facts), { n: n() })} Selon ${
      b.surname
    }, les négociations sur ${subject} avancent « plus vite que prévu ».`,
    `${fill(pick(r, theme.facts), { n: n() })} Les observateurs à ${pick(r, PLACES)} estiment que ${subject} pèsera sur les relations entre Astana et Moscou pendant ${n()} jours encore.`,
    capitalise(fill(pick(r, CLOSERS), { date: ev2.phrase, place: pick(r, PLACES) })),
  ];
  const title = `${capitalise(subject)} : ${a.surname} ${pick(r, ["insiste", "répond", "prévient", "rassure"])} à ${place} (${ref})`;
  return {
    title,
    body: paragraphs.join("\n\n"),
    published: pub.iso,
    theme: theme.key,
    speakers: [a.name, b.name],
    quotes: [
      { text: capitalise(q1), speaker: a.name },
      { text: `${capitalise(q2)}.`, speaker: b.name },
    ],
    events: [ev1, ev2],
  };
}
