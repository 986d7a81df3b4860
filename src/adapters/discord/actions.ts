/**
 * Reply buttons (`Reply.actions`, e.g. "🖼 image" under a text timeline) as Discord button components whose
 * custom id names the action kept in memory (`nb:ac:<id>`).
 */
import type { APIActionRowComponent, APIButtonComponent } from "discord.js";
import { ButtonStyle, ComponentType } from "discord.js";
import { ACTION_ID, type ActionStore } from "../../core/action-store.ts";
import type { Reply } from "../../core/reply.ts";

/** Prefix of our action custom ids (pages use `nb:pg`). */
export const ACTION_PREFIX = "nb:ac";

/** The row of a reply's action buttons, the actions kept in `store`; none without actions. */
export function actionRows(reply: Reply, store: ActionStore): APIActionRowComponent<APIButtonComponent>[] {
  if (!reply.actions?.length) return [];
  const buttons = reply.actions.slice(0, 5).map(
    (a): APIButtonComponent => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      custom_id: `${ACTION_PREFIX}:${store.put(a)}`,
      label: a.label.slice(0, 80),
    }),
  );
  return [{ type: ComponentType.ActionRow, components: buttons }];
}

/** The action id of a button made by `actionRows`, or null for anything else. */
export function parseActionButton(customId: string): string | null {
  const id = customId.startsWith(`${ACTION_PREFIX}:`) ? customId.slice(ACTION_PREFIX.length + 1) : null;
  return id !== null && ACTION_ID.test(id) ? id : null;
}
