import type { Command, Localized } from "../src/core/command.ts";
import { line } from "../src/core/reply.ts";
import { withPicture } from "./_pictures.ts";

const UNAVAILABLE: Localized = {
  fr: "Les envois programmés ne sont pas activés sur ce bot.",
  en: "Scheduled posts are not enabled on this bot.",
  ru: "Запланированные публикации на этом боте не включены.",
};

/**
 * /digest — the next digest of this chat, composed now (nothing is sent to subscribers); with the week's chart
 * when the subscription sends one.
 */
const digest = {
  name: "digest",
  description: {
    fr: "Aperçu de la prochaine revue de ce chat",
    en: "Preview of this chat's next digest",
    ru: "Предпросмотр следующего обзора этого чата",
  },
  options: [],
  access: "everyone",
  slow: true,
  async run(req) {
    const previewer = req.services.digests;
    if (!previewer) return { lines: [line(UNAVAILABLE[req.lang])], kind: "empty" };
    const { chart, ...reply } = await previewer.preview(req.chat, req.lang, req.now);
    return chart ? withPicture(req, chart, reply) : reply;
  },
} satisfies Command;

export default digest;
