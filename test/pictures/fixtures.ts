/**
 * Invented timeline entries for the picture tests and samples: `n` events over about two years on the beat,
 * mixing days (with 1–5 outlets), months, years and multi-day periods.
 */
import type { Precision } from "../../src/core/analysis-types.ts";
import type { TimelineEntry } from "../../src/core/queries.ts";

const WHAT = [
  "Signature d'un accord gazier à Astana",
  "Visite de Tokaïev à Moscou",
  "Sommet de l'Union économique eurasiatique",
  "Ouverture du corridor ferroviaire Kostanaï–Tcheliabinsk",
  "Entretien téléphonique Tokaïev–Poutine",
  "Forum interrégional à Orenbourg",
  "Exercices militaires conjoints de l'OTSC",
  "Nouveau tarif du transit pétrolier",
  "Réunion des ministres de l'Énergie",
  "Accord sur la centrale nucléaire de Balkhach",
];
const AGAIN = ["", "Suite : ", "Bilan : ", "Reprise : ", "Fin : "];
const OUTLETS = ["Steppe Info", "Courrier d'Asie centrale", "Eurasie Hebdo", "Le Pont de l'Oural", "Dépêches d'Almaty"];

function iso(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** `n` events, oldest first, starting on `from` (deterministic). */
export function timelineFixture(n: number, from = "2024-01-08"): TimelineEntry[] {
  const t0 = Date.parse(`${from}T00:00:00Z`);
  const day = 86_400_000;
  return Array.from({ length: n }, (_, i) => {
    const start = t0 + Math.round(i * (730 / Math.max(1, n)) + ((i * 37) % 11)) * day;
    const s = new Date(start);
    let precision: Precision = "day";
    let startIso = iso(start);
    let endIso = startIso;
    if (i % 9 === 4) {
      precision = "month";
      startIso = `${startIso.slice(0, 7)}-01`;
      endIso = iso(Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + 1, 0));
    } else if (i % 13 === 7) {
      precision = "period";
      endIso = iso(start + 9 * day);
    } else if (i === 11) {
      precision = "year";
      startIso = `${s.getUTCFullYear()}-01-01`;
      endIso = `${s.getUTCFullYear()}-12-31`;
    }
    const outlets = 1 + ((i * 7) % 5);
    return {
      start: startIso,
      end: endIso,
      precision,
      phrase: startIso,
      summary: `${AGAIN[Math.floor(i / WHAT.length) % AGAIN.length]}${WHAT[i % WHAT.length]}`,
      articleCount: outlets + (i % 3),
      sources: OUTLETS.slice(0, outlets).map((name) => ({ name, url: null })),
      curated: false,
    };
  });
}

/**
 * Invented coverage: articles over `days` days ending on `to`, a few a week from five outlets, with two peaks
 * (a summit and a gas deal) whose articles mostly report one story each.
 */
export function coverageFixture(to = "2025-11-30", days = 365): import("../../src/core/queries.ts").CoverageData {
  const end = Date.parse(`${to}T00:00:00Z`);
  const articles: import("../../src/core/queries.ts").CoverageArticle[] = [];
  const topics = ["diplomatie", "energie", "transport-logistique", "securite"];
  for (let d = 0; d < days; d++) {
    const day = new Date(end - d * 86_400_000).toISOString().slice(0, 10);
    const peak = Math.abs(d - 40) < 4 ? 5 : Math.abs(d - 200) < 3 ? 4 : 0;
    const n = ((d * 7) % 5 === 0 ? 1 : 0) + ((d * 3) % 7 === 0 ? 1 : 0) + peak;
    for (let i = 0; i < n; i++) {
      const storyId = peak && i < peak ? (d < 100 ? 1 : 2) : 10 + ((d + i) % 40);
      articles.push({
        day,
        storyId,
        source: OUTLETS[(d + i) % OUTLETS.length] ?? null,
        topics: [topics[(d + i) % 4] ?? "diplomatie"],
      });
    }
  }
  const stories = [
    { id: 1, title: "Sommet Tokaïev–Poutine à Astana sur le transit du gaz" },
    { id: 2, title: "Accord gazier signé à Orenbourg" },
    ...Array.from({ length: 40 }, (_, i) => ({ id: 10 + i, title: `Dépêche ${i + 1}` })),
  ];
  return { articles, stories, truncated: false };
}
