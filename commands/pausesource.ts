import type { Command } from "../src/core/command.ts";
import { t } from "../src/core/i18n/index.ts";
import { line } from "../src/core/reply.ts";
import { adminOf, audit, sourceFromArgs, sourceOption } from "./_admin.ts";

/** /pausesource N|URL — owners only; recorded in the audit log. */
const pausesource = {
  name: "pausesource",
  description: { fr: "Mettre une source en pause", en: "Pause a source" },
  options: sourceOption,
  access: "owners",
  usage: { fr: "N ou URL", en: "N or URL" },
  async run(req) {
    const admin = adminOf(req);
    const source = await sourceFromArgs(req);
    await admin.sources.setPaused(source.id, true);
    await audit(req, "source.pause", { sourceId: source.id, url: source.url });
    return { lines: [line(t(req.lang, "source.paused", { id: source.id, title: source.title ?? source.url }))] };
  },
} satisfies Command;

export default pausesource;
