import { sourceCommand } from "./_admin.ts";

/** /resumesource N|URL — owners only; recorded in the audit log. */
export default sourceCommand({
  name: "resumesource",
  description: {
    fr: "Reprendre une source en pause ou désactivée",
    en: "Resume a paused or disabled source",
    ru: "Возобновить приостановленный или отключённый источник",
  },
  action: "source.resume",
  done: "source.resumed",
  apply: async (admin, source) => {
    await admin.sources.setPaused(source.id, false);
    return true;
  },
});
