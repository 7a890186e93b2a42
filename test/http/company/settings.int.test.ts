import { expect } from 'chai';
import { startApi, type Api } from '../../support/apiHarness.ts';
import { errorPaths, refusedWithoutEvents } from '../../support/refused.ts';

const lunchBreak = {
  concurrencyRate: 60,
  outboundLines: 12,
  timezone: 'America/Chicago',
  defaultBusinessHours: [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '12:00' },
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '13:00', end: '17:00' },
  ],
};

const defaults = {
  concurrencyRate: 100,
  outboundLines: 1,
  timezone: 'America/New_York',
  defaultBusinessHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }],
};

describe('company settings over HTTP', () => {
  let api: Api;
  before(async () => {
    api = await startApi({ clock: () => new Date('2026-03-02T15:00:00.000Z') });
  });
  after(() => api.close());

  const put = (key: string, body: unknown) => api.call('PUT', '/v1/settings/campaigns', { key, body });
  const get = (key: string, position?: string) =>
    api.call('GET', `/v1/settings${position ? `?minPosition=${position}` : ''}`, { key });

  /** A refusal: 400 problem+json naming exactly these paths, and nothing appended. */
  const refused = async (key: string, body: unknown, paths: string[]) => {
    const answer = await refusedWithoutEvents(api, 400, () => put(key, body));
    expect(errorPaths(answer)).to.deep.equal(paths);
    return answer;
  };

  it('answers the defaults before the company sets anything', async () => {
    const { companyId, apiKey, position } = await api.createCompany('Defaults LLP');
    const answer = await get(apiKey, position);
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body).to.deep.equal({
      id: companyId,
      companyId,
      name: 'Defaults LLP',
      createdAt: '2026-03-02T15:00:00.000Z',
      campaigns: { ...defaults, isDefault: true, updatedAt: null },
      email: { postalAddress: null, updatedAt: null },
    });
  });

  it('sets the postal address every email prints, lines trimmed and blank ones dropped, and reads it back', async () => {
    const { apiKey } = await api.createCompany('Postal LLP');
    const answer = await api.call('PUT', '/v1/settings/email', {
      key: apiKey,
      body: { postalAddress: '  Postal LLP\r\n\r\n100 N LaSalle St, Suite 1200 \nChicago, IL 60602\n' },
    });
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body.email).to.deep.equal({
      postalAddress: 'Postal LLP\n100 N LaSalle St, Suite 1200\nChicago, IL 60602',
    });
    const read = await get(apiKey, answer.body.position);
    expect(read.body.email).to.deep.equal({
      postalAddress: 'Postal LLP\n100 N LaSalle St, Suite 1200\nChicago, IL 60602',
      updatedAt: '2026-03-02T15:00:00.000Z',
    });
    const before = await api.eventCount();
    expect(
      (
        await api.call('PUT', '/v1/settings/email', {
          key: apiKey,
          body: { postalAddress: 'Postal LLP\n100 N LaSalle St, Suite 1200\nChicago, IL 60602' },
        })
      ).status,
    ).to.equal(200);
    expect(await api.eventCount(), 'the same address again records nothing').to.equal(before);
  });

  it('refuses a postal address that is missing, blank, too long, of too many lines or not plain text, naming postalAddress, and appends nothing', async () => {
    const { apiKey } = await api.createCompany('No Address LLP');
    for (const postalAddress of [
      '',
      ' \n \n',
      'x'.repeat(501),
      Array.from({ length: 9 }, (_, i) => `line ${i}`).join('\n'),
      '100 Main St\tChicago',
    ]) {
      const answer = await refusedWithoutEvents(api, 400, () =>
        api.call('PUT', '/v1/settings/email', { key: apiKey, body: { postalAddress } }),
      );
      expect(errorPaths(answer), JSON.stringify(postalAddress)).to.deep.equal(['postalAddress']);
    }
    const shape = await refusedWithoutEvents(api, 400, () =>
      api.call('PUT', '/v1/settings/email', { key: apiKey, body: { postalAddress: 42 } }),
    );
    expect(errorPaths(shape)).to.deep.equal(['postalAddress']);
    expect((await get(apiKey)).body.email.postalAddress).to.equal(null);
  });

  it('replaces the campaign settings, answers them with the position, and reads them back', async () => {
    const { apiKey } = await api.createCompany('Lunch Break LLP');
    const answer = await put(apiKey, lunchBreak);
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body.campaigns).to.deep.equal({ ...lunchBreak, isDefault: false });
    expect(answer.body.position).to.match(/^\d+$/);
    const read = await get(apiKey, answer.body.position);
    expect(read.body.campaigns).to.deep.equal({
      ...lunchBreak,
      isDefault: false,
      updatedAt: '2026-03-02T15:00:00.000Z',
    });
  });

  it('appends nothing when the same settings are saved again', async () => {
    const { apiKey } = await api.createCompany('Same Again LLP');
    await put(apiKey, lunchBreak);
    const before = await api.eventCount();
    const again = await put(apiKey, lunchBreak);
    expect(again.status).to.equal(200);
    expect(await api.eventCount()).to.equal(before);
  });

  it('refuses bad slots with every problem at once and appends nothing', async () => {
    const { apiKey } = await api.createCompany('Bad Slots LLP');
    const answer = await refused(
      apiKey,
      {
        concurrencyRate: 0,
        outboundLines: 2,
        timezone: 'Mars/Olympus',
        defaultBusinessHours: [
          { days: ['mon', 'tue'], start: '07:30', end: '12:00' },
          { days: ['tue'], start: '11:00', end: '21:30' },
          { days: [], start: '15:00', end: '14:00' },
        ],
      },
      [
        'concurrencyRate',
        'timezone',
        'defaultBusinessHours.0.start',
        'defaultBusinessHours.1.end',
        'defaultBusinessHours.2.days',
        'defaultBusinessHours.2.end',
        'defaultBusinessHours.1',
      ],
    );
    expect(answer.body.code).to.equal('SETTINGS.INVALID');
    expect(answer.body.errors.find((e: { path: string }) => e.path === 'defaultBusinessHours.1').message).to.equal(
      'overlaps slot 0 (07:30-12:00) on tue',
    );
    expect((await get(apiKey, String(await api.eventCount()))).body.campaigns.isDefault).to.equal(true);
  });

  it('refuses a body of the wrong shape, naming each path, and appends nothing', async () => {
    const { apiKey } = await api.createCompany('Wrong Shape LLP');
    await refused(
      apiKey,
      { concurrencyRate: '50', timezone: 5, defaultBusinessHours: [{ days: 'mon', start: '09:00' }] },
      ['concurrencyRate', 'outboundLines', 'timezone', 'defaultBusinessHours.0.days', 'defaultBusinessHours.0.end'],
    );
  });

  it("keeps each company's settings to itself", async () => {
    const a = await api.createCompany('Firm A LLP');
    const b = await api.createCompany('Firm B LLP');
    const written = await put(a.apiKey, lunchBreak);
    const seenByB = await get(b.apiKey, written.body.position);
    expect(seenByB.body).to.include({ companyId: b.companyId, name: 'Firm B LLP' });
    expect(seenByB.body.campaigns).to.deep.include({ ...defaults, isDefault: true });
  });

  it('answers 401 without a key and appends nothing', async () => {
    const before = await api.eventCount();
    expect((await api.call('PUT', '/v1/settings/campaigns', { body: lunchBreak })).status).to.equal(401);
    expect((await api.call('GET', '/v1/settings')).status).to.equal(401);
    expect(await api.eventCount()).to.equal(before);
  });
});
