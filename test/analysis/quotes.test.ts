import { describe, expect, it } from "vitest";
import { extractPeople, PersonRegistry } from "../../src/analysis/names.ts";
import { normalizeText } from "../../src/analysis/normalize.ts";
import { extractQuotes } from "../../src/analysis/quotes.ts";

const reg = new PersonRegistry();
function quotes(raw: string) {
  const text = normalizeText(raw).text;
  return extractQuotes(text, extractPeople(text, reg), reg).map((q) => ({ text: q.text, speaker: q.speaker }));
}

describe("quote spans", () => {
  it("pairs nested guillemets and keeps the outer quotation whole", () => {
    const q = quotes(
      "Le ministre Sergueï Lavrov a déclaré : « Le texte dit « ouvrir une nouvelle page » pour nos pays. »",
    );
    expect(q).toHaveLength(1);
    expect(q[0]?.text).toBe("Le texte dit « ouvrir une nouvelle page » pour nos pays.");
  });

  it("pairs straight and curly double quotes, also across line breaks", () => {
    const q = quotes(
      'Dmitri Peskov a affirmé que Moscou restait\n"pleinement attaché à ce partenariat"\n. Il a ajouté que c\'était “une priorité pour le Kremlin”.',
    );
    expect(q.map((x) => x.text)).toEqual(["pleinement attaché à ce partenariat", "une priorité pour le Kremlin"]);
    expect(q.every((x) => x.speaker === "Dmitri Peskov")).toBe(true);
  });

  it("skips scare quotes and treaty titles", () => {
    const q = quotes(
      "Le traité « Sur l'amitié éternelle entre nos peuples » a été signé. Certains parlent d'un « tournant », " +
        "d'autres d'un « simple geste ».",
    );
    expect(q).toEqual([]);
  });

  it("does not throw on unbalanced marks", () => {
    expect(() => quotes("« Une citation jamais fermée sur la visite d'État à Astana")).not.toThrow();
    expect(quotes('Un " isolé dans une phrase banale.')).toEqual([]);
  });
});

describe("attribution cascade", () => {
  it("heading: Nom : « … »", () => {
    expect(quotes("Mourat Nourtleou : « Nous voulons un dialogue franc et régulier »")).toEqual([
      { text: "Nous voulons un dialogue franc et régulier", speaker: "Murat Nurtleu" },
    ]);
  });

  it("inversion with a name, with role + name apposition, and with a pronoun", () => {
    const q = quotes(
      "« Nos échanges commerciaux progressent chaque année », a déclaré Olzhas Bektenov. " +
        "« Les corridors de transit doivent être modernisés », affirme le président du Kazakhstan, Kassym-Jomart Tokayev, dans un entretien. " +
        "« Nous ne changerons pas de cap », a-t-il ajouté.",
    );
    expect(q.map((x) => x.speaker)).toEqual(["Olzhas Bektenov", "Kassym-Jomart Tokaïev", "Kassym-Jomart Tokaïev"]);
  });

  it("colon after a reporting verb, and a reporting verb earlier in the sentence", () => {
    const q = quotes(
      "Sergueï Lavrov a souligné : « La sécurité régionale reste notre priorité commune. »\n" +
        "Dmitri Peskov a estimé que la rencontre serait « utile pour les deux capitales ».",
    );
    expect(q.map((x) => x.speaker)).toEqual(["Sergueï Lavrov", "Dmitri Peskov"]);
  });

  it("selon lui / selon X", () => {
    const q = quotes(
      "Vladimir Poutine a reçu son homologue. Selon lui, les deux pays « partagent une histoire commune ». " +
        "Selon Dmitri Peskov, l'entretien a été « franc et très constructif ».",
    );
    expect(q.map((x) => x.speaker)).toEqual(["Vladimir Poutine", "Dmitri Peskov"]);
  });

  it("role-only speaker resolved to the person named earlier with that role", () => {
    const q = quotes(
      "L'ambassadrice du Kazakhstan en France, Gulsara Arystanova, a ouvert le forum. " +
        "« Nos relations culturelles sont anciennes et solides », a déclaré l'ambassadrice.",
    );
    expect(q[0]?.speaker).toBe("Gulsara Arystanova");
  });

  it("bare role with a nationality check: kazakh vs russe", () => {
    const q = quotes(
      "Le président russe Vladimir Poutine et le président kazakh Kassym-Jomart Tokaïev se sont rencontrés. " +
        "« Le commerce bilatéral doit encore croître », a souligné le président kazakh. " +
        "« Nous comptons sur nos voisins », a répondu le président russe.",
    );
    expect(q.map((x) => x.speaker)).toEqual(["Kassym-Jomart Tokaïev", "Vladimir Poutine"]);
  });

  it("documents as speakers", () => {
    const q = quotes(
      "Le communiqué final a été publié mardi. « Les parties renforceront leur coopération énergétique », indique le document. " +
        "La Déclaration précise que les deux pays « s'opposent à toute militarisation de l'espace ».",
    );
    expect(q.map((x) => x.speaker)).toEqual(["le document", "la Déclaration"]);
  });

  it("carries the last speaker over partial quotes in the same or next paragraph only", () => {
    const q = quotes(
      "Sergueï Lavrov a affirmé que les négociations avançaient. Les deux parties « cherchent des solutions concrètes ».\n" +
        "Moscou veut aussi « élargir les échanges universitaires ».\n" +
        "Le sommet s'ouvre demain.\nLe programme est chargé.\n" +
        "Les délégués évoquent « un calendrier très serré pour tous ».",
    );
    expect(q.map((x) => x.speaker)).toEqual(["Sergueï Lavrov", "Sergueï Lavrov", null]);
  });

  it("a non-person subject with a reporting verb stops carry-over", () => {
    const q = quotes(
      "Dmitri Peskov a parlé aux journalistes. Les observateurs disaient : « Rien ne sera décidé avant l'hiver ».",
    );
    expect(q[0]?.speaker).toBeNull();
  });
});
