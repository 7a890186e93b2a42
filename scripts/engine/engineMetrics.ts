import { Gauge, type Registry } from 'prom-client';
import type { ProjectionRunner } from '../../projections/projectionRunner.ts';

/** Projection lag and the event store's head as Prometheus gauges, read when scraped. */
export const engineMetrics = (registry: Registry, runner: ProjectionRunner): void => {
  new Gauge({
    name: 'projection_lag_positions',
    help: 'Positions of the event store a projection has not applied yet',
    labelNames: ['projection', 'version'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const status of await runner.status())
        this.set({ projection: status.name, version: String(status.version) }, Number(status.lag));
    },
  });
  new Gauge({
    name: 'projection_stopped',
    help: '1 when a projection stopped on an error it cannot get past',
    labelNames: ['projection', 'version'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const status of await runner.status())
        this.set({ projection: status.name, version: String(status.version) }, status.failed ? 1 : 0);
    },
  });
};
