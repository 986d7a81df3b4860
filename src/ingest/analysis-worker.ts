/**
 * Worker side of the analysis pool (./analysis-pool.ts): receives batches of analysis inputs, answers with the
 * analyses (or an error per item). analyzeDocument is pure, so a worker gives the same results as the main thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { analyzeDocument } from "../analysis/analyze.ts";
import { defaultTaxonomy, type Taxonomy } from "../analysis/taxonomy.ts";
import type { AnalysisInput } from "../core/analysis-types.ts";
import { messageOf } from "../core/errors.ts";
import type { PoolReply, PoolRequest } from "./analysis-pool.ts";
import { gcPacer } from "./gc-pacing.ts";

// the worker analyses batch after batch: collect as the main thread does (./gc-pacing.ts), at a smaller step
// because what stays alive here is small (12–17 MB: the analysis modules and the taxonomy)
const pace = gcPacer({ stepMb: 8 });
const taxonomy: Taxonomy = (workerData as { taxonomy?: Taxonomy } | null)?.taxonomy ?? defaultTaxonomy;

parentPort?.on("message", (req: PoolRequest) => {
  const results = req.inputs.map((input: AnalysisInput) => {
    try {
      return { ok: analyzeDocument(input, { taxonomy }) };
    } catch (err) {
      return { error: messageOf(err) };
    }
  });
  const reply: PoolReply = { id: req.id, results };
  parentPort?.postMessage(reply);
  pace();
});
