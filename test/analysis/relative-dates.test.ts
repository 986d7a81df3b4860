/**
 * Dates read against the publication day, one cause of issue 12 per block. Every sentence is written for these
 * tests (never copied from an article). Publication days: Tuesday 12 May 2026 unless the test says otherwise.
 */
import { describe, expect, it } from "vitest";
import { analyzeDocument } from "../../src/analysis/analyze.ts";
import { dateReference, extractDateMentions, extractEvents } from "../../src/analysis/events.ts";
import type { ExtractedEvent } from "../../src/core/analysis-types.ts";

const TUESDAY = "2026-05-12";
const span = (e: ExtractedEvent) => `${e.start}..${e.end}`;
const values = (text: string, pub: string | null = TUESDAY) => extractEvents(text, pub).map(span);
const day = (d: string) => `${d}..${d}`;

describe("relative days, weeks, months and years", () => {
  it("reads hier, aujourd'hui, demain, avant-hier and après-demain from the publication day", () => {
    expect(values("Le ministre est arrivé hier soir à Orenbourg.")).toEqual([day("2026-05-11")]);
    expect(values("La délégation visite aujourd'hui le port d'Aktaou.")).toEqual([day("2026-05-12")]);
    expect(values("Le traité sera ratifié demain par le Sénat.")).toEqual([day("2026-05-13")]);
    expect(values("Les pourparlers, entamés avant-hier, reprendront après-demain.")).toEqual([
      day("2026-05-10"),
      day("2026-05-14"),
    ]);
  });

  it("reads cette semaine, la semaine dernière and la semaine prochaine as Monday-to-Sunday weeks", () => {
    expect(values("Les manœuvres ont commencé cette semaine près de Karaganda.")).toEqual(["2026-05-11..2026-05-17"]);
    expect(values("Le vice-ministre s'est rendu à Omsk la semaine dernière.")).toEqual(["2026-05-04..2026-05-10"]);
    expect(values("La commission se réunira la semaine prochaine.")).toEqual(["2026-05-18..2026-05-24"]);
  });

  it("counts back 'il y a' days, weeks, months and years", () => {
    expect(values("Les premiers wagons sont arrivés il y a trois jours.")).toEqual([day("2026-05-09")]);
    expect(values("L'accord a été paraphé il y a une semaine.")).toEqual([day("2026-05-05")]);
    expect(values("Le chantier a démarré il y a deux mois.")).toEqual(["2026-03-01..2026-03-31"]);
    expect(values("La frontière a été rouverte il y a 4 ans.")).toEqual(["2022-01-01..2022-12-31"]);
  });

  it("reads 'février dernier', 'juin prochain', 'le mois prochain' and 'l'an dernier'", () => {
    expect(values("Astana a durci le contrôle en février dernier.")).toEqual(["2026-02-01..2026-02-28"]);
    expect(values("Un registre sera créé en juin prochain.")).toEqual(["2026-06-01..2026-06-30"]);
    expect(values("La livraison avait eu lieu en mai dernier.")).toEqual(["2025-05-01..2025-05-31"]);
    expect(values("La bibliothèque ouvrira le mois prochain.")).toEqual(["2026-06-01..2026-06-30"]);
    expect(values("Les échanges ont reculé l'an dernier.")).toEqual(["2025-01-01..2025-12-31"]);
    expect(values("Le marché commun ouvrira le 1er janvier prochain.")).toEqual([day("2027-01-01")]);
  });

  it("reads relative seasons and 'entre janvier et juin'", () => {
    expect(values("Le pays a connu l'hiver dernier une série de coupures.", "2026-09-14")).toEqual([
      "2025-12-01..2026-02-28",
    ]);
    expect(values("Le CPC a chargé un volume record entre janvier et juin.", "2026-08-20")).toEqual([
      "2026-01-01..2026-06-30",
    ]);
  });
});

describe("a day or month without a year points where its verb points", () => {
  it("takes this year's date when the verb or the bound looks forward", () => {
    expect(values("Le protocole sera signé le 30 juin à Astana.")).toEqual([day("2026-06-30")]);
    expect(values("Les exercices se poursuivent jusqu'au 30 juin.")).toEqual([day("2026-06-30")]);
    expect(values("La campagne reste ouverte jusqu'au 31 janvier.", "2026-12-01")).toEqual([day("2027-01-31")]);
    expect(values("Les ministres ont décidé de tenir leur prochaine réunion le 14 janvier.", "2026-10-15")).toEqual([
      day("2027-01-14"),
    ]);
  });

  it("takes the past date when a past verb governs it, even beside a future clause", () => {
    expect(values("Votée le 8 juillet, la réforme s'appliquera dès le 1er septembre.", "2026-07-10")).toEqual([
      day("2026-07-08"),
      day("2026-09-01"),
    ]);
    expect(values("Le fret avait repris le 20 juin.", "2026-05-20")).toEqual([day("2025-06-20")]);
  });

  it("takes the nearest month when no verb says", () => {
    expect(values("Moscou et Astana calent la visite d'État de novembre", "2026-09-16")).toEqual([
      "2026-11-01..2026-11-30",
    ]);
  });
});

describe("weekdays take the tense of the verb that governs them", () => {
  it("a past verb on the publication weekday is that very day", () => {
    expect(values("Un registre sera mis en place en juin, a annoncé mardi le vice-ministre.")).toEqual([
      "2026-06-01..2026-06-30",
      day("2026-05-12"),
    ]);
    expect(values("Mardi, les deux ministres ont signé le plan de consultations.")).toEqual([day("2026-05-12")]);
  });

  it("a past verb points to the last such weekday, a future one to the next", () => {
    expect(values("Le président s'est entretenu jeudi avec son homologue.")).toEqual([day("2026-05-07")]);
    expect(values("Les dirigeants se retrouveront jeudi à Minsk.")).toEqual([day("2026-05-14")]);
    expect(values("Le ministre a promis lundi de revenir à Almaty.")).toEqual([day("2026-05-11")]);
  });

  it("a weekday no verb dates (a headline in the present) is the nearest such day", () => {
    expect(values("Minsk accueille jeudi le sommet de l'Union économique eurasiatique", "2026-05-26")).toEqual([
      day("2026-05-28"),
    ]);
  });

  it("'ce jeudi' is the day of the publication week", () => {
    expect(values("Réunis ce jeudi à Minsk, les présidents ont approuvé le texte.", "2026-05-28")).toEqual([
      day("2026-05-28"),
    ]);
    expect(values("Le forum s'est ouvert ce lundi à Orenbourg.", "2026-11-04")).toEqual([day("2026-11-02")]);
  });

  it("keeps habitual weekdays out, even after a word ending like an article ('rendu mardi' is not 'du mardi')", () => {
    expect(values("Le marché se tient chaque mardi.")).toEqual([]);
    expect(values("Le ministre s'est rendu mardi à Astana.")).toEqual([day("2026-05-12")]);
  });
});

describe("birthdays and horizons are not events", () => {
  it("a person's Nth birthday is not an event of N years ago; a commemoration is", () => {
    expect(values("Le président a fêté dimanche son 73e anniversaire.", "2026-05-17")).toEqual([day("2026-05-17")]);
    expect(values("Le Kremlin a salué le 71e anniversaire de Kassym-Jomart Tokaïev.", "2024-05-17")).toEqual([]);
    expect(values("Moscou a célébré en 2022 le 30e anniversaire de l'établissement des relations.", null)).toEqual([
      "2022-01-01..2022-12-31",
      "1992-01-01..1992-12-31",
    ]);
  });

  it("'d'ici 2030' and 'jusqu'en 2040' are dates but not events; a past 'jusqu'en' is an event", () => {
    const text = "Le pays veut doubler ses exportations d'ici 2030 et garder le charbon jusqu'en 2040.";
    expect(values(text)).toEqual([]);
    expect(extractDateMentions(text, TUESDAY).map((d) => `${d.start.slice(0, 4)}:${d.kind}`)).toEqual([
      "2030:horizon",
      "2040:horizon",
    ]);
    expect(values("Il a dirigé le consortium jusqu'en 2019.")).toEqual(["2019-01-01..2019-12-31"]);
  });
});

describe("no publication date: the text's own anchor, marked low confidence", () => {
  it("takes a dateline opening the text as publication date, and does not date an event from it", () => {
    const text =
      "Accord gazier\n\nASTANA, 10 mars 2026 — Les deux pays ont signé ce mardi une feuille de route. La veille, les présidents avaient dîné ensemble.";
    const a = analyzeDocument({ text });
    expect(a.publishedAt).toBe("2026-03-10");
    expect(a.dateReference).toEqual({ date: "2026-03-10", source: "dateline", confidence: "low" });
    expect(a.events.map(span)).toEqual([day("2026-03-10"), day("2026-03-09")]);
  });

  it("else reads relative dates against the latest full date not about the future", () => {
    const text =
      "Les secouristes sont arrivés le 4 avril 2026 à Atyraou. La veille, le président avait appelé Moscou. La décrue est attendue le 8 avril, et le plan sera revu le 1er juin 2027.";
    expect(dateReference(text, null)).toEqual({ date: "2026-04-04", source: "text", confidence: "low" });
    expect(values(text, null)).toEqual([day("2026-04-04"), day("2026-04-03"), day("2026-04-08"), day("2027-06-01")]);
    expect(analyzeDocument({ text }).publishedAt).toBeNull();
  });

  it("a feed date is high confidence and wins over the dateline", () => {
    const a = analyzeDocument({ text: "MINSK, 28 mai 2026 — Le sommet s'est ouvert hier.", publishedAt: "2026-05-29" });
    expect(a.dateReference).toEqual({ date: "2026-05-29", source: "feed", confidence: "high" });
    expect(a.events.map(span)).toEqual([day("2026-05-28")]);
  });
});
