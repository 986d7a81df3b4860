/**
 * Pictures: time to draw a 50-event timeline and a year's coverage by outlet (build + Vega + Skia canvas + PNG, p50/p99,
 * wall clock and CPU time of both processes), and the memory the renderer adds to the bot (RSS before the first
 * picture, after `runs` of each, and once the renderer's own process has exited; that process's RSS), measured
 * in a separate process so the figures are the renderer's alone.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface PicturesResult {
  runs: number;
  restMb: number;
  afterMb: number;
  idleMb: number;
  /** The renderer process's RSS after the last picture, and the highest seen. */
  childMb: number;
  childPeakMb: number;
  /** True when the renderer process had exited before `idleMb` was read. */
  exited: boolean;
  /** 1-minute load average before and after the runs (the machine is shared). */
  load: [number, number];
  firstMs: number;
  timeline: { p50: number; p99: number; cpuP50: number; cpuP99: number; kb: number };
  trend: { p50: number; p99: number; cpuP50: number; cpuP99: number; kb: number };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

export function benchPictures(runs: number): PicturesResult {
  const child = fileURLToPath(new URL("./pictures-child.ts", import.meta.url));
  const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", child, String(runs)], {
    encoding: "utf8",
    cwd: fileURLToPath(new URL("..", import.meta.url)),
  });
  const r = JSON.parse(out.trim().split("\n").at(-1) ?? "{}");
  const sum = (m: { wall: number[]; cpu: number[]; bytes: number }) => ({
    p50: pct(m.wall, 50),
    p99: pct(m.wall, 99),
    cpuP50: pct(m.cpu, 50),
    cpuP99: pct(m.cpu, 99),
    kb: m.bytes / 1024,
  });
  return {
    runs,
    restMb: r.restMb,
    afterMb: r.afterMb,
    idleMb: r.idleMb,
    childMb: r.childMb,
    childPeakMb: r.childPeakMb,
    exited: r.exited,
    load: r.load,
    firstMs: r.firstMs,
    timeline: sum(r.timeline),
    trend: sum(r.trend),
  };
}
