/**
 * `npm run eval [-- --json] [-- --corpus DIR]`: analyses the development corpus (eval/corpus) and prints every
 * measure of eval/measures. The figures are measured on text written for development, not on unseen news.
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { formatReports, runEval } from "./harness.ts";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    corpus: { type: "string", default: fileURLToPath(new URL("./corpus", import.meta.url)) },
    measures: { type: "string", default: fileURLToPath(new URL("./measures", import.meta.url)) },
  },
});

const { reports, problems, documents } = await runEval(values.corpus, values.measures);
if (values.json) {
  process.stdout.write(`${JSON.stringify({ documents, problems, reports }, null, 2)}\n`);
} else {
  process.stdout.write(`${documents} documents in ${values.corpus}\n\n${formatReports(reports, problems)}`);
}
if (problems.length > 0) process.exitCode = 1;
