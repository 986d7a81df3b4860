import { mkdtempSync } from "node:fs";
import { benchMemory } from "../memory.ts";
const dir = mkdtempSync("/tmp/nb-bench-");
console.log(await benchMemory(`file:${dir}/m.db`, "sqlite", Number(process.argv[2] ?? 10000), 1000));
