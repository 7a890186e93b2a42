import { expect } from 'chai';
import { startApi, type Api } from '../../support/apiHarness.ts';

const header = 'externalId,caseType,name,phone,email,timezone,state,mobileAppStatus';

describe('cases of a list over HTTP', () => {
  let api: Api;
  let a: { companyId: string; apiKey: string };
  let b: { companyId: string; apiKey: string };

  before(async () => {
    api = await startApi();
    a = await api.createCompany('Hartley & Vance LLP');
    b = await api.createCompany('Other Firm LLP');
  });
  after(() => api.close());

  const newList = async (key = a.apiKey, caseType = 'personal injury'): Promise<string> => {
    const answer = await api.call('POST', '/v1/lists', { key, body: { name: 'Intake', caseType } });
    expect(answer.status, answer.text).to.equal(201);
    return answer.body.id;
  };
  const addCases = (listId: string, body: unknown, key = a.apiKey) =>
    api.call('POST', `/v1/lists/${listId}/cases`, { key, body });
  const importCsv = (listId: string, csv: string, key = a.apiKey) =>
    api.call('POST', `/v1/lists/${listId}/cases/import`, {
      key,
      body: csv,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
  const casesOf = (listId: string, query = '', key = a.apiKey) =>
    api.call('GET', `/v1/lists/${listId}/cases${query}`, { key });

  /** A refusal with this status that leaves the store as it was. */
  const refusedWith = async (status: number, send: () => Promise<{ status: number; text: string; body: any }>) => {
    const before = await api.eventCount();
    const answer = await send();
    expect(answer.status, answer.text).to.equal(status);
    expect(await api.eventCount()).to.equal(before);
    return answer;
  };

  describe('POST /v1/lists/:id/cases', () => {
    it('keeps the good cases and names the bad ones by index and reason', async () => {
      const listId = await newList();
      const answer = await addCases(listId, {
        cases: [
          {
            externalId: 'PI-1',
            caseType: 'personal injury',
            contacts: [{ name: 'Jane Doe', phone: '(212) 555-0100', state: 'CA' }],
          },
          {
            externalId: 'WC-1',
            caseType: 'workers compensation',
            contacts: [{ name: 'Bob Roe', phone: '312-555-0100' }],
          },
          { externalId: 'PI-2', caseType: 'personal injury', contacts: [{ name: 'No Phone' }] },
          { externalId: 'PI-3', caseType: 'personal injury', contacts: [{ name: 'Bad Phone', phone: '555-12' }] },
          {
            externalId: 'PI-4',
            caseType: 'personal injury',
            contacts: [
              { name: 'Ann Lee', phone: '+1 312 555 0101', email: 'ann@example.com' },
              { name: 'Al Lee', phone: '3125550102' },
            ],
          },
          { externalId: 'PI-1', caseType: 'personal injury', contacts: [{ name: 'Again', phone: '2125550109' }] },
        ],
      });
      expect(answer.status, answer.text).to.equal(200);
      expect(answer.body.added).to.equal(2);
      expect(answer.body.addedContacts).to.equal(3);
      expect(answer.body.position).to.match(/^\d+$/);
      expect(answer.body.rejected.map((r: { index: number }) => r.index)).to.deep.equal([1, 2, 3, 5]);
      expect(answer.body.rejected[0].reason).to.equal(
        "case type 'workers compensation' differs from the list's case type 'personal injury'",
      );
      expect(answer.body.rejected[1].reason).to.match(/^contacts\.0\.phone: /);
      expect(answer.body.rejected[2].reason).to.match(/^contacts\.0\.phone: '555-12'/);
      expect(answer.body.rejected[3].reason).to.equal("case 'PI-1' appears more than once in this request");

      const list = await api.call('GET', `/v1/lists/${listId}?minPosition=${answer.body.position}`, { key: a.apiKey });
      expect(list.body.counts).to.deep.equal({ cases: 2, contacts: 3 });
      const cases = await casesOf(listId);
      expect(cases.body.items.map((c: { externalId: string }) => c.externalId)).to.deep.equal(['PI-1', 'PI-4']);
      expect(cases.body.items[0].contacts[0]).to.deep.include({
        name: 'Jane Doe',
        phone: '+12125550100',
        state: 'CA',
        timezone: 'America/Los_Angeles',
        timezoneSource: 'state',
        areaCodeTimezones: ['America/New_York'],
      });
      expect(cases.body.items[1].contacts[0]).to.include({
        phone: '+13125550101',
        email: 'ann@example.com',
        timezone: 'America/Chicago',
        timezoneSource: 'area_code',
      });
    });

    it('refuses a case whose external id the list already holds', async () => {
      const listId = await newList();
      const first = {
        externalId: 'PI-1',
        caseType: 'personal injury',
        contacts: [{ name: 'Jane Doe', phone: '2125550100' }],
      };
      expect((await addCases(listId, { cases: [first] })).body.added).to.equal(1);
      const again = await refusedWith(200, () => addCases(listId, { cases: [first] }));
      expect(again.body).to.deep.include({
        added: 0,
        rejected: [{ index: 0, reason: "case 'PI-1' is already in this list" }],
      });
    });

    it('answers 400 naming the path when the envelope is wrong, and appends nothing', async () => {
      const listId = await newList();
      for (const body of [{ cases: 'PI-1' }, {}, { cases: [] }, { cases: Array.from({ length: 1001 }, () => ({})) }]) {
        const answer = await refusedWith(400, () => addCases(listId, body));
        expect(answer.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['cases']);
      }
    });

    it("answers 404 for another company's list, and appends nothing", async () => {
      const listId = await newList(b.apiKey);
      await refusedWith(404, () =>
        addCases(listId, {
          cases: [{ externalId: 'X', caseType: 'personal injury', contacts: [{ name: 'Jane', phone: '2125550100' }] }],
        }),
      );
      await refusedWith(404, () => importCsv(listId, `${header}\nX,personal injury,Jane,2125550100,,,,\n`));
      expect((await casesOf(listId)).status).to.equal(404);
    });

    it("falls back to the company's zone from its settings", async () => {
      const settings = await api.call('PUT', '/v1/settings/campaigns', {
        key: a.apiKey,
        body: {
          concurrencyRate: 50,
          outboundLines: 2,
          timezone: 'America/Phoenix',
          defaultBusinessHours: [{ days: ['mon'], start: '09:00', end: '17:00' }],
        },
      });
      expect(settings.status, settings.text).to.equal(200);
      const listId = await newList();
      const answer = await addCases(listId, {
        cases: [
          { externalId: 'AK-1', caseType: 'personal injury', contacts: [{ name: 'Jane', phone: '907 555 0100' }] },
        ],
      });
      const cases = await casesOf(listId, `?minPosition=${answer.body.position}`);
      expect(cases.body.items[0].contacts[0]).to.deep.include({
        timezone: 'America/Phoenix',
        timezoneSource: 'company',
        areaCodeTimezones: ['America/Adak', 'America/Anchorage'],
      });
    });
  });

  describe('POST /v1/lists/:id/cases/import', () => {
    it('imports a CSV with a BOM, CRLF, blank lines and bad rows: good rows kept, bad rows named', async () => {
      const listId = await newList();
      const csv = [
        `\uFEFF${header}`,
        'PI-1,personal injury,"Doe, Jane",(212) 555-0100,jane@example.com,,,installed',
        '',
        'PI-1,personal injury,"Doe, John",212.555.0101,,America/Chicago,,',
        'PI-2,personal injury,Bob Roe,not-a-phone,,,,',
        '   ',
        'PI-3,workers compensation,Ann Lee,3125550100,,,IL,',
        'PI-4,personal injury,Al Lee,3125550101,,,,,too many',
        'PI-5,personal injury,Cy Sun,+1 415 555 0100,,,,',
        '',
      ].join('\r\n');
      const answer = await importCsv(listId, csv);
      expect(answer.status, answer.text).to.equal(200);
      expect(answer.body).to.include({ added: 2, addedContacts: 3 });
      expect(answer.body.rejected).to.deep.equal([
        { row: 5, reason: "phone: 'not-a-phone' is not a phone number" },
        { row: 7, reason: "case type 'workers compensation' differs from the list's case type 'personal injury'" },
        { row: 8, reason: 'the row has 9 fields, the header 8' },
      ]);
      const cases = await casesOf(listId, `?minPosition=${answer.body.position}`);
      expect(
        cases.body.items.map((c: { externalId: string; contacts: unknown[] }) => [c.externalId, c.contacts.length]),
      ).to.deep.equal([
        ['PI-1', 2],
        ['PI-5', 1],
      ]);
      expect(
        cases.body.items[0].contacts.map((c: { name: string; timezone: string; timezoneSource: string }) => [
          c.name,
          c.timezone,
          c.timezoneSource,
        ]),
      ).to.deep.equal([
        ['Doe, Jane', 'America/New_York', 'area_code'],
        ['Doe, John', 'America/Chicago', 'contact'],
      ]);
    });

    it('rejects every row again when the same file is imported twice, and appends nothing', async () => {
      const listId = await newList();
      const csv = `${header}\nPI-1,personal injury,Jane,2125550100,,,,\nPI-1,personal injury,John,2125550101,,,,\n`;
      expect((await importCsv(listId, csv)).body.added).to.equal(1);
      const again = await refusedWith(200, () => importCsv(listId, csv));
      expect(again.body.rejected).to.deep.equal([
        { row: 2, reason: "case 'PI-1' is already in this list" },
        { row: 3, reason: "case 'PI-1' is already in this list" },
      ]);
    });

    it('answers 400 naming the missing columns of a garbled header, and appends nothing', async () => {
      const listId = await newList();
      const answer = await refusedWith(400, () =>
        importCsv(listId, 'external id;caseType;name;phone\nPI-1;personal injury;Jane;2125550100\n'),
      );
      expect(answer.body.errors.map((e: { path: string }) => e.path)).to.include.members([
        'header.externalId',
        'header.phone',
      ]);
    });

    it('answers 415 for a body that is not text/csv, and appends nothing', async () => {
      const listId = await newList();
      await refusedWith(415, () =>
        api.call('POST', `/v1/lists/${listId}/cases/import`, { key: a.apiKey, body: { cases: [] } }),
      );
    });

    it('imports a large file as several bounded events in one command', async () => {
      const listId = await newList();
      const rows = Array.from(
        { length: 2500 },
        (_, i) => `C-${String(i).padStart(5, '0')},personal injury,Client ${i},212555${String(1000 + i)},,,,`,
      );
      const before = await api.eventCount();
      const answer = await importCsv(listId, [header, ...rows].join('\n'));
      expect(answer.status, answer.text).to.equal(200);
      expect(answer.body).to.include({ added: 2500, addedContacts: 2500 });
      expect(answer.body.rejected).to.deep.equal([]);
      expect((await api.eventCount()) - before).to.equal(3n);
      const list = await api.call('GET', `/v1/lists/${listId}?minPosition=${answer.body.position}`, { key: a.apiKey });
      expect(list.body.counts).to.deep.equal({ cases: 2500, contacts: 2500 });
    });
  });

  describe('GET /v1/lists/:id/cases', () => {
    it('pages by externalId with ?after=', async () => {
      const listId = await newList();
      const cases = ['C', 'A', 'B'].map((externalId, i) => ({
        externalId,
        caseType: 'personal injury',
        contacts: [{ name: 'Jane', phone: `212555010${i}` }],
      }));
      const added = await addCases(listId, { cases });
      const first = await casesOf(listId, `?limit=2&minPosition=${added.body.position}`);
      expect(first.status, first.text).to.equal(200);
      expect(first.body.items.map((c: { externalId: string }) => c.externalId)).to.deep.equal(['A', 'B']);
      expect(first.body.items[0]).to.include({ listId, caseType: 'personal injury' });
      expect(first.body.items[0].id).to.be.a('string');
      const second = await casesOf(listId, `?limit=2&after=${encodeURIComponent(first.body.next)}`);
      expect(second.body.items.map((c: { externalId: string }) => c.externalId)).to.deep.equal(['C']);
      expect(second.body.next).to.equal(null);
    });
  });
});
