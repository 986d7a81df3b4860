import { mkdtempSync } from "node:fs";
import { benchFanoutTelegram, storeFanoutCeiling } from "../fanout-telegram.ts";
const dir = mkdtempSync("/tmp/nb-bench-");
console.log(await benchFanoutTelegram(`file:${dir}/f.db`, Number(process.argv[2] ?? 100)));

