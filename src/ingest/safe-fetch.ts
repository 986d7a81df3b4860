/**
 * Fetches a user-supplied URL without letting it reach internal networks: the host is resolved here,
 * every address is checked (url-policy.ts), and the connection goes to the checked address (the socket's
 * `lookup` returns it, so DNS is not asked again). Redirects are followed by hand and re-checked.
 * Time and size are capped; gzip/deflate/br are decoded; conditional GET yields a 304 result.
 */
import { promises as dns } from "node:dns";
import http from "node:http";
import https from "node:https";
import { promisify } from "node:util";
import zlib from "node:zlib";
import ipaddr from "ipaddr.js";
import { BlockedUrlError, FeedFetchError, type Reason } from "../core/errors.ts";
import { type Logger, silentLogger } from "../core/logger.ts";
import { decodeBytes } from "./charset.ts";
import { type AddressPolicy, addressProblem, bareHostname, hostAllowed, redactUrl, urlProblem } from "./url-policy.ts";

/** Resolves a hostname to every address it has (injected in tests). */
export type LookupFn = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export interface SafeFetchOptions extends AddressPolicy {
  /** Validators from the previous fetch, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  /** Whole request, redirects included (default 15 s). */
  timeoutMs?: number;
  /** TCP connect of each hop (default: the smaller of 10 s and timeoutMs). */
  connectTimeoutMs?: number;
  /** Body cap, before and after decompression (default 5 MB). */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  lookup?: LookupFn;
  userAgent?: string;
  logger?: Logger;
}

export type FetchResult =
  | { status: 304; finalUrl: string; cacheControl?: string | null }
  | {
      status: 200;
      /** The Cache-Control header (its max-age delays the next poll). */
      cacheControl?: string | null;
      body: string;
      etag: string | null;
      lastModified: string | null;
      finalUrl: string;
      contentType: string | null;
      charset: string;
    };

/** The signature the pipeline depends on, so tests can swap the network out. */
export type FetchFn = (url: string, opts?: SafeFetchOptions) => Promise<FetchResult>;

const DEFAULT_TIMEOUT = 15_000;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const ACCEPT =
  "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1";

const systemLookup: LookupFn = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

interface Hop {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer | null;
}

/** Fetches `url` under the safety rules above. Throws BlockedUrlError or FeedFetchError. */
export const safeFetch: FetchFn = async (url, opts = {}) => {
  const logger = opts.logger ?? silentLogger;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT;
  const deadline = Date.now() + timeoutMs;
  const maxRedirects = opts.maxRedirects ?? 5;
  let current = url;
  for (let hop = 0; ; hop++) {
    const target = await checkTarget(current, opts);
    logger.debug("fetch", { url: redactUrl(current), hop });
    const res = await requestOnce(target, opts, deadline, timeoutMs);
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      const location = header(res.headers, "location");
      if (!location)
        throw new FeedFetchError(
          `HTTP ${res.status} redirect without a Location header`,
          redactUrl(current),
          res.status,
        );
      if (hop >= maxRedirects)
        throw new FeedFetchError(`too many redirects (more than ${maxRedirects})`, redactUrl(url), res.status, {
          reason: { key: "reason.redirects", params: { max: maxRedirects } },
        });
      try {
        current = new URL(location, current).toString();
      } catch {
        throw new FeedFetchError("redirect to an invalid URL", redactUrl(current), res.status, {
          reason: { key: "reason.badRedirect" },
        });
      }
      continue;
    }
    if (res.status === 304)
      return { status: 304, finalUrl: current, cacheControl: header(res.headers, "cache-control") };
    if (res.status < 200 || res.status >= 300) {
      throw new FeedFetchError(`HTTP ${res.status}${statusHint(res.status)}`, redactUrl(current), res.status, {
        reason: { key: "reason.http", params: { status: res.status } },
        retryAfter: header(res.headers, "retry-after"),
      });
    }
    const raw = await decompress(res.body ?? Buffer.alloc(0), header(res.headers, "content-encoding"), opts, current);
    const contentType = header(res.headers, "content-type");
    const decoded = decodeBytes(raw, contentType);
    return {
      status: 200,
      body: decoded.text,
      etag: header(res.headers, "etag"),
      lastModified: header(res.headers, "last-modified"),
      cacheControl: header(res.headers, "cache-control"),
      finalUrl: current,
      contentType,
      charset: decoded.charset,
    };
  }
};

/**
 * Checks a URL against the address policy without fetching it (scheme, internal names, and every address
 * its host resolves to): throws BlockedUrlError when refused. A host that does not resolve is not refused
 * here (FeedFetchError "host not found"); callers that store URLs for later decide what that means.
 */
export async function checkUrlAllowed(url: string, opts: SafeFetchOptions = {}): Promise<void> {
  await checkTarget(url, opts);
}

interface Target {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** The reason of a urlProblem, as a message key (the order of its checks). */
function urlReason(url: URL): Reason {
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { key: "reason.scheme", params: { scheme: url.protocol } };
  const host = bareHostname(url);
  return host === "" ? { key: "reason.noHost" } : { key: "reason.internalHost", params: { host } };
}

function hostNotFound(host: string): Reason {
  return { key: "reason.hostNotFound", params: { host } };
}

const seconds = (ms: number) => Math.max(1, Math.round(ms / 1000));

/** Validates the URL, resolves its host and checks every address. */
async function checkTarget(raw: string, opts: SafeFetchOptions): Promise<Target> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BlockedUrlError("not a valid URL", "[invalid URL]", null, { reason: { key: "reason.invalidUrl" } });
  }
  const safe = redactUrl(raw);
  const problem = urlProblem(url, opts);
  if (problem) throw new BlockedUrlError(`refused: ${problem}`, safe, null, { reason: urlReason(url) });
  const host = bareHostname(url);
  let addresses: Array<{ address: string; family: number }>;
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: host.includes(":") ? 6 : 4 }];
  } else {
    try {
      addresses = await (opts.lookup ?? systemLookup)(host);
    } catch (err) {
      throw new FeedFetchError(`host not found: ${host}`, safe, null, { cause: err, reason: hostNotFound(host) });
    }
    if (addresses.length === 0)
      throw new FeedFetchError(`host not found: ${host}`, safe, null, { reason: hostNotFound(host) });
  }
  if (!hostAllowed(host, opts)) {
    for (const a of addresses) {
      const why = addressProblem(a.address, opts);
      if (why)
        throw new BlockedUrlError(`refused: ${host} resolves to a ${why} address`, safe, null, {
          reason: { key: "reason.address", params: { host, range: why } },
        });
    }
  }
  const first = addresses[0] as { address: string; family: number };
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

function requestOnce(target: Target, opts: SafeFetchOptions, deadline: number, timeoutMs: number): Promise<Hop> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const safe = redactUrl(target.url.toString());
  const remaining = deadline - Date.now();
  const timedOut = () =>
    new FeedFetchError(`timed out after ${timeoutMs} ms`, safe, null, {
      reason: { key: "reason.timeout", params: { seconds: seconds(timeoutMs) } },
    });
  if (remaining <= 0) return Promise.reject(timedOut());
  const connectMs = Math.min(opts.connectTimeoutMs ?? 10_000, remaining);
  const isHttps = target.url.protocol === "https:";
  const host = bareHostname(target.url);
  const headers: Record<string, string> = {
    "user-agent": opts.userAgent ?? "newsbot/0.1 (feed reader)",
    accept: ACCEPT,
    "accept-encoding": "gzip, deflate, br",
  };
  if (opts.etag) headers["if-none-match"] = opts.etag;
  if (opts.lastModified) headers["if-modified-since"] = opts.lastModified;
  // the socket connects to the address checked above, whatever DNS would answer now
  const pinned = (_h: string, o: { all?: boolean }, cb: (...args: unknown[]) => void) => {
    if (o?.all) cb(null, [{ address: target.address, family: target.family }]);
    else cb(null, target.address, target.family);
  };
  return new Promise<Hop>((resolve, reject) => {
    let settled = false;
    const finish = (err: Error | null, hop?: Hop) => {
      if (settled) return;
      settled = true;
      clearTimeout(totalTimer);
      clearTimeout(connectTimer);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(hop as Hop);
    };
    const req = (isHttps ? https : http).request({
      protocol: target.url.protocol,
      host,
      port: target.url.port || (isHttps ? 443 : 80),
      path: `${target.url.pathname}${target.url.search}`,
      method: "GET",
      headers,
      agent: false,
      lookup: pinned as never,
      servername: isHttps && !ipaddr.isValid(host) ? host : undefined,
    });
    const totalTimer = setTimeout(() => finish(timedOut()), remaining);
    const connectTimer = setTimeout(
      () =>
        finish(
          new FeedFetchError(`could not connect within ${connectMs} ms`, safe, null, {
            reason: { key: "reason.connectTimeout", params: { seconds: seconds(connectMs) } },
          }),
        ),
      connectMs,
    );
    req.on("socket", (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer);
      else socket.once("connect", () => clearTimeout(connectTimer));
    });
    req.on("error", (err: NodeJS.ErrnoException) =>
      finish(
        new FeedFetchError(`connection failed: ${err.code ?? err.message}`, safe, null, {
          cause: err,
          reason: { key: "reason.connectFailed", params: { code: err.code ?? "?" } },
        }),
      ),
    );
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        res.resume();
        finish(null, { status, headers: res.headers, body: null });
        return;
      }
      const declared = Number(header(res.headers, "content-length"));
      if (Number.isFinite(declared) && declared > maxBytes) {
        finish(
          new FeedFetchError(`response too large (${declared} bytes, limit ${maxBytes})`, safe, null, {
            reason: { key: "reason.tooLarge", params: { max: maxBytes } },
          }),
        );
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes)
          finish(
            new FeedFetchError(`response too large (over ${maxBytes} bytes)`, safe, null, {
              reason: { key: "reason.tooLarge", params: { max: maxBytes } },
            }),
          );
        else chunks.push(chunk);
      });
      res.on("end", () => finish(null, { status, headers: res.headers, body: Buffer.concat(chunks) }));
      const lost = { key: "reason.connectionLost" } as const;
      res.on("error", (err) =>
        finish(new FeedFetchError("connection lost while reading", safe, null, { cause: err, reason: lost })),
      );
      res.on("aborted", () =>
        finish(new FeedFetchError("connection lost while reading", safe, null, { reason: lost })),
      );
    });
    req.end();
  });
}

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

/** Decodes the content-encoding with the same size cap applied to the output (zip bombs). */
async function decompress(body: Buffer, encoding: string | null, opts: SafeFetchOptions, url: string): Promise<Buffer> {
  const enc = (encoding ?? "identity").trim().toLowerCase();
  if (enc === "identity" || enc === "" || body.length === 0) return body;
  const maxOutputLength = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    if (enc === "gzip" || enc === "x-gzip") return await gunzip(body, { maxOutputLength });
    if (enc === "br") return await brotli(body, { maxOutputLength });
    if (enc === "deflate") {
      // "deflate" is zlib-wrapped by the spec, raw in some servers
      return await inflate(body, { maxOutputLength }).catch((err: NodeJS.ErrnoException) => {
        if (err.code === "ERR_BUFFER_TOO_LARGE") throw err;
        return inflateRaw(body, { maxOutputLength });
      });
    }
  } catch (err) {
    const tooBig = (err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError;
    const msg = tooBig ? `response too large once decompressed (limit ${maxOutputLength} bytes)` : `bad ${enc} data`;
    const reason: Reason = tooBig
      ? { key: "reason.tooLarge", params: { max: maxOutputLength } }
      : { key: "reason.badEncoding" };
    throw new FeedFetchError(msg, redactUrl(url), null, { cause: err, reason });
  }
  throw new FeedFetchError(`unsupported content encoding: ${enc}`, redactUrl(url), null, {
    reason: { key: "reason.badEncoding" },
  });
}

function header(headers: http.IncomingHttpHeaders, name: string): string | null {
  const v = headers[name];
  if (Array.isArray(v)) return v[0] ?? null;
  return v ?? null;
}

function statusHint(status: number): string {
  if (status === 404) return " (not found)";
  if (status === 410) return " (gone)";
  if (status === 401 || status === 403) return " (access denied)";
  if (status === 429) return " (rate limited)";
  if (status >= 500) return " (server error)";
  return "";
}
