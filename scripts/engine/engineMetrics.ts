import { Gauge, type Registry } from 'prom-client';
import type { ProjectionRunner } from '../../projections/projectionRunner.ts';

/** Projection lag and the event store's head as Prometheus gauges, read when scraped. */
export const engineMetrics = (registry: Registry, runner: ProjectionRunner): void => {
  // Both gauges of one scrape share one status, and so one count of each projection's lag.
  let inFlight: ReturnType<ProjectionRunner['status']> | undefined;
  const statuses = () => (inFlight ??= runner.status().finally(() => (inFlight = undefined)));
  new Gauge({
    name: 'projection_lag_events',
    help: 'Events a projection has not applied yet, counted up to a limit (10,000, or one past READY_MAX_LAG when larger)',
    labelNames: ['projection', 'version'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const status of await statuses())
        this.set({ projection: status.name, version: String(status.version) }, status.lag);
    },
  });
  new Gauge({
    name: 'projection_stopped',
    help: '1 when a projection stopped on an error it cannot get past',
    labelNames: ['projection', 'version'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const status of await statuses())
        this.set({ projection: status.name, version: String(status.version) }, status.failed ? 1 : 0);
    },
  });
};
