import { sourceCommand } from "./_admin.ts";

/** /removesource N|URL — owners only; recorded in the audit log. */
export default sourceCommand({
  name: "removesource",
  description: { fr: "Retirer une source", en: "Remove a source", ru: "Удалить источник" },
  action: "source.remove",
  done: "source.removed",
  apply: (admin, source) => admin.sources.remove(source.id),
});
