/**
 * Prometheus metrics at /metrics: process defaults, HTTP latency by route,
 * pg pool usage, and graphile-worker jobs by state and task (read at scrape).
 */
import type { NextFunction, Request, Response } from "express";
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Pool } from "../db/pool.ts";

export interface Metrics {
  registry: Registry;
  httpMiddleware(this: void, req: Request, res: Response, next: NextFunction): void;
}

function routeLabel(req: Request, status: number): string {
  // Express types the matched route as `any`: the Route, with the path it was declared with, once one matched.
  const route = req.route as { path?: string | RegExp | (string | RegExp)[] } | undefined;
  if (route?.path) return `${req.baseUrl}${String(route.path)}`;
  if (req.originalUrl.startsWith("/graphql")) return "/graphql";
  if (status === 404) return "not_found";
  return req.baseUrl || "other";
}

export function createMetrics(pools: Record<string, Pool>, ownerPool: Pool): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const httpDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request latency",
    labelNames: ["method", "route", "status_code"],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  new Gauge({
    name: "pg_pool_clients",
    help: "pg pool clients by pool and state",
    labelNames: ["pool", "state"],
    registers: [registry],
    collect() {
      for (const [name, pool] of Object.entries(pools)) {
        this.set({ pool: name, state: "total" }, pool.totalCount);
        this.set({ pool: name, state: "idle" }, pool.idleCount);
        this.set({ pool: name, state: "waiting" }, pool.waitingCount);
      }
    },
  });

  new Gauge({
    name: "graphile_worker_jobs",
    help: "graphile-worker jobs by state and task",
    labelNames: ["state", "task"],
    registers: [registry],
    async collect() {
      this.reset();
      const { rows } = await ownerPool.query<{ state: string; task: string; n: number }>(
        `select case
                  when locked_at is not null then 'running'
                  when attempts >= max_attempts then 'failed'
                  when run_at > now() then 'scheduled'
                  else 'queued'
                end as state,
                task_identifier as task,
                count(*)::int as n
           from graphile_worker.jobs
          group by 1, 2`,
      );
      for (const r of rows) this.set({ state: r.state, task: r.task }, r.n);
    },
  });

  return {
    registry,
    httpMiddleware(req, res, next) {
      const end = httpDuration.startTimer();
      res.on("finish", () => {
        end({ method: req.method, route: routeLabel(req, res.statusCode), status_code: String(res.statusCode) });
      });
      next();
    },
  };
}
