import { describe, expect, it } from "vitest";
import { detectLanguage, normalizeText, parseDateline } from "../../src/analysis/normalize.ts";

describe("normalizeText", () => {
  it("turns NBSP and narrow NBSP into spaces and collapses runs", () => {
    const r = normalizeText("Le\u00a0président\u202fkazakh  a   parlé\u00a0: « oui ».");
    expect(r.text).toBe("Le président kazakh a parlé : « oui ».");
  });

  it("uses the straight apostrophe everywhere", () => {
    expect(normalizeText("l’alliance et l‘accord d`État").text).toBe("l'alliance et l'accord d'État");
  });

  it("keeps paragraph breaks but drops extra blank lines", () => {
    const r = normalizeText("Premier paragraphe sur la visite.\n\n\n\nSecond paragraphe sur le sommet.");
    expect(r.text).toBe("Premier paragraphe sur la visite.\n\nSecond paragraphe sur le sommet.");
  });

  it("splits a time glued to the date and removes the byline and a lone agency code", () => {
    const r = normalizeText(
      "Astana salue le partenariat\n\n09:4503/12/2025, mercredi\nAFP\nLe ministre a parlé de la visite.",
    );
    expect(r.dateline).toBe("03/12/2025");
    expect(parseDateline(r.dateline ?? "")).toBe("2025-12-03");
    expect(r.text).not.toMatch(/09:45|AFP/);
    expect(r.title).toBe("Astana salue le partenariat");
  });

  it("splits an outlet name glued to the date", () => {
    const r = normalizeText(
      "Un titre\nJournal du SoirJournal du Soir05/02/2024\nLe texte commence ici avec la visite.",
    );
    expect(r.dateline).toBe("05/02/2024");
    expect(r.text).not.toContain("Journal du Soir");
  });

  it("drops a Vietnamese caption line but never a French line", () => {
    const raw = [
      "Les deux présidents se sont rencontrés à Astana le 3 mars.",
      "Tổng thống thăm Kazakhstan: quan hệ đối tác chiến lược mới",
      "Le président a qualifié la rencontre de « très constructive et utile ».",
    ].join("\n");
    const r = normalizeText(raw);
    expect(r.text.split("\n")).toEqual([
      "Les deux présidents se sont rencontrés à Astana le 3 mars.",
      "Le président a qualifié la rencontre de « très constructive et utile ».",
    ]);
  });

  it("drops photo credits and a duplicated lead line", () => {
    const lead = "Le chef de la diplomatie kazakhe a reçu son homologue russe à Astana pour deux jours.";
    const r = normalizeText(`Titre court\n${lead}\nCrédit Photo : Agence /\nPhoto du site akorda.kz\n${lead}\nSuite.`);
    expect(r.text).toBe(`Titre court\n${lead}\nSuite.`);
  });

  it("joins fragments split over lines by HTML extraction", () => {
    const r = normalizeText('Il a salué une coopération\n"solide et durable entre nos pays"\n, selon le texte.');
    expect(r.text).toBe('Il a salué une coopération "solide et durable entre nos pays", selon le texte.');
  });

  it("gives no title when the first line is a sentence", () => {
    expect(normalizeText("La visite a commencé lundi à Moscou.\nSuite.").title).toBeNull();
  });

  it("does not throw on empty or binary-looking input", () => {
    expect(normalizeText("")).toEqual({ text: "", title: null, dateline: null });
    const junk = "\u0000\u0001\uFFFD\u0007abc\u0000\n\u001b[0m\u0000";
    expect(() => normalizeText(junk)).not.toThrow();
    expect(normalizeText(junk).text.includes("\u0000")).toBe(false);
    expect(() => normalizeText(undefined as unknown as string)).not.toThrow();
  });
});

describe("parseDateline", () => {
  it("reads numeric and French dates", () => {
    expect(parseDateline("11/11/2025")).toBe("2025-11-11");
    expect(parseDateline("18:0311/11/2025, mardi")).toBe("2025-11-11");
    expect(parseDateline("mardi 11 novembre 2025")).toBe("2025-11-11");
    expect(parseDateline("1er décembre 2024")).toBe("2024-12-01");
    expect(parseDateline("2025-02-03")).toBe("2025-02-03");
  });

  it("rejects impossible dates and non-dates", () => {
    expect(parseDateline("31/02/2025")).toBeNull();
    expect(parseDateline("pas de date")).toBeNull();
  });
});

describe("detectLanguage", () => {
  it("says fr for French, und for too little text, another code for English", () => {
    expect(
      detectLanguage(
        "Le président kazakh a reçu mardi son homologue russe à Astana pour parler du gaz, du commerce et des frontières communes.",
      ),
    ).toBe("fr");
    expect(detectLanguage("ok")).toBe("und");
    expect(
      detectLanguage("The president of Kazakhstan met his Russian counterpart in Moscow to sign several agreements."),
    ).toBe("en");
  });

  it("keeps Spanish, Italian and Catalan prose out of the French fast path", () => {
    const es =
      "El presidente de Kazajistán se reunió con su homólogo ruso en Moscú para firmar varios acuerdos sobre el comercio, la energía y el transporte. Según el portavoz del gobierno, las conversaciones fueron constructivas y las dos partes acordaron reunirse de nuevo el próximo mes. Los analistas consideran que la cooperación económica seguirá creciendo a pesar de las sanciones occidentales.";
    const it =
      "Il presidente del Kazakistan ha incontrato il suo omologo russo a Mosca per firmare diversi accordi sul commercio, l'energia e i trasporti. Secondo il portavoce del governo, i colloqui sono stati costruttivi e le due parti hanno concordato di incontrarsi di nuovo il mese prossimo. Gli analisti ritengono che la cooperazione economica continuerà a crescere nonostante le sanzioni occidentali.";
    const ca =
      "El president del Kazakhstan es va reunir amb el seu homòleg rus a Moscou per signar diversos acords sobre el comerç, l'energia i el transport. Segons el portaveu del govern, les converses van ser constructives i les dues parts van acordar tornar-se a reunir el mes vinent. Els analistes consideren que la cooperació econòmica continuarà creixent malgrat les sancions occidentals.";
    const fr =
      "Le président du Kazakhstan a reçu son homologue russe à Astana pour signer des accords sur le commerce, l'énergie et les transports. Selon le porte-parole du gouvernement, les discussions ont été constructives et les deux parties sont convenues de se revoir le mois prochain. Les analystes estiment que la coopération économique avec la Russie va continuer malgré les sanctions, mais les entreprises restent prudentes dans leur approche.";
    expect(detectLanguage(es)).toBe("es");
    expect(detectLanguage(it)).toBe("it");
    expect(detectLanguage(ca)).not.toBe("fr");
    expect(detectLanguage(fr)).toBe("fr");
  });
});
