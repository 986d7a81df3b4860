/**
 * Start-up and shutdown as one stack. Whatever start-up opens (the store, the analysis pool, each adapter, the
 * poller, delivery) is registered here as soon as it exists, and `stop()` closes what was registered, newest
 * first. A signal can therefore arrive at any moment of start-up: shutdown waits (bounded) for the step in
 * progress — so a database being migrated is closed, not abandoned — then closes everything, and start-up
 * stops at its next step with `StartupAborted`.
 */
import type { Logger } from "./core/logger.ts";

/** Start-up was interrupted by a shutdown (Ctrl-C, SIGTERM, the terminal chat closing): not a failure. */
export class StartupAborted extends Error {
  override name = "StartupAborted";
  constructor() {
    super("start-up interrupted by shutdown");
  }
}

export interface LifecycleOptions {
  logger: Logger;
  /** How long `stop()` waits for the start-up step in progress (default 10 s). */
  stepGraceMs?: number;
  /** How long each closer may take before shutdown moves on (default 5 s). */
  closeTimeoutMs?: number;
}

export interface Lifecycle {
  /** True once `stop()` was called. */
  readonly stopping: boolean;
  /**
   * Runs one start-up step; `close`, when given, is registered as soon as the step returns what it opened.
   * Shutdown waits for the step before closing, so nothing it opens is left open. Throws StartupAborted when
   * shutdown began before or during it.
   */
  step<T>(fn: () => Promise<T>, close?: { name: string; close: (opened: T) => Promise<void> | void }): Promise<T>;
  /**
   * Like `step`, but shutdown does not wait for it: for steps whose closer is registered first and cancels them
   * (an adapter connecting to a platform that does not answer).
   */
  cancellable<T>(fn: () => Promise<T>): Promise<T>;
  /** Registers what to close at shutdown (until shutdown has finished; after that it is closed at once). */
  onStop(name: string, close: () => Promise<void> | void): void;
  /** Closes everything registered, newest first; every call returns the same promise. */
  stop(reason: string): Promise<void>;
}

interface Closer {
  name: string;
  close: () => Promise<void> | void;
}

export function createLifecycle(opts: LifecycleOptions): Lifecycle {
  const log = opts.logger;
  const stepGraceMs = opts.stepGraceMs ?? 10_000;
  const closeTimeoutMs = opts.closeTimeoutMs ?? 5_000;
  const closers: Closer[] = [];
  let stopped: Promise<void> | null = null;
  let closed = false;
  let current: Promise<unknown> | null = null;

  async function closeOne(c: Closer): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((res) => {
      timer = setTimeout(() => res("timeout"), closeTimeoutMs);
    });
    try {
      const r = await Promise.race([Promise.resolve().then(c.close), timeout]);
      if (r === "timeout") log.warn("did not close in time; moving on", { what: c.name, waitedMs: closeTimeoutMs });
    } catch (err) {
      log.warn("close failed", { what: c.name, error: err });
    } finally {
      clearTimeout(timer);
    }
  }

  async function run<T>(
    fn: () => Promise<T>,
    waited: boolean,
    close?: { name: string; close: (opened: T) => Promise<void> | void },
  ): Promise<T> {
    if (stopped) throw new StartupAborted();
    // The closer is registered inside the step's own promise: shutdown, waiting for the step, finds it.
    const p = fn().then((v) => {
      if (close) register(close.name, () => close.close(v));
      return v;
    });
    if (waited) current = p;
    try {
      const v = await p;
      if (stopped) throw new StartupAborted();
      return v;
    } catch (err) {
      // A step failing because shutdown closed what it was using is part of the shutdown, not an error.
      if (stopped) throw new StartupAborted();
      throw err;
    } finally {
      if (current === p) current = null;
    }
  }

  async function stopAll(reason: string): Promise<void> {
    log.info("shutting down", { reason });
    if (current) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        current.catch(() => undefined),
        new Promise((res) => {
          timer = setTimeout(res, stepGraceMs);
        }),
      ]);
      clearTimeout(timer);
    }
    // Closers registered meanwhile (the step that just finished) are on the stack too: drained here.
    while (closers.length > 0) {
      const c = closers.pop();
      if (c) await closeOne(c);
    }
    closed = true;
  }

  function register(name: string, close: () => Promise<void> | void): void {
    const c = { name, close };
    // After shutdown emptied the stack, a late registration is closed on its own.
    if (closed) void closeOne(c);
    else closers.push(c);
  }

  return {
    get stopping() {
      return stopped !== null;
    },
    step: (fn, close) => run(fn, true, close),
    cancellable: (fn) => run(fn, false),
    onStop: register,
    stop(reason) {
      stopped ??= stopAll(reason);
      return stopped;
    },
  };
}
