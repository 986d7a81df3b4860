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
