/**
 * The command registry: every chat command, checked once at load. Adapters register these definitions
 * (Telegram setMyCommands, Discord slash commands); the dispatcher runs them.
 */
import { type Command, LANGS } from "../src/core/command.ts";
import { menuDescription } from "../src/core/command-help.ts";
import addevent from "./addevent.ts";
import addsource from "./addsource.ts";
import audit from "./audit.ts";
import digest from "./digest.ts";
import exportsources from "./exportsources.ts";
import filter from "./filter.ts";
import help from "./help.ts";
import importsources from "./importsources.ts";
import latest from "./latest.ts";
import onthisday from "./onthisday.ts";
import pausesource from "./pausesource.ts";
import quote from "./quote.ts";
import removesource from "./removesource.ts";
import resumesource from "./resumesource.ts";
import search from "./search.ts";
import settings from "./settings.ts";
import sources from "./sources.ts";
import start from "./start.ts";
import subscribe from "./subscribe.ts";
import subscriptions from "./subscriptions.ts";
import timeline from "./timeline.ts";
import topics from "./topics.ts";
import trend from "./trend.ts";
import unsubscribe from "./unsubscribe.ts";
import who from "./who.ts";

const NAME = /^[a-z0-9_]{1,32}$/;

/** Throws on a definition that one of the platforms would reject. */
export function validateCommands(list: Command[]): Command[] {
  const seen = new Set<string>();
  for (const c of list) {
    if (!NAME.test(c.name)) throw new Error(`invalid command name: ${c.name}`);
    if (seen.has(c.name)) throw new Error(`duplicate command: ${c.name}`);
    seen.add(c.name);
    for (const d of LANGS.map((l) => menuDescription(c, l))) {
      if (d.length < 1 || d.length > 100) throw new Error(`description of /${c.name} must be 1–100 characters`);
    }
    const optionNames = new Set<string>();
    for (const o of c.options) {
      if (!NAME.test(o.name) || optionNames.has(o.name)) throw new Error(`invalid option ${o.name} on /${c.name}`);
      optionNames.add(o.name);
      if (LANGS.some((l) => o.description[l].length > 100)) throw new Error(`option ${o.name} description too long`);
    }
  }
  return list;
}

export const commands: Command[] = validateCommands([
  start,
  help,
  latest,
  quote,
  timeline,
  trend,
  who,
  search,
  topics,
  onthisday,
  digest,
  subscribe,
  unsubscribe,
  subscriptions,
  filter,
  settings,
  sources,
  addsource,
  removesource,
  pausesource,
  resumesource,
  exportsources,
  importsources,
  addevent,
  audit,
]);
