/** Worker side of ./render-pool.ts: draws each chart it is sent and answers with the PNG (or the error). */
import { parentPort } from "node:worker_threads";
import { messageOf } from "../core/errors.ts";
import { drawChart } from "./render.ts";
import type { RenderReply, RenderRequest } from "./render-pool.ts";

parentPort?.on("message", (req: RenderRequest) => {
  drawChart(req.chart, req.scale).then(
    (picture) =>
      parentPort?.postMessage({ id: req.id, picture } satisfies RenderReply, [picture.png.buffer as ArrayBuffer]),
    (err: unknown) =>
      parentPort?.postMessage({
        id: req.id,
        error: messageOf(err),
      } satisfies RenderReply),
  );
});
