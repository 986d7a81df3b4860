/**
 * Who may run a command: the check the dispatcher makes on every call from the command's declared `access`,
 * asking the platform each time (rights change at any moment; nothing is cached).
 */
import type { Access, ChatRef, UserRef } from "./command.ts";
import { PermissionDeniedError } from "./errors.ts";

/**
 * Throws PermissionDeniedError (its key says who may) when `user` may not run a command declared `access`
 * in `chat`. `isAdmin` is the platform's answer: bot owners everywhere, a chat's administrators, the user
 * of a Telegram private chat or of the terminal (in a Discord DM only owners). everyone and readAll: anyone
 * (a readAll command calls `requireAccess("chatAdmins", …)` before it changes anything).
 */
export async function requireAccess(access: Access, chat: ChatRef, user: UserRef): Promise<void> {
  switch (access) {
    case "everyone":
    case "readAll":
      return;
    case "chatAdmins":
      // A private chat is its user's own: they manage its subscriptions and settings on every platform.
      if (chat.type === "private" || chat.type === "console" || (await user.isAdmin())) return;
      throw new PermissionDeniedError({ key: "admin.chatAdminOnly" }, { access });
    case "admins":
      if (await user.isAdmin()) return;
      throw new PermissionDeniedError({ key: "error.adminOnly" }, { access });
    case "owners":
      if (await user.isOwner?.()) return;
      // Owners are admins everywhere: a non-admin hears "administrators", a chat admin "owners".
      throw new PermissionDeniedError(
        { key: (await user.isAdmin()) ? "error.ownerOnly" : "error.adminOnly" },
        { access },
      );
  }
}
