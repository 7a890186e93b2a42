import { expect } from 'chai';
import { virtualClock, type VirtualClock } from '../../adapters/clock/virtualClock.ts';
import { simulatedEmail, type SimulatedEmail } from '../../adapters/email/simulated/simulatedEmail.ts';
import { scheduledReportHandler } from '../../commands/scheduledReports/scheduledReportHandler.ts';
import type { ReportSchedule } from '../../domain/campaign/draft.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import type { Event, RecordedEvent } from '../../domain/events/event.ts';
import { reportStream } from '../../domain/scheduledReport/events.ts';
import type { Projection } from '../../projections/projection.ts';
import { projectionRunner, type ProjectionRunner } from '../../projections/projectionRunner.ts';
import { scheduledReportsProjection } from '../../projections/scheduledReports/scheduledReportsProjection.ts';
import { reportScheduler, type ReportScheduler } from '../../schedulers/reportScheduler.ts';
import { fakeCatalog, type DatedRow } from '../support/fakeReport.ts';
import { tempStores } from '../support/tempStores.ts';
import { seededEvents } from '../support/seededEvents.ts';
import { sesEmail } from '../../adapters/email/ses/sesEmail.ts';
import type { Email } from '../../commands/outreach/email.ts';
import { startSesEmulator } from '../adapters/email/sesEmulator.ts';
import { realTime } from '../support/realTime.ts';

const companyId = '01900000-0000-7000-8000-0000000000c1';
const campaignId = '01900000-0000-7000-8000-00000000ca01';
const launchedAt = new Date('2026-03-05T12:00:00.000Z');
const minutes = 60_000;
const days = 24 * 60 * minutes;

/** One row a day at noon UTC, from February to mid-April: the report's dates. */
const rows: DatedRow[] = Array.from({ length: 70 }, (_, i) => ({
  at: new Date(Date.parse('2026-02-01T12:00:00.000Z') + i * days).toISOString(),
  status: i % 2 ? 'failed' : 'answered',
}));

const schedules: ReportSchedule[] = [
  {
    id: 'daily',
    report: 'calls',
    frequency: 'daily',
    time: '02:30',
    recipients: ['ops@example.com'],
    window: { last: 1, unit: 'days' },
  },
  {
    id: 'weekly',
    report: 'transfers',
    frequency: 'weekly',
    dayOfWeek: 'mon',
    time: '07:00',
    recipients: ['a@example.com', 'b@example.com'],
    filters: { status: 'answered' },
  },
  {
    id: 'monthly',
    report: 'opt_outs',
    frequency: 'monthly',
    dayOfMonth: 1,
    time: '08:00',
    recipients: ['audit@example.com'],
    window: { last: 1, unit: 'months' },
    timezone: 'America/Chicago',
  },
];

describe('Report scheduler on a virtual clock', () => {
  let stores: ReturnType<typeof tempStores>;
  let runner: ProjectionRunner;
  let clock: VirtualClock;
  let email: ReturnType<typeof simulatedEmail>;
  let sequence = 0;
  let errors: unknown[] = [];

  const append = async (stream: string, events: readonly Event[]) => {
    const commandId = `seed-${++sequence}`;
    await stores.eventStore.append(stream, seededEvents(events, companyId, commandId, clock.now()), 'any');
  };

  const launch = () =>
    append(`campaign-${campaignId}`, [
      {
        type: 'CampaignDraftStarted',
        data: { campaignId, companyId, name: 'Spring intake', createdAt: launchedAt.toISOString() },
      },
      {
        type: 'CampaignLaunched',
        data: {
          campaignId,
          launchedAt: launchedAt.toISOString(),
          name: 'Spring intake',
          settings: { type: 'voice', reportSchedules: schedules },
          list: { listId: 'l1', caseType: 'intake', listRevision: 0, caseCount: 0, contactCount: 0 },
          companyHours: { timezone: 'America/New_York', businessHours: [] },
        },
      },
    ] as Event[]);

  const scheduler = (interruptedAfterMs?: number, through: Email = email): ReportScheduler =>
    reportScheduler({
      eventStore: stores.eventStore,
      registry: engineRegistry,
      readStore: stores.readStore,
      clock,
      email: through,
      catalog: fakeCatalog(() => rows),
      from: 'reports@example.com',
      newId: () => `id-${++sequence}`,
      intervalMs: 15 * minutes,
      ...(interruptedAfterMs !== undefined ? { interruptedAfterMs } : {}),
      waitForReadModels: (position) => runner.waitFor(position, { timeoutMs: 10_000 }),
      onError: (error) => void errors.push(error),
    });

  const reportEvents = async (): Promise<RecordedEvent[]> => {
    const found: RecordedEvent[] = [];
    for await (const event of stores.eventStore.readStream(reportStream(campaignId))) found.push(event);
    return found;
  };

  const csvOf = (sent: SimulatedEmail) => sent.attachments![0]!.content.toString('utf8');

  beforeEach(async () => {
    errors = [];
    stores = tempStores(engineRegistry);
    clock = virtualClock(launchedAt);
    email = simulatedEmail({
      seed: 7,
      run: 'test',
      scheduler: clock,
      reports: { messageStatus: async () => {}, unsubscribe: async () => {} },
    });
    runner = projectionRunner({
      clock: realTime,
      eventStore: stores.eventStore,
      readStore: stores.readStore,
      projections: [scheduledReportsProjection as Projection],
      pollIntervalMs: 10,
    });
    await runner.start();
    await launch();
  });
  afterEach(async () => {
    await runner.stop();
    await stores.dispose();
  });

  it('across a spring-forward night, a month end and three days of downtime, sends exactly the runs due, each once, with its window', async function () {
    this.timeout(120_000);
    let running = scheduler();
    running.start();
    await clock.advanceTo(new Date('2026-03-20T14:00:00.000Z'));
    await running.stop();
    // Down from Friday 10:00 to Monday 08:00 New York time: three daily runs and Monday's weekly run fall due meanwhile.
    await clock.advanceTo(new Date('2026-03-23T12:00:00.000Z'));
    running = scheduler();
    running.start();
    await clock.advanceTo(new Date('2026-04-02T12:00:00.000Z'));
    await running.stop();

    expect(errors).to.deep.equal([]);
    const sent = email.sentEmails().filter((e) => e.messageId.startsWith('report.'));
    const ids = sent.map((e) => e.messageId);
    expect(new Set(ids).size, 'no message twice').to.equal(ids.length);

    const daily = sent.filter((e) => e.messageId.includes('.daily.'));
    const dailyDates = daily.map((e) => e.messageId.split('.')[3]);
    const expectedDaily = Array.from({ length: 28 }, (_, i) =>
      new Date(Date.parse('2026-03-06T12:00:00Z') + i * days).toISOString().slice(0, 10),
    ).filter((d) => d !== '2026-03-21' && d !== '2026-03-22');
    expect(dailyDates).to.deep.equal(expectedDaily);
    const dailyAt = (date: string) => daily.find((e) => e.messageId.includes(`.${date}.`))!;
    // 02:30 does not exist on March 8 in New York: the run goes at 03:00 EDT, once.
    expect(dailyAt('2026-03-08').sentAt).to.equal('2026-03-08T07:00:00.000Z');
    expect(dailyAt('2026-03-07').sentAt).to.equal('2026-03-07T07:30:00.000Z');
    expect(dailyAt('2026-03-09').sentAt).to.equal('2026-03-09T06:30:00.000Z');
    // After the downtime the latest missed run goes once, at the restarted scheduler's first tick, with its own day's window.
    expect(dailyAt('2026-03-23').sentAt).to.equal('2026-03-23T12:15:00.000Z');
    const line = (at: string) => `${at},${rows.find((r) => r.at === at)!.status}`;
    expect(csvOf(dailyAt('2026-03-23'))).to.equal(`at,status\n${line('2026-03-22T12:00:00.000Z')}\n`);
    expect(csvOf(dailyAt('2026-03-09'))).to.equal(`at,status\n${line('2026-03-08T12:00:00.000Z')}\n`);
    expect(dailyAt('2026-03-09').attachments![0]!.filename).to.equal('Spring intake-calls-2026-03-09.csv');

    const weekly = sent.filter((e) => e.messageId.includes('.weekly.'));
    expect(weekly.map((e) => `${e.messageId.split('.')[3]} ${e.to} ${e.sentAt}`)).to.deep.equal([
      '2026-03-09 a@example.com 2026-03-09T11:00:00.000Z',
      '2026-03-09 b@example.com 2026-03-09T11:00:00.000Z',
      '2026-03-16 a@example.com 2026-03-16T11:00:00.000Z',
      '2026-03-16 b@example.com 2026-03-16T11:00:00.000Z',
      '2026-03-23 a@example.com 2026-03-23T12:15:00.000Z',
      '2026-03-23 b@example.com 2026-03-23T12:15:00.000Z',
      '2026-03-30 a@example.com 2026-03-30T11:00:00.000Z',
      '2026-03-30 b@example.com 2026-03-30T11:00:00.000Z',
    ]);
    // No window: every row its saved filter keeps.
    expect(csvOf(weekly[0]!).trim().split('\n').slice(1)).to.deep.equal(
      rows.filter((r) => r.status === 'answered').map((r) => `${r.at},answered`),
    );

    const monthly = sent.filter((e) => e.messageId.includes('.monthly.'));
    expect(monthly.map((e) => `${e.messageId.split('.')[3]} ${e.sentAt}`)).to.deep.equal([
      '2026-04-01 2026-04-01T13:00:00.000Z',
    ]);
    const march = rows.filter((r) => r.at >= '2026-03-01T06:00:00.000Z' && r.at < '2026-04-01T05:00:00.000Z');
    expect(csvOf(monthly[0]!).trim().split('\n').slice(1)).to.deep.equal(march.map((r) => `${r.at},${r.status}`));

    const events = await reportEvents();
    const claims = events.filter((e) => e.type === 'ScheduledReportRunClaimed');
    const sentEvents = events.filter((e) => e.type === 'ScheduledReportSent');
    expect(claims).to.have.length(expectedDaily.length + 4 + 1);
    expect(sentEvents).to.have.length(claims.length);
    const monthlySent = sentEvents.find((e) => (e.data as { runId: string }).runId === 'monthly/2026-04-01')!;
    expect(monthlySent.data).to.include({ rows: march.length });
    const monthlyClaim = claims.find((e) => (e.data as { runId: string }).runId === 'monthly/2026-04-01')!;
    expect((monthlyClaim.data as { window: object }).window).to.deep.equal({
      from: '2026-03-01T06:00:00.000Z',
      until: '2026-04-01T05:00:00.000Z',
    });
    // Each claim precedes its outcome on the stream.
    for (const claim of claims) {
      const runId = (claim.data as { runId: string }).runId;
      const outcome = sentEvents.find((e) => (e.data as { runId: string }).runId === runId)!;
      expect(outcome.revision > claim.revision).to.equal(true);
    }
  });

  it('a run a crash left claimed and unsent is marked failed once the claim is stale, and never sent', async () => {
    const handle = scheduledReportHandler({ eventStore: stores.eventStore, registry: engineRegistry });
    await clock.advanceTo(new Date('2026-03-06T07:30:00.000Z'));
    // A process claimed the run, then died before sending it.
    await handle(
      {
        type: 'ClaimReportRun',
        data: {
          campaignId,
          reportId: 'daily',
          period: '2026-03-06',
          dueAt: clock.now().toISOString(),
          window: {},
          recipients: ['ops@example.com'],
          now: clock.now().toISOString(),
        },
      },
      { commandId: 'crashed-claim', companyId, actor: 'report-scheduler', now: clock.now() },
    );
    const running = scheduler(20 * minutes);
    running.start();
    await clock.advanceTo(new Date('2026-03-06T07:45:00.000Z'));
    expect(
      (await reportEvents()).map((e) => e.type),
      'the claim is not stale yet',
    ).to.deep.equal(['ScheduledReportRunClaimed']);
    await clock.advanceTo(new Date('2026-03-07T08:00:00.000Z'));
    await running.stop();
    const failed = (await reportEvents()).filter((e) => e.type === 'ScheduledReportFailed');
    expect(failed.map((e) => (e.data as { runId: string }).runId)).to.deep.equal(['daily/2026-03-06']);
    expect((failed[0]!.data as { error: string }).error).to.match(/interrupted/);
    expect(email.sentEmails().map((e) => e.messageId.split('.').slice(2, 4).join('.'))).to.deep.equal([
      'daily.2026-03-07',
    ]);
  });

  it('two schedulers on one store send each run once', async function () {
    this.timeout(60_000);
    const [one, two] = [scheduler(), scheduler()];
    await clock.advanceTo(new Date('2026-03-06T07:30:00.000Z'));
    await Promise.all([one.tick(), two.tick()]);
    await Promise.all([one.tick(), two.tick()]);
    expect(email.sentEmails().map((e) => e.messageId)).to.deep.equal([
      'report.01900000-0000-7000-8000-00000000ca01.daily.2026-03-06.1',
    ]);
  });

  it('a run reaches SES as one raw message per recipient with the CSV attached, and records the ids SES gave', async () => {
    const ses = await startSesEmulator();
    const viaSes = sesEmail({
      region: 'us-east-1',
      endpoint: ses.endpoint,
      from: 'reports@example.com',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    try {
      await clock.advanceTo(new Date('2026-03-09T11:00:00.000Z'));
      const done = await scheduler(undefined, viaSes).tick();
      expect(done.sent).to.deep.equal(['daily/2026-03-09', 'weekly/2026-03-09']);
      const stored = await ses.storedEmails();
      expect(stored.map((e) => e.destination.to[0])).to.deep.equal([
        'ops@example.com',
        'a@example.com',
        'b@example.com',
      ]);
      expect(stored[0]!.attachments.map((a) => [a.filename, a.contentType])).to.deep.equal([
        ['Spring intake-calls-2026-03-09.csv', 'text/csv'],
      ]);
      expect(Buffer.from(stored[0]!.attachments[0]!.content, 'base64').toString('utf8')).to.equal(
        `at,status\n2026-03-08T12:00:00.000Z,${rows.find((r) => r.at === '2026-03-08T12:00:00.000Z')!.status}\n`,
      );
      const sent = (await reportEvents()).filter((e) => e.type === 'ScheduledReportSent');
      expect(sent.map((e) => (e.data as { messageIds: string[] }).messageIds)).to.deep.equal([
        [stored[0]!.messageId],
        [stored[1]!.messageId, stored[2]!.messageId],
      ]);
    } finally {
      viaSes.close();
      await ses.stop();
    }
  });

  it('a send the email service refuses is recorded as failed with its reason, and that period is not sent again', async () => {
    const refusing: Email = {
      send: async () => Promise.reject(new Error('MessageRejected: Email address is not verified')),
    };
    await clock.advanceTo(new Date('2026-03-06T07:30:00.000Z'));
    const running = scheduler(undefined, refusing);
    expect((await running.tick()).failed).to.deep.equal(['daily/2026-03-06']);
    expect((await running.tick()).failed).to.deep.equal([]);
    const failed = (await reportEvents()).filter((e) => e.type === 'ScheduledReportFailed');
    expect(failed.map((e) => e.data)).to.deep.equal([
      {
        campaignId,
        reportId: 'daily',
        runId: 'daily/2026-03-06',
        failedAt: '2026-03-06T07:30:00.000Z',
        error: 'MessageRejected: Email address is not verified',
      },
    ]);
    expect(errors).to.have.length(1);
  });

  it('a run that reached some recipients before the service refused one is recorded as failed, saying how far it got', async () => {
    const halfway: Email = {
      send: async (message) =>
        message.to === 'b@example.com'
          ? Promise.reject(new Error('Throttling'))
          : { providerMessageId: `ses-${message.to}` },
    };
    await clock.advanceTo(new Date('2026-03-09T11:00:00.000Z'));
    const done = await scheduler(undefined, halfway).tick();
    expect(done.failed).to.deep.equal(['weekly/2026-03-09']);
    const failed = (await reportEvents()).find((e) => e.type === 'ScheduledReportFailed')!;
    expect((failed.data as { error: string }).error).to.equal('Throttling (after 1 of 2 recipients)');
  });
});
