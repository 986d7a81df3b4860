/**
 * The one logger interface. Implementations print JSON lines (src/logging.ts) or record (tests).
 * Fields named like secrets are redacted by the implementation; never pass tokens in messages.
 */
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds these fields to every entry. */
  child(fields: LogFields): Logger;
}

/** A logger that drops everything (defaults for pure helpers and tests that do not read logs). */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silentLogger;
  },
};

/** Injected time source so schedules and backoff can be tested with a fake clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
