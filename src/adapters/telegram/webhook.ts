/**
 * Webhook mode: a node:http server that accepts Telegram's POSTs on the webhook URL's path, checks the
 * `X-Telegram-Bot-Api-Secret-Token` header (401 otherwise) and hands the update to grammY.
 */
import { timingSafeEqual } from "node:crypto";
import type { Server } from "node:http";
import { type Bot, webhookCallback } from "grammy";
import type { Logger } from "../../core/logger.ts";

/** Webhook settings: public URL given to Telegram, local listen address, shared secret. */
export interface WebhookConfig {
  url: string;
  port: number;
  host?: string;
  secretToken: string;
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Attaches the webhook handler to `server` and listens; resolves once listening. */
export function startWebhookServer(server: Server, bot: Bot, cfg: WebhookConfig, logger: Logger): Promise<void> {
  const path = new URL(cfg.url).pathname;
  // "return": answer Telegram before a slow command ends, so it does not re-deliver the update.
  const handle = webhookCallback(bot, "http", {
    secretToken: cfg.secretToken,
    onTimeout: "return",
    timeoutMilliseconds: 9_000,
  });
  server.on("request", (req, res) => {
    const reqPath = (req.url ?? "").split("?")[0];
    if (req.method !== "POST" || reqPath !== path) {
      res.writeHead(404).end();
      return;
    }
    if (!sameSecret(req.headers["x-telegram-bot-api-secret-token"], cfg.secretToken)) {
      res.writeHead(401).end();
      return;
    }
    handle(req, res).catch((err: unknown) => {
      logger.error("telegram webhook update failed", { error: err });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(cfg.port, cfg.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** Stops accepting connections and closes idle keep-alive sockets. */
export function stopWebhookServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
