import type { Command } from "../src/core/command.ts";
import { t } from "../src/core/i18n/index.ts";
import { line } from "../src/core/reply.ts";
import { adminOf, audit, sourceFromArgs, sourceOption } from "./_admin.ts";

/** /resumesource N|URL — owners only; recorded in the audit log. */
const resumesource = {
  name: "resumesource",
  description: {
    fr: "Reprendre une source en pause ou désactivée",
    en: "Resume a paused or disabled source",
  },
  options: sourceOption,
  access: "owners",
  usage: { fr: "N ou URL", en: "N or URL" },
  async run(req) {
    const admin = adminOf(req);
    const source = await sourceFromArgs(req);
    await admin.sources.setPaused(source.id, false);
    await audit(req, "source.resume", { sourceId: source.id, url: source.url });
    return { lines: [line(t(req.lang, "source.resumed", { id: source.id, title: source.title ?? source.url }))] };
  },
} satisfies Command;

export default resumesource;
