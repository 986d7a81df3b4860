import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addArticle, openWorld, runUntil, subscribe, type World } from "../helpers/world.ts";

describe("alerts on chosen topics", () => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld("sqlite", "2026-11-23T10:00:00Z", { scheduler: { alertEveryMinutes: 15 } });
    await subscribe(w, "-31", { kind: "alerts", topics: ["energie"] });
    await addArticle(w, {
      title: "Panne sur la ligne à haute tension Ekibastouz–Oural",
      at: "2026-11-23T10:05:00Z",
      topics: ["energie"],
    });
    await addArticle(w, {
      title: "Échange de notes diplomatiques sur la frontière",
      at: "2026-11-23T10:20:00Z",
      topics: ["diplomatie"],
    });
    await addArticle(w, {
      title: "Rosatom et Astana avancent sur la centrale de Balkhach",
      at: "2026-11-23T10:40:00Z",
      topics: ["energie"],
    });
    await runUntil(w, "2026-11-23T11:30:00Z", 5 * 60_000);
  });
  afterAll(async () => w.close());

  it("posts each new story on the topic once, in the next slot, and nothing for other topics", () => {
    const got = w.log.map((m) => ({ at: m.at.toISOString().slice(11, 16), text: m.text }));
    expect(got).toHaveLength(2);
    expect(got[0]?.at).toBe("10:15");
    expect(got[0]?.text).toContain("Ekibastouz");
    expect(got[1]?.at).toBe("10:45");
    expect(got[1]?.text).toContain("Balkhach");
    expect(got[1]?.text).not.toContain("Ekibastouz");
    expect(got.map((g) => g.text).join("\n")).not.toContain("frontière");
    expect(w.log[0]?.reply.title).toMatch(/^Nouveau : /);
  });
});
