/**
 * docs/architecture.md's table of folders says, for each, what it may import. The walls themselves are the table in
 * scripts/lint-boundaries.mjs (written into biome.json): this test fails when the map and the walls disagree, so a
 * moved wall cannot leave the map behind.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { FLOORS } from "../../scripts/lint-boundaries.mjs";

interface Floor {
  name: string;
  dir: string | null;
  may: string[];
}

const floors = FLOORS as Floor[];
const map = readFileSync(fileURLToPath(new URL("../../docs/architecture.md", import.meta.url)), "utf8");

/** Rows of the "What each folder owns" table: the folder cell and the "may import" cell. */
function mapRows(): Array<{ folder: string; may: string }> {
  const section = map.slice(map.indexOf("## What each folder owns"));
  return section
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| folder") && !l.startsWith("|---"))
    .map((l) => {
      const cells = l.split("|").map((c) => c.trim());
      return { folder: (cells[1] ?? "").replaceAll("`", "").replace(/\/$/, ""), may: cells.at(-2) ?? "" };
    });
}

/** The floors a row stands for: `src/adapters/<platform>` is every adapter, "entry points" the floor with no walls. */
function floorsOf(folder: string): Floor[] {
  if (folder === "src/adapters/<platform>") return floors.filter((f) => f.dir?.startsWith("src/adapters/"));
  if (folder === "entry points") return floors.filter((f) => f.name === "entry");
  return floors.filter((f) => f.dir === folder);
}

describe("the architecture map", () => {
  const rows = mapRows();

  it("lists what each folder may import as the lint table has it", () => {
    expect(rows.length).toBeGreaterThan(5);
    for (const { folder, may } of rows) {
      const matched = floorsOf(folder);
      expect(matched.length, `${folder}: no floor of scripts/lint-boundaries.mjs`).toBeGreaterThan(0);
      for (const f of matched) {
        if (f.dir === null) expect(may, folder).toBe("everything");
        else if (f.may.length === 0) expect(may, folder).toBe("nothing of ours");
        else expect(may.split(/,\s*/).sort(), `${folder} (${f.name})`).toEqual([...f.may].sort());
      }
    }
  });

  it("has a row for every floor of the code", () => {
    const shown = new Set(rows.flatMap((r) => floorsOf(r.folder).map((f) => f.name)));
    const code = floors.filter((f) => f.dir === null || f.dir.startsWith("src/") || f.dir === "commands");
    expect(code.map((f) => f.name).filter((n) => !shown.has(n))).toEqual([]);
  });
});
