/**
 * INTERACTION_CREATE payload builders for the fake Discord: every field discord.js 14 needs
 * (see ../shared/notes/fake-platforms.md §2.2): `data.type`, `entitlements`, `authorizing_integration_owners`,
 * a `channel` object (channelId comes from it), `member` in guilds or `user` in DMs.
 */

/** Who runs the interaction, and where. */
export interface MemberContext {
  /** Guild id, or null for a DM with the bot. Defaults to the fake's first guild. */
  guildId?: string | null;
  /** Defaults to the guild's first channel (or a DM channel id). */
  channelId?: string;
  /** Channel type sent in the payload (0 text, 11 public thread). Default 0 in guilds. */
  channelType?: number;
  /** Member permission bitfield (guild only). Default: view channel, send messages, use commands. */
  permissions?: string | bigint;
  /** Discord locale of the member's client, e.g. "fr", "en-US". Default "fr". */
  locale?: string;
  user?: { id: string; username: string };
}

/** Discord permission bits the tests need. */
export const PERMS = {
  administrator: 1n << 3n,
  manageGuild: 1n << 5n,
  member: (1n << 10n) | (1n << 11n) | (1n << 31n),
} as const;

export const DEFAULT_USER = { id: "400000000000000001", username: "membre" } as const;

export type OptionValue = string | number | boolean;

/** Application command option types (3 string, 4 integer, 5 boolean, 10 number). */
export function optionType(v: OptionValue): number {
  if (typeof v === "boolean") return 5;
  if (typeof v === "number") return Number.isInteger(v) ? 4 : 10;
  return 3;
}

/** Options as Discord sends them; `focused` marks the option being typed (autocomplete). */
export function buildOptions(
  options: Record<string, OptionValue>,
  focused?: string,
): Array<{ name: string; type: number; value: OptionValue; focused?: boolean }> {
  return Object.entries(options).map(([name, value]) => ({
    name,
    type: optionType(value),
    value,
    ...(focused === name ? { focused: true } : {}),
  }));
}

export interface InteractionIds {
  id: string;
  token: string;
  applicationId: string;
  /** Resolved guild (null = DM) and channel. */
  guildId: string | null;
  channelId: string;
}

/** The common part of every interaction payload. */
export function interactionBase(
  type: number,
  data: Record<string, unknown>,
  ids: InteractionIds,
  ctx: MemberContext,
): Record<string, unknown> {
  const user = {
    ...(ctx.user ?? DEFAULT_USER),
    discriminator: "0",
    avatar: null,
    global_name: null,
    bot: false,
    public_flags: 0,
  };
  const inGuild = ids.guildId !== null;
  const payload: Record<string, unknown> = {
    id: ids.id,
    application_id: ids.applicationId,
    type,
    token: ids.token,
    version: 1,
    data,
    locale: ctx.locale ?? "fr",
    app_permissions: "2248473465835073",
    entitlements: [],
    authorizing_integration_owners: inGuild ? { "0": ids.guildId } : { "1": user.id },
    context: inGuild ? 0 : 1,
    attachment_size_limit: 10_485_760,
    channel_id: ids.channelId,
    channel: inGuild
      ? { id: ids.channelId, type: ctx.channelType ?? 0, guild_id: ids.guildId, name: "salon" }
      : { id: ids.channelId, type: 1, flags: 0 },
  };
  if (inGuild) {
    payload.guild_id = ids.guildId;
    payload.guild_locale = "fr";
    payload.member = {
      user,
      roles: [],
      permissions: String(ctx.permissions ?? PERMS.member),
      joined_at: "2026-01-01T00:00:00.000Z",
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
    };
  } else {
    payload.user = user;
  }
  return payload;
}
