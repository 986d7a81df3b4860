import type { TopicInfo } from "../core/command.ts";
import { defaultTaxonomy, type Taxonomy } from "./taxonomy.ts";

/** The taxonomy as commands and digests see it: slug, labels and aliases (no keywords). */
export function topicInfos(taxonomy: Taxonomy = defaultTaxonomy): TopicInfo[] {
  return taxonomy.topics.map((tp) => ({ slug: tp.slug, label: tp.label, aliases: tp.aliases }));
}
