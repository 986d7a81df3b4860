/**
 * Shared by the commands that draw (/timeline … image, /trend, /who): the `image` option, the `from:`/`to:` options, and drawing with
 * the injected renderer. Without a renderer, or when drawing fails, the command still answers: the caption
 * text alone, with a note saying why there is no picture.
 */
import { randomBytes } from "node:crypto";
import type { CommandOption, CommandRequest } from "../src/core/command.ts";
import { formatIsoDay } from "../src/core/format.ts";
import { t } from "../src/core/i18n/index.ts";
import type { Chart } from "../src/core/picture.ts";
import { line, type Reply } from "../src/core/reply.ts";
import { fontMetrics } from "../src/pictures/font.ts";

/** `/timeline énergie image`: a bare "image" (or picture, chart, graphique, 🖼) asks for the picture. */
export const imageOption: CommandOption = {
  name: "image",
  type: "boolean",
  description: { fr: "En image (graphique)", en: "As a picture (chart)", ru: "В виде изображения (график)" },
  match: /^(image|picture|img|chart|graph|graphique|🖼️?)$/iu,
};

/** `from:` and `to:` (YYYY-MM-DD), the dates a dated command (/timeline, /trend) is narrowed to. */
export const dateRangeOptions: CommandOption[] = [
  {
    name: "from",
    type: "string",
    description: { fr: "Depuis (AAAA-MM-JJ)", en: "From (YYYY-MM-DD)", ru: "С (ГГГГ-ММ-ДД)" },
  },
  {
    name: "to",
    type: "string",
    description: { fr: "Jusqu'à (AAAA-MM-JJ)", en: "Until (YYYY-MM-DD)", ru: "По (ГГГГ-ММ-ДД)" },
  },
];

/** True when the request asks for the picture (Discord boolean, or the bare word in text). */
export function wantsImage(req: CommandRequest): boolean {
  const v = req.options.image;
  return v === true || (typeof v === "string" && !/^(false|no|non|0)$/i.test(v));
}

/** The bundled font's metrics, for builders that measure labels. */
export { fontMetrics };

/** "3 nov. 2024" from a UTC millisecond time. */
export function dayOf(ms: number, lang: CommandRequest["lang"]): string {
  return formatIsoDay(new Date(ms).toISOString().slice(0, 10), lang);
}

/**
 * Draws `chart` and returns `caption` with the picture; without a renderer or on failure, the caption alone with
 * a note (the failure is logged with a reference the note repeats).
 */
export async function withPicture(req: CommandRequest, chart: Chart, caption: Reply): Promise<Reply> {
  const renderer = req.services.pictures;
  if (!renderer)
    return { ...caption, lines: [...caption.lines, line({ text: t(req.lang, "picture.unavailable"), italic: true })] };
  try {
    return { ...caption, picture: await renderer.render(chart) };
  } catch (err) {
    const id = randomBytes(4).toString("hex");
    req.services.logger.error("picture failed", {
      id,
      command: req.command,
      error: err,
    });
    return {
      ...caption,
      lines: [...caption.lines, line({ text: t(req.lang, "picture.failed", { id }), italic: true })],
    };
  }
}
