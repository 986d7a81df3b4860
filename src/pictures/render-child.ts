/**
 * The renderer's child process (started by ./render-pool.ts): draws each chart it is sent and answers with the
 * PNG, or the error, and what drawing it cost (CPU time, this process's RSS). Exits when the parent goes away.
 */
import { messageOf } from "../core/errors.ts";
import { drawChart } from "./render.ts";
import type { RenderReply, RenderRequest } from "./render-pool.ts";

const send = (reply: RenderReply) => process.send?.(reply);

process.on("message", (req: RenderRequest) => {
  const c0 = process.cpuUsage();
  const cost = () => {
    const c = process.cpuUsage(c0);
    return { cpuMs: (c.user + c.system) / 1000, rssMb: process.memoryUsage().rss / 2 ** 20 };
  };
  drawChart(req.chart, req.scale).then(
    (picture) => send({ id: req.id, picture, ...cost() }),
    (err: unknown) => send({ id: req.id, error: messageOf(err), ...cost() }),
  );
});
process.on("disconnect", () => process.exit(0));
