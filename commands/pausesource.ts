import { sourceCommand } from "./_admin.ts";

/** /pausesource N|URL — owners only; recorded in the audit log. */
export default sourceCommand({
  name: "pausesource",
  description: { fr: "Mettre une source en pause", en: "Pause a source", ru: "Приостановить источник" },
  action: "source.pause",
  done: "source.paused",
  apply: async (admin, source) => {
    await admin.sources.setPaused(source.id, true);
    return true;
  },
});
