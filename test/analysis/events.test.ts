import { describe, expect, it } from "vitest";
import { extractEvents } from "../../src/analysis/events.ts";
import type { ExtractedEvent } from "../../src/core/analysis-types.ts";

const span = (e: ExtractedEvent) => `${e.start}..${e.end}/${e.precision}`;
const spans = (text: string, pub: string | null) => extractEvents(text, pub).map(span);
const one = (text: string, pub: string | null) => {
  const events = extractEvents(text, pub);
  expect(events).toHaveLength(1);
  return events[0] as ExtractedEvent;
};

describe("extractEvents rules on invented sentences", () => {
  it("reads full dates, ranges and day lists", () => {
    expect(spans("La commission mixte s'est réunie le 3 février 2026 à Astana.", null)).toEqual([
      "2026-02-03..2026-02-03/day",
    ]);
    expect(spans("Le forum s'est déroulé du 30 novembre au 2 décembre 2024 à Omsk.", null)).toEqual([
      "2024-11-30..2024-12-02/period",
    ]);
    const list = one("Les délégations se sont retrouvées les 11 et 12 novembre à Orenbourg.", "2025-11-20");
    expect([list.text, span(list)]).toEqual(["les 11 et 12 novembre", "2025-11-11..2025-11-12/period"]);
    expect(spans("Des pourparlers ont eu lieu les 3, 4 et 5 juin 2024.", null)).toEqual([
      "2024-06-03..2024-06-05/period",
    ]);
    expect(spans("Le salon a ouvert ses portes du 1er au 3 mars.", "2025-03-20")).toEqual([
      "2025-03-01..2025-03-03/period",
    ]);
  });

  it("reads month+year, bare years, seasons and parts of months", () => {
    expect(spans("L'accord a été ratifié en novembre 2024 par le Sénat.", null)).toEqual([
      "2024-11-01..2024-11-30/month",
    ]);
    const year = one("Le traité de bon voisinage a été signé en 2013 à Ekaterinbourg.", null);
    expect([year.text, span(year)]).toEqual(["en 2013", "2013-01-01..2013-12-31/year"]);
    expect(spans("Le ministre s'est rendu à Kostanaï fin octobre.", "2024-11-27")).toEqual([
      "2024-10-21..2024-10-31/period",
    ]);
    expect(spans("Les travaux ont commencé début décembre.", "2025-01-10")).toEqual(["2024-12-01..2024-12-10/period"]);
    expect(spans("Le gazoduc sera inauguré mi-mars 2026.", null)).toEqual(["2026-03-11..2026-03-20/period"]);
    // A horizon is a date but not an event (see relative-dates.test.ts).
    expect(spans("La ligne sera prolongée d'ici 2030.", null)).toEqual([]);
  });

  it("gives yearless dates the latest past year, or the next one when the verb is future", () => {
    expect(spans("Le sommet s'est tenu le 20 décembre à Saint-Pétersbourg.", "2025-03-10")).toEqual([
      "2024-12-20..2024-12-20/day",
    ]);
    expect(spans("Les ministres ont signé le protocole le 2 mars.", "2025-03-10")).toEqual([
      "2025-03-02..2025-03-02/day",
    ]);
    expect(spans("Le prochain sommet se tiendra le 5 février à Bichkek.", "2025-03-10")).toEqual([
      "2026-02-05..2026-02-05/day",
    ]);
    expect(spans("La visite débutera le 11 novembre.", "2025-11-10")).toEqual(["2025-11-11..2025-11-11/day"]);
  });

  it("dates weekdays from the publication day", () => {
    // 2025-11-13 is a Thursday.
    expect(spans("Le président a reçu mardi l'ambassadeur de Russie.", "2025-11-13")).toEqual([
      "2025-11-11..2025-11-11/day",
    ]);
    expect(spans("Le ministre se rendra lundi à Astana.", "2025-11-13")).toEqual(["2025-11-17..2025-11-17/day"]);
    expect(spans("Le président a reçu jeudi dernier son homologue.", "2025-11-13")).toEqual([
      "2025-11-06..2025-11-06/day",
    ]);
    expect(spans("Le marché est ouvert chaque mardi.", "2025-11-13")).toEqual([]);
    expect(spans("Le président a reçu mardi l'ambassadeur.", null)).toEqual([]);
  });

  it("dates anniversaries back from the year of the celebration", () => {
    const a = extractEvents(
      "Une réception a été donnée le 22 octobre 2022 pour le 30e anniversaire des relations diplomatiques.",
      null,
    );
    expect(a.map((e) => [e.text, span(e)])).toEqual([
      ["le 22 octobre 2022", "2022-10-22..2022-10-22/day"],
      ["30e anniversaire", "1992-01-01..1992-12-31/year"],
    ]);
    const words = extractEvents("Les deux pays ont célébré le dixième anniversaire de l'accord.", "2024-05-02");
    expect(words.map(span)).toEqual(["2014-01-01..2014-12-31/year"]);
    const day = extractEvents(
      "Le colloque du 28 novembre 2023 marquait le 10ème anniversaire du traité signé le 11 novembre à Ekaterinbourg.",
      "2023-11-29",
    );
    expect(day.map(span)).toEqual(["2023-11-28..2023-11-28/day", "2013-11-11..2013-11-11/day"]);
    expect(spans("Ils ont fêté les 25 ans de l'Union économique.", "2040-01-15")).toEqual([
      "2015-01-01..2015-12-31/year",
    ]);
  });

  it("dates 'la veille de sa visite' and 'le deuxième jour' from the dated visit", () => {
    const text =
      "Le ministre a publié une tribune à la veille de sa visite.\nLa visite officielle au Kazakhstan débutera le 4 juin.";
    expect(extractEvents(text, "2025-06-01").map((e) => [e.text, span(e)])).toEqual([
      ["à la veille de sa visite", "2025-06-03..2025-06-03/day"],
      ["le 4 juin", "2025-06-04..2025-06-04/day"],
    ]);
    const days = extractEvents(
      "Le président était à Moscou du 8 au 10 avril 2025. Le deuxième jour, il a visité une usine. Le dernier jour, il a rencontré des étudiants.",
      null,
    );
    expect(days.map(span)).toEqual([
      "2025-04-08..2025-04-10/period",
      "2025-04-09..2025-04-09/day",
      "2025-04-10..2025-04-10/day",
    ]);
    expect(spans("Le deuxième jour, il a visité une usine.", "2025-04-10")).toEqual([]);
    expect(spans("Il a parlé à la veille de sa visite.", "2025-04-10")).toEqual([]);
  });

  it("reads numeric dates and casual days through chrono", () => {
    expect(spans("Le 05/03/2024, les deux ministres ont paraphé un mémorandum sur le fret ferroviaire.", null)).toEqual(
      ["2024-03-05..2024-03-05/day"],
    );
    expect(spans("Le porte-parole du Kremlin a confirmé hier la tenue de la rencontre.", "2025-02-14")).toEqual([
      "2025-02-13..2025-02-13/day",
    ]);
  });

  it("ignores times, durations and numbers that are not dates", () => {
    const text =
      "Depuis 30 ans, les deux pays coopèrent. La réunion a commencé à 18h30 et a duré 3 heures. " +
      "Le traité compte 350 actes et les échanges ont atteint 28 milliards de dollars en 24 heures de négociations. " +
      "Il y a eu 2000 participants.";
    expect(extractEvents(text, "2025-01-01")).toEqual([]);
  });

  it("deduplicates the same date phrase within an article but keeps different phrases", () => {
    const text = "La visite a eu lieu le 27 novembre. Le 27 novembre, les présidents ont signé dix accords.";
    const events = extractEvents(text, "2024-11-30");
    expect(events).toHaveLength(1);
    const twice = extractEvents(`${text} Ce mercredi 27 novembre restera dans l'histoire.`, "2024-11-30");
    expect(twice).toHaveLength(2);
  });

  it("summarises long sentences to the clause around the date, without dangling words", () => {
    const long =
      "Dans un contexte marqué par de nombreuses incertitudes économiques régionales et par la hausse des prix de l'énergie, " +
      "les deux gouvernements ont signé le 14 mars 2026 un accord sur les livraisons de gaz, " +
      "qui prévoit une hausse progressive des volumes transportés vers le nord du Kazakhstan au cours des dix prochaines années.";
    const e = one(long, null);
    expect(e.summary.length).toBeLessThanOrEqual(160);
    expect(e.summary).toContain("le 14 mars 2026");
    expect(e.position).toBe(long.indexOf("le 14 mars 2026"));
  });

  it("never throws on bad input", () => {
    expect(extractEvents("", "2025-01-01")).toEqual([]);
    expect(extractEvents("   \n ", null)).toEqual([]);
    expect(extractEvents(undefined as unknown as string, null)).toEqual([]);
    expect(extractEvents("Le rendez-vous du 31 février 2024 n'existe pas.", "2024-03-01")).toEqual([]);
    expect(extractEvents("Le 45 novembre et le 0 mars, en 99999, en 0001.", "2024-03-01")).toEqual([]);
    expect(extractEvents("Il est arrivé le 3 mai.", "pas une date")).toEqual([]);
    const noise = `${"1".repeat(5000)} du 99 au 98 décembre ${"/".repeat(300)} les 31 et 30 avril 2024`;
    expect(() => extractEvents(noise, "2025-01-01")).not.toThrow();
  });
});

describe("anniversaries whose sentence names the origin year", () => {
  it("does not count back from the origin year itself", () => {
    const text =
      "Un festival a été organisé à l'occasion du 30e anniversaire de l'établissement des relations diplomatiques entre les deux pays, en 1992.";
    const events = extractEvents(text, "2022-12-03");
    expect(events.map((e) => e.start.slice(0, 4))).toContain("1992");
    expect(events.map((e) => e.start.slice(0, 4))).not.toContain("1962");
  });
});
