/** A one-paragraph description of the machine the bench ran on. */
import { cpus, freemem, loadavg, totalmem, type } from "node:os";

export interface Machine {
  cores: number;
  cpu: string;
  memoryGb: number;
  freeGb: number;
  node: string;
  os: string;
  loadAtStart: [number, number, number];
}

export function describeMachine(): Machine {
  const c = cpus();
  return {
    cores: c.length,
    cpu: (c[0]?.model ?? "unknown").replace(/\s+/g, " ").trim(),
    memoryGb: totalmem() / 2 ** 30,
    freeGb: freemem() / 2 ** 30,
    node: process.version,
    os: `${type()} ${process.arch}`,
    loadAtStart: loadavg().map((x) => Math.round(x * 100) / 100) as [number, number, number],
  };
}

export function machineLine(m: Machine): string {
  return `${m.cores} cores (${m.cpu}), ${m.memoryGb.toFixed(1)} GB RAM (${m.freeGb.toFixed(1)} GB free), Node ${m.node}, ${m.os}; load average at start ${m.loadAtStart.join(" / ")} (1/5/15 min)`;
}
