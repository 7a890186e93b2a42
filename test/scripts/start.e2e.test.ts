import { expect } from 'chai';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startService as start } from '../support/serviceProcess.ts';

describe('npm start', function () {
  this.timeout(60_000);
  let dataDir: string;
  let running: ChildProcess | undefined;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'start-'));
  });
  afterEach(() => {
    running?.kill('SIGKILL');
    running = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves health, readiness, metrics and OpenAPI on the embedded stores, keeps its admin token, and stops on SIGTERM', async () => {
    const port = await freePort();
    const first = start(['--data-dir', dataDir, '--port', String(port)]);
    running = first.child;
    const url = await first.listening;
    expect((await fetch(`${url}/healthz`)).status).to.equal(200);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).to.equal(200);
    expect(await ready.json()).to.include({ status: 'ready', eventStore: 'up', readStore: 'up' });
    expect(await (await fetch(`${url}/metrics`)).text()).to.contain('http_request_duration_seconds');
    const openapi = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).to.include.members(['/healthz', '/readyz', '/metrics', '/openapi.json']);
    const tokenFile = join(dataDir, 'admin-token');
    expect(statSync(tokenFile).mode & 0o777).to.equal(0o600);
    const token = readFileSync(tokenFile, 'utf8');
    first.child.kill('SIGTERM');
    expect((await first.exited).code).to.equal(0);

    const second = start(['--data-dir', dataDir, '--port', String(port)]);
    running = second.child;
    await second.listening;
    expect(readFileSync(tokenFile, 'utf8')).to.equal(token);
  });

  it('refuses compliance rules wider than shipped without an acknowledgement, and logs an acknowledged widening as a warning with its reason', async () => {
    const wider = { callingHours: { states: { TX: { days: { sun: { start: '10:00', end: '21:00' } } } } } };
    const refused = start(['--data-dir', dataDir, '--port', String(await freePort())], {
      COMPLIANCE_RULES: JSON.stringify(wider),
    });
    running = refused.child;
    const { code, stderr } = await refused.exited;
    expect(code).to.equal(2);
    expect(stderr).to.contain(
      'COMPLIANCE_RULES: invalid rules in the inline JSON: callingHours.states.TX.days.sun: starts at 10:00 instead of 12:00 on sun',
    );

    const reason = 'counsel’s reading of §301.051, 2026-11-02';
    const acknowledged = {
      callingHours: { states: { TX: { ...wider.callingHours.states.TX, acknowledgeWider: reason } } },
    };
    const started = start(['--data-dir', dataDir, '--port', String(await freePort())], {
      COMPLIANCE_RULES: JSON.stringify(acknowledged),
    });
    running = started.child;
    await started.listening;
    expect(
      started.logged
        .filter((entry) => entry['level'] === 40 && entry['reason'] === reason)
        .map((entry) => entry['path']),
    ).to.deep.equal(['callingHours.states.TX.days.sun']);
  });

  it('shares one data directory between two processes: each projection runs in one of them, and the other takes over when it stops', async () => {
    type Row = { name: string; status: string; active: boolean; heldBy: string };
    const projections = async (url: string) => {
      const response = await fetch(`${url}/readyz`);
      const report = (await response.json()) as { projections: Row[]; problems: string[] };
      expect(response.status, report.problems.join('; ')).to.equal(200);
      return report.projections;
    };
    const leases = { PROJECTION_LEASE_MS: '1500' };
    const first = start(
      ['--data-dir', dataDir, '--port', String(await freePort()), '--projection-lease-holder', 'engine-1'],
      leases,
    );
    running = first.child;
    const firstUrl = await first.listening;
    const second = start(
      ['--data-dir', dataDir, '--port', String(await freePort()), '--projection-lease-holder', 'engine-2'],
      leases,
    );
    const secondUrl = await second.listening;
    try {
      const runBy = (rows: Row[]) => [
        ...new Set(rows.map((row) => `${row.active ? 'here' : 'elsewhere'} ${row.heldBy}`)),
      ];
      expect(runBy(await projections(firstUrl))).to.deep.equal(['here engine-1']);
      expect(runBy(await projections(secondUrl))).to.deep.equal(['elsewhere engine-1']);

      first.child.kill('SIGTERM');
      expect((await first.exited).code).to.equal(0);
      // The stopped process freed its leases, so the other takes them at its next renewal.
      let rows = await projections(secondUrl);
      for (
        const deadline = Date.now() + 1500;
        runBy(rows).join() !== 'here engine-2' && Date.now() < deadline;
        rows = await projections(secondUrl)
      )
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(runBy(rows)).to.deep.equal(['here engine-2']);
    } finally {
      second.child.kill('SIGKILL');
    }
  });

  const failsNaming = async (setting: string, args: string[], env: Record<string, string> = {}) => {
    const started = Date.now();
    const { code, stderr } = await start(['--data-dir', dataDir, ...args], env).exited;
    expect(code).to.equal(2);
    expect(stderr).to.contain(`configuration error: ${setting}`);
    expect(Date.now() - started).to.be.lessThan(20_000);
    return stderr;
  };

  it('fails fast on an invalid setting, naming it', async () => {
    await failsNaming('PORT', [], { PORT: 'abc' });
    await failsNaming('EVENTSTORE_URL', ['--eventstore-url', 'http://localhost:2113']);
  });

  it('fails fast when the EventStoreDB server cannot be reached, naming EVENTSTORE_URL', async () => {
    const port = await freePort();
    await failsNaming('EVENTSTORE_URL', ['--eventstore-url', `esdb://127.0.0.1:${port}?tls=false`]);
  });

  it('fails fast when the EventStoreDB CA file is missing, naming EVENTSTORE_URL and the file problem', async () => {
    const stderr = await failsNaming('EVENTSTORE_URL', [], {
      EVENTSTORE_URL: 'esdb://127.0.0.1:2113?tls=true&tlsCAFile=/nowhere/esdb-ca.crt',
    });
    expect(stderr).to.contain('certificate file');
  });

  it('fails fast when the MongoDB server cannot be reached, naming MONGODB_URL without its password', async () => {
    const port = await freePort();
    const stderr = await failsNaming('MONGODB_URL', [], {
      MONGODB_URL: `mongodb://admin:s3cret@127.0.0.1:${port}/outreach`,
    });
    expect(stderr).not.to.contain('s3cret');
  });
});
