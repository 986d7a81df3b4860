/**
 * The audit log: who did what, when, from which chat. Written by every admin command, read by /audit.
 */
import type { AuditEntry, AuditLog } from "../core/admin.ts";
import type { Db } from "./db.ts";

/** Longest details JSON kept (a pasted URL list must not bloat the table). */
const MAX_DETAILS = 2000;

function parseDetails(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Builds the audit log over a client. */
export function auditStore(db: Db): AuditLog {
  return {
    async record(e) {
      const details = e.details ? JSON.stringify(e.details) : null;
      await db.auditLog.create({
        data: {
          ...(e.at ? { at: e.at } : {}),
          platform: e.platform,
          chatId: e.chatId,
          userId: e.userId,
          action: e.action.slice(0, 100),
          details: details && details.length > MAX_DETAILS ? `${details.slice(0, MAX_DETAILS - 1)}…` : details,
        },
      });
    },
    async latest(limit, chat) {
      const rows = await db.auditLog.findMany({
        where: chat ? { platform: chat.platform, chatId: chat.chatId } : {},
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: Math.max(1, Math.min(limit, 100)),
      });
      return rows.map(
        (r): AuditEntry => ({
          at: r.at,
          platform: r.platform,
          chatId: r.chatId,
          userId: r.userId,
          action: r.action,
          details: parseDetails(r.details),
        }),
      );
    },
  };
}
