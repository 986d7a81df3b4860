/** A command that answers with a picture and `n` caption lines (default 3), for the adapters' picture paths. */
import type { Command } from "../../src/core/command.ts";
import { line, type Reply } from "../../src/core/reply.ts";
import { solidPng } from "../helpers/png.ts";

export const PROBE_SIZE = { width: 320, height: 180 };

/** The reply the probe gives: a title, `n` numbered lines with characters HTML must escape, a footer. */
export function pictureReply(n: number): Reply {
  return {
    title: "Chronologie — Énergie",
    lines: Array.from({ length: n }, (_, i) =>
      line({ text: `${i + 1}.`, bold: true }, ` Accord <gaz> & pétrole n°${i + 1} — Токаев`),
    ),
    footer: "+2 de plus",
    picture: {
      png: solidPng(PROBE_SIZE.width, PROBE_SIZE.height),
      filename: "chronologie énergie.png",
      ...PROBE_SIZE,
      alt: "Chronologie de 3 événements",
    },
  };
}

export const chartProbe: Command = {
  name: "chartprobe",
  description: { fr: "Image de test", en: "Test picture", ru: "Тестовое изображение" },
  options: [{ name: "n", type: "integer", description: { fr: "Lignes", en: "Lines", ru: "Строки" } }],
  access: "everyone",
  run: async (req) => pictureReply(Number(req.options.n ?? 3)),
};
