import { expect } from 'chai';
import { reportStream } from '../../../domain/scheduledReport/events.ts';
import { startApi, type Answer, type Api } from '../../support/apiHarness.ts';
import { errorPaths, refusedWithoutEvents } from '../../support/refused.ts';
import { launchableDraft, startDraft, type Company } from '../campaigns/campaignSetup.ts';

const weekly = {
  report: 'calls',
  frequency: 'weekly',
  dayOfWeek: 'mon',
  time: '07:00',
  recipients: ['partner@example.com'],
  window: { last: 1, unit: 'weeks' },
  filters: { outcome: 'answered' },
};

describe('scheduled reports over HTTP', () => {
  let api: Api;
  let a: Company;
  let b: Company;
  const now = { current: new Date('2026-12-01T15:00:00.000Z') };

  before(async () => {
    api = await startApi({ clock: () => new Date(now.current) });
    a = await api.createCompany('Hartley & Vance LLP');
    b = await api.createCompany('Other Firm LLP');
  });
  after(() => api.close());

  const path = (campaignId: string, rest = '') => `/v1/campaigns/${campaignId}/scheduled-reports${rest}`;
  const add = (campaignId: string, body: unknown, key = a.apiKey) => api.call('POST', path(campaignId), { key, body });
  const list = async (campaignId: string, key = a.apiKey) =>
    (await api.call('GET', path(campaignId), { key })).body.items as Record<string, any>[];
  const refused = (status: number, send: () => Promise<Answer>) => refusedWithoutEvents(api, status, send);
  const streamTypes = async (stream: string) => {
    const types: string[] = [];
    for await (const event of api.stores.eventStore.readStream(stream)) types.push(event.type);
    return types;
  };

  describe('on a draft', () => {
    it('a schedule added is part of the draft: the campaign and the scheduled reports show it, and removing it takes it from both', async () => {
      const draft = await startDraft(api, a.apiKey);
      const added = await add(draft.id, weekly);
      expect(added.status, added.text).to.equal(201);
      expect(added.body).to.deep.include({ ...weekly, timezone: null });
      const id = added.body.id as string;
      const campaign = await api.call('GET', `/v1/campaigns/${draft.id}`, { key: a.apiKey });
      expect(campaign.body.draft.reportSchedules).to.deep.equal([{ ...weekly, id }]);
      expect((await list(draft.id)).map((s) => [s.id, s.report, s.nextRunAt, s.lastRun])).to.deep.equal([
        [id, 'calls', null, null],
      ]);

      const removed = await api.call('DELETE', path(draft.id, `/${id}`), { key: a.apiKey });
      expect(removed.status, removed.text).to.equal(200);
      expect(
        (await api.call('GET', `/v1/campaigns/${draft.id}`, { key: a.apiKey })).body.draft.reportSchedules,
      ).to.deep.equal([]);
      expect(await list(draft.id)).to.deep.equal([]);
      expect(await streamTypes(reportStream(draft.id)), 'a draft keeps its schedules in the draft').to.deep.equal([]);
    });

    it('schedules saved by autosave are listed by their place until a route gives each a lasting id', async () => {
      const draft = await startDraft(api, a.apiKey);
      await api.call('PATCH', `/v1/campaigns/${draft.id}`, {
        key: a.apiKey,
        body: { reportSchedules: [{ ...weekly, report: 'transfers', filters: {} }] },
      });
      expect((await list(draft.id)).map((s) => s.id)).to.deep.equal(['r1']);
      const added = await add(draft.id, weekly);
      expect((await list(draft.id)).map((s) => s.id)).to.deep.equal(['r1', added.body.id]);
      await refused(404, () => api.call('DELETE', path(draft.id, '/r9'), { key: a.apiKey }));
      expect((await api.call('DELETE', path(draft.id, '/r1'), { key: a.apiKey })).status).to.equal(200);
      expect((await list(draft.id)).map((s) => s.id)).to.deep.equal([added.body.id]);
    });
  });

  describe('refusals name every field and record nothing', () => {
    it('weekday, day of month, zone, time, recipients, window and the report filters', async () => {
      const draft = await startDraft(api, a.apiKey);
      const answer = await refused(400, () =>
        add(draft.id, {
          report: 'calls',
          frequency: 'monthly',
          dayOfMonth: 31,
          time: '24:00',
          timezone: 'Mars/Olympus',
          recipients: ['ops@example.com', 'not an address'],
          window: { last: 0, unit: 'days' },
          filters: { outcome: 'teleported', colour: 'blue' },
        }),
      );
      expect(errorPaths(answer)).to.have.members([
        'time',
        'dayOfMonth',
        'timezone',
        'recipients.1',
        'window.last',
        'filters.colour',
        'filters.outcome',
      ]);
      const weeklyWithoutDay = await refused(400, () => add(draft.id, { ...weekly, dayOfWeek: undefined }));
      expect(errorPaths(weeklyWithoutDay)).to.deep.equal(['dayOfWeek']);
      const crowd = Array.from({ length: 21 }, (_, i) => `p${i}@example.com`);
      expect(errorPaths(await refused(400, () => add(draft.id, { ...weekly, recipients: crowd })))).to.deep.equal([
        'recipients',
      ]);
      expect(errorPaths(await refused(400, () => add(draft.id, { ...weekly, recipients: [] })))).to.deep.equal([
        'recipients',
      ]);
      expect(
        errorPaths(await refused(400, () => add(draft.id, { ...weekly, report: 'weather', id: 'mine' }))),
      ).to.deep.equal(['id']);
      expect(errorPaths(await refused(400, () => add(draft.id, { ...weekly, report: 'weather' })))).to.deep.equal([
        'report',
      ]);
    });

    it("another company's campaign answers 404", async () => {
      const draft = await startDraft(api, a.apiKey);
      await refused(404, () => add(draft.id, weekly, b.apiKey));
      await refused(404, () => api.call('GET', path(draft.id), { key: b.apiKey }));
    });
  });

  describe('at launch', () => {
    it("autosaved schedules are judged as the routes judge them: their window and the report's filters", async () => {
      const { campaignId } = await launchableDraft(api, a, 1);
      await api.call('PATCH', `/v1/campaigns/${campaignId}`, {
        key: a.apiKey,
        body: { reportSchedules: [{ ...weekly, window: { last: 0, unit: 'months' }, filters: { colour: 'blue' } }] },
      });
      const answer = await refused(422, () =>
        api.call('POST', `/v1/campaigns/${campaignId}/launch`, { key: a.apiKey }),
      );
      expect(errorPaths(answer)).to.deep.equal(['reportSchedules.0.window.last', 'reportSchedules.0.filters.colour']);
    });
  });

  describe('on a launched campaign', () => {
    it('the launched schedules run on, added ones start at once, and either can be removed, on the report stream', async () => {
      const { campaignId } = await launchableDraft(api, a, 1);
      expect((await api.call('POST', `/v1/campaigns/${campaignId}/launch`, { key: a.apiKey })).status).to.equal(200);
      const added = await add(campaignId, weekly);
      expect(added.status, added.text).to.equal(201);
      const schedules = await list(campaignId);
      expect(schedules.map((s) => [s.id, s.report, s.frequency])).to.deep.equal([
        ['r1', 'calls', 'daily'],
        [added.body.id, 'calls', 'weekly'],
      ]);
      // Daily at 07:00 in the company's zone (New York by default); weekly on Monday at 07:00.
      expect(schedules.map((s) => s.nextRunAt)).to.deep.equal(['2026-12-02T12:00:00.000Z', '2026-12-07T12:00:00.000Z']);

      expect((await api.call('DELETE', path(campaignId, '/r1'), { key: a.apiKey })).status).to.equal(200);
      await refused(404, () => api.call('DELETE', path(campaignId, '/r1'), { key: a.apiKey }));
      await refused(404, () => api.call('DELETE', path(campaignId, '/no-such-schedule'), { key: a.apiKey }));
      expect((await list(campaignId)).map((s) => s.id)).to.deep.equal([added.body.id]);
      expect(await streamTypes(reportStream(campaignId))).to.deep.equal([
        'ScheduledReportAdded',
        'ScheduledReportRemoved',
      ]);
      const campaign = await api.call('GET', `/v1/campaigns/${campaignId}`, { key: a.apiKey });
      expect(campaign.body.draft.reportSchedules, 'the campaign shows its settings as launched').to.have.length(1);
    });

    it('the export answers the CSV a run now would mail: the report header, the saved window and the file name', async () => {
      const { campaignId } = await launchableDraft(api, a, 1);
      await api.call('POST', `/v1/campaigns/${campaignId}/launch`, { key: a.apiKey });
      const added = await add(campaignId, weekly);
      const before = await api.eventCount();
      const exported = await api.call('POST', path(campaignId, `/${added.body.id}/export`), { key: a.apiKey });
      expect(exported.status, exported.text).to.equal(200);
      expect(exported.headers.get('content-type')).to.match(/^text\/csv/);
      expect(exported.headers.get('content-disposition')).to.equal(
        'attachment; filename="Spring intake-calls-2026-12-01.csv"',
      );
      const reportCsv = await api.call('GET', `/v1/campaigns/${campaignId}/reports/calls?format=csv&outcome=answered`, {
        key: a.apiKey,
      });
      expect(exported.text.split('\n')[0]).to.equal(reportCsv.text.split('\n')[0]);
      expect(await api.eventCount(), 'an export records nothing').to.equal(before);
      await refused(404, () => api.call('POST', path(campaignId, '/nope/export'), { key: a.apiKey }));
      await refused(404, () => api.call('POST', path(campaignId, `/${added.body.id}/export`), { key: b.apiKey }));
    });
  });
});
