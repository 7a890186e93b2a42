import { expect } from 'chai';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startService as start } from '../support/serviceProcess.ts';

describe('npm start with the federal calling hours narrowed by COMPLIANCE_RULES', function () {
  this.timeout(60_000);
  let dataDir: string;
  let running: ChildProcess | undefined;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'start-hours-'));
  });
  afterEach(() => {
    running?.kill('SIGKILL');
    running = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given federal hours 09:00-20:00, when a company sets business hours from 08:30, then the API refuses them naming the configured window', async () => {
    const rules = { callingHours: { federal: { start: '09:00', end: '20:00' } } };
    const service = start(['--data-dir', dataDir, '--port', String(await freePort())], {
      COMPLIANCE_RULES: JSON.stringify(rules),
    });
    running = service.child;
    const url = await service.listening;
    const call = (method: string, path: string, key: string, body: unknown) =>
      fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const company = (await (
      await call('POST', '/v1/companies', readFileSync(join(dataDir, 'admin-token'), 'utf8').trim(), {
        name: 'Hartley & Vance LLP',
      })
    ).json()) as { apiKey: string };
    const settings = {
      concurrencyRate: 50,
      outboundLines: 2,
      timezone: 'America/Chicago',
      defaultBusinessHours: [{ days: ['mon'], start: '08:30', end: '17:00' }],
    };
    const refused = await call('PUT', '/v1/settings/campaigns', company.apiKey, settings);
    expect(refused.status).to.equal(400);
    expect(((await refused.json()) as { errors: unknown }).errors).to.deep.equal([
      { path: 'defaultBusinessHours.0.start', message: 'must be 09:00 or later (calls are allowed 09:00-20:00)' },
    ]);
  });
});
