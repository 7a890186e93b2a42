import type { Request, RequestHandler, Response } from 'express';
import { collectDefaultMetrics, Histogram, type Registry } from 'prom-client';

const durationName = 'http_request_duration_seconds';

/** The matched route pattern, never the raw path, so ids do not explode the label set. */
const routeOf = (req: Request, res: Response): string => {
  if (typeof res.locals.route === 'string') return res.locals.route;
  const path: unknown = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : 'unmatched';
};

/** Default process metrics plus a request duration histogram by method, route and status. */
export const httpMetrics = (registry: Registry): RequestHandler => {
  // A registry shared by several apps (tests, workers) gets its metrics once.
  if (!registry.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics({ register: registry });
  const existing = registry.getSingleMetric(durationName);
  const duration =
    existing instanceof Histogram
      ? (existing as Histogram<'method' | 'route' | 'status'>)
      : new Histogram({
          name: durationName,
          help: 'Duration of HTTP requests in seconds',
          labelNames: ['method', 'route', 'status'] as const,
          buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
          registers: [registry],
        });
  return (req, res, next) => {
    const end = duration.startTimer();
    res.on('finish', () => end({ method: req.method, route: routeOf(req, res), status: String(res.statusCode) }));
    next();
  };
};

export const metricsHandler =
  (registry: Registry): RequestHandler =>
  async (_req, res) => {
    res.set('Content-Type', registry.contentType).send(await registry.metrics());
  };
