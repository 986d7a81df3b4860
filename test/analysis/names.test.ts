import { describe, expect, it } from "vitest";
import { extractPeople, foldKey, PersonRegistry } from "../../src/analysis/names.ts";

describe("foldKey", () => {
  it("folds transliterations of one person to one key", () => {
    const keys = new Set(["Tokaïev", "Tokayev", "Tokaev", "M. Tokaïev", "le président Tokaïev"].map(foldKey));
    expect(keys.size).toBe(1);
    expect(foldKey("Sergueï Lavrov")).toBe(foldKey("Sergey Lavrov"));
    expect(foldKey("Sergei Lavrov")).toBe(foldKey("Sergeï Lavrov"));
    expect(foldKey("Poutine")).toBe(foldKey("Putin"));
    expect(foldKey("Abayev")).toBe(foldKey("Abaev"));
    expect(foldKey("Mikhaïl Michoustine")).toBe(foldKey("Mikhail Mishustin"));
    expect(foldKey("Olzhas Bektenov")).toBe(foldKey("Oljas Bektenov"));
    expect(foldKey("Kassym-Jomart Tokaïev")).toBe(foldKey("Kasym-Jomart Tokayev"));
  });

  it("keeps different people apart (no phonetic merging)", () => {
    expect(foldKey("Poutine")).not.toBe(foldKey("Biden"));
    expect(foldKey("Sergueï Lavrov")).not.toBe(foldKey("Sergueï Choïgou"));
  });
});

describe("PersonRegistry", () => {
  const reg = new PersonRegistry();

  it("resolves surface forms to canonical names", () => {
    expect(reg.resolve("Tokayev")?.name).toBe("Kassym-Jomart Tokaïev");
    expect(reg.resolve("M. Tokaïev")?.name).toBe("Kassym-Jomart Tokaïev");
    expect(reg.resolve("Vladimir Putin")?.name).toBe("Vladimir Poutine");
    expect(reg.resolve("Vladimir Vladimirovitch Poutine")?.name).toBe("Vladimir Poutine");
    expect(reg.resolve("Biden")?.name).toBe("Joe Biden");
    expect(reg.resolve("Dmitri Lavrov")).toBeNull();
  });

  it("suggests close spellings without merging them", () => {
    const s = reg.suggest("Sergeï Lavrova");
    expect(s?.flagged).toBe(true);
    expect(s?.name).toBe("Sergueï Lavrov");
    expect(reg.resolve("Sergeï Lavrova")).toBeNull();
  });

  it("learns added people", () => {
    const r = new PersonRegistry([]);
    r.add({ name: "Aïgoul Nourlanova", aliases: ["Aigul Nurlanova"], role: "députée" });
    expect(r.resolve("Nourlanova")?.name).toBe("Aïgoul Nourlanova");
  });
});

describe("extractPeople", () => {
  const reg = new PersonRegistry();

  it("merges full name, surname-only and titled mentions", () => {
    const text =
      "Le président kazakh Kassym-Jomart Tokayev est arrivé à Moscou. M. Tokaïev a rencontré Vladimir Putin. " +
      "Tokaev a ensuite visité le Kremlin.";
    const people = extractPeople(text, reg);
    const tok = people.find((p) => p.name === "Kassym-Jomart Tokaïev");
    expect(tok?.mentions).toBe(3);
    expect(tok?.aliases).toEqual(expect.arrayContaining(["Kassym-Jomart Tokayev", "M. Tokaïev", "Tokaev"]));
    expect(tok?.role).toBe("président kazakh");
    expect(people.map((p) => p.name)).toContain("Vladimir Poutine");
    expect(people.map((p) => p.name)).not.toContain("Moscou");
  });

  it("gives unknown people their fullest form and joins later surname mentions", () => {
    const text =
      "L'ambassadrice du Kazakhstan en Turquie, Aïnour Bekova, a reçu des journalistes. " +
      "Selon Mme Bekova, la coopération progresse.";
    const people = extractPeople(text, reg);
    const b = people.find((p) => p.key === foldKey("Aïnour Bekova"));
    expect(b?.name).toBe("Aïnour Bekova");
    expect(b?.mentions).toBe(2);
    expect(b?.role).toBe("ambassadrice du Kazakhstan en Turquie");
  });

  it("detects reverse apposition and role + name", () => {
    const text =
      "Timour Jaksylykov, vice-ministre kazakh de l'Énergie, a visité Orenbourg. " +
      "Le ministre russe de l'Énergie Sergueï Tsivilev l'accompagnait.";
    const people = extractPeople(text, reg);
    expect(people.find((p) => p.name === "Timour Jaksylykov")?.role).toBe("vice-ministre kazakh de l'Énergie");
    expect(people.find((p) => p.name === "Sergueï Tsivilev")?.role).toBe("ministre russe de l'Énergie");
  });

  it("filters places, organisations, months and sentence-initial words", () => {
    const text =
      "Selon la Déclaration, la Russie et le Kazakhstan renforcent l'OTSC. Durant Novembre, Astana et Moscou " +
      "ont réuni l'Union économique eurasiatique. Ouvrant la séance, Mourat Nourtleou a parlé.";
    const names = extractPeople(text, reg).map((p) => p.name);
    expect(names).toEqual(["Murat Nurtleu"]);
  });
});
