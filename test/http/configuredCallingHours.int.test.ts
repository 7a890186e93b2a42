import { expect } from 'chai';
import { complianceRules } from '../../domain/compliance/complianceRules.ts';
import { startApi, type Api } from '../support/apiHarness.ts';
import { refusedWithoutEvents } from '../support/refused.ts';
import { launchableDraft, type Company } from './campaigns/campaignSetup.ts';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];

describe('federal calling hours narrowed by configuration to 09:00-20:00, over HTTP', () => {
  let api: Api;
  let a: Company;
  before(async () => {
    api = await startApi({
      compliance: complianceRules({ callingHours: { federal: { start: '09:00', end: '20:00' } } }),
    });
    a = await api.createCompany('Hartley & Vance LLP');
  });
  after(() => api.close());

  const settings = (start: string, end: string) => ({
    concurrencyRate: 50,
    outboundLines: 2,
    timezone: 'America/Chicago',
    defaultBusinessHours: [{ days: weekdays, start, end }],
  });
  const putSettings = (body: unknown) => api.call('PUT', '/v1/settings/campaigns', { key: a.apiKey, body });
  const patch = (id: string, body: unknown) => api.call('PATCH', `/v1/campaigns/${id}`, { key: a.apiKey, body });
  const launch = (id: string) => api.call('POST', `/v1/campaigns/${id}/launch`, { key: a.apiKey });

  it('given business hours from 08:30 or to 20:30, when the company saves them, then each is refused naming the configured window, and 09:00-20:00 is kept', async () => {
    const early = await refusedWithoutEvents(api, 400, () => putSettings(settings('08:30', '17:00')));
    expect(early.body.errors).to.deep.equal([
      { path: 'defaultBusinessHours.0.start', message: 'must be 09:00 or later (calls are allowed 09:00-20:00)' },
    ]);
    const late = await refusedWithoutEvents(api, 400, () => putSettings(settings('10:00', '20:30')));
    expect(late.body.errors).to.deep.equal([
      { path: 'defaultBusinessHours.0.end', message: 'must be 20:00 or earlier (calls are allowed 09:00-20:00)' },
    ]);
    const answer = await putSettings(settings('09:00', '20:00'));
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body.campaigns.defaultBusinessHours).to.deep.equal([
      { days: weekdays, start: '09:00', end: '20:00' },
    ]);
  });

  it('given a draft whose schedule and run open at 08:30, when it launches, then launch is refused naming the configured window, and at 09:00 it launches', async () => {
    const { campaignId } = await launchableDraft(api, a);
    const slotsFrom = (start: string) => {
      const slots = [{ days: weekdays, start, end: '12:00' }];
      return {
        schedule: { mode: 'custom', slots },
        runs: [{ start: '2026-03-02T14:00:00.000Z', slots, channels: ['voice'] }],
      };
    };
    expect((await patch(campaignId, slotsFrom('08:30'))).status).to.equal(200);
    const refused = await refusedWithoutEvents(api, 422, () => launch(campaignId));
    expect(refused.body.errors).to.deep.equal([
      { path: 'schedule.slots.0', message: 'the slot 08:30-12:00 must lie inside 09:00-20:00' },
      { path: 'runs.0.slots.0', message: 'the slot 08:30-12:00 must lie inside 09:00-20:00' },
    ]);
    expect((await patch(campaignId, slotsFrom('09:00'))).status).to.equal(200);
    const answer = await launch(campaignId);
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body.status).to.equal('ACTIVE');
  });

  it('names the configured window in the settings route of the API description', async () => {
    const document = await api.call('GET', '/openapi.json');
    expect(document.body.paths['/v1/settings/campaigns'].put.description).to.contain(
      'federal calling window in force (09:00-20:00)',
    );
  });
});
