import { expect } from 'chai';
import { derivedUnsubscribeSecret, unsubscribeTokens } from '../../commands/consent/unsubscribeTokens.ts';
import { createLogger } from '../../http/logging.ts';
import { ADMIN_TOKEN, startApi, type Api } from '../support/apiHarness.ts';

/** The people of the run: every way their details were written to the engine must stay out of its log. */
const people = [
  { name: 'Jane Roe', phone: '+13125550111', national: '(312) 555-0111', email: 'jane.roe@example.com' },
  { name: 'Omar Haddad', phone: '+12125550177', national: '212-555-0177', email: 'omar.haddad@example.org' },
  {
    name: 'Priya Natarajan',
    phone: '+442071838750',
    national: '020 7183 8750',
    email: 'priya.natarajan@example.co.uk',
  },
];

/** Each way a phone number may be spelt in a log line: E.164, its digits with and without the country code, as written. */
const spellings = (person: (typeof people)[number]): string[] => {
  const digits = person.phone.slice(1);
  const national = digits.startsWith('1') ? digits.slice(1) : digits.slice(2);
  return [
    person.phone,
    encodeURIComponent(person.phone),
    digits,
    national,
    person.national,
    person.national.replace(/^\(|\)/g, ''),
    person.email,
    encodeURIComponent(person.email),
    person.email.split('@')[0]!,
    person.name,
    person.name.split(' ')[1]!,
  ];
};

describe('a whole run of the API, logged at trace level', function () {
  this.timeout(60_000);
  const lines: string[] = [];
  let api: Api;
  const secrets: string[] = [ADMIN_TOKEN];
  let requests = 0;

  const call = async (method: string, path: string, options: Parameters<Api['call']>[2] = {}) => {
    requests += 1;
    return api.call(method, path, options);
  };

  before(async () => {
    api = await startApi({
      logger: createLogger({ level: 'trace', destination: { write: (line: string) => void lines.push(line) } }),
    });

    // Given a company with two keys, a list of three people, and a draft campaign,
    const company = await api.createCompany('Hartley & Vance LLP');
    requests += 1;
    const key = company.apiKey;
    const second = await call('POST', '/v1/api-keys', { key, body: { name: 'reporting' } });
    expect(second.status, second.text).to.equal(201);
    secrets.push(key, second.body.apiKey as string);
    const list = await call('POST', '/v1/lists', { key, body: { name: 'PI clients', caseType: 'personal injury' } });
    const [jane, omar, priya] = people as [(typeof people)[number], (typeof people)[number], (typeof people)[number]];
    const added = await call('POST', `/v1/lists/${list.body.id}/cases`, {
      key,
      body: {
        cases: [
          {
            externalId: 'PI-1',
            caseType: 'personal injury',
            contacts: [{ name: jane.name, phone: jane.phone, email: jane.email }],
          },
          {
            externalId: 'PI-3',
            caseType: 'personal injury',
            contacts: [{ name: priya.name, phone: priya.phone, email: priya.email }],
          },
          // Refused, with a reason quoting what was wrong.
          {
            externalId: 'PI-4',
            caseType: 'personal injury',
            contacts: [{ name: jane.name, phone: jane.email, email: jane.phone }],
          },
        ],
      },
    });
    expect(added.body.added, added.text).to.equal(2);
    const imported = await call('POST', `/v1/lists/${list.body.id}/cases/import`, {
      key,
      body: `externalId,caseType,name,phone,email\nPI-2,personal injury,${omar.name},${omar.national},${omar.email}\nPI-5,personal injury,${omar.name},${omar.email},${omar.national}\n`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.body.added, imported.text).to.equal(1);
    const campaign = await call('POST', '/v1/campaigns', { key, body: { name: 'Spring intake' } });
    await call('PATCH', `/v1/campaigns/${campaign.body.id}`, {
      key,
      body: { listId: list.body.id, description: `call ${jane.phone} first` },
    });

    // when every person is searched for in every spelling, keys are sent where they do not belong, and paths name people,
    for (const person of people)
      for (const spelling of spellings(person)) {
        for (const name of ['search', 'filter', 'phone', 'q'])
          await call(
            'GET',
            `/v1/campaigns/${campaign.body.id}/contacts?${name}=${encodeURIComponent(spelling)}&status=active`,
            { key },
          );
        await call('GET', `/v1/lists/${encodeURIComponent(spelling)}`, { key });
      }
    for (const secret of secrets) {
      await call('GET', `/v1/lists?token=${secret}`, { key });
      await call('GET', `/v1/lists?note=${encodeURIComponent(secret)}&limit=5`, { key });
      await call('GET', `/v1/lists/${encodeURIComponent(secret)}`, { key });
    }
    const forged =
      'oek_0190f0e4-7b1a-7c3e-9a2b-3c4d5e6f7a8b_0190f0e4-7b1a-7c3e-9a2b-3c4d5e6f7a8c_bm90LWEtcmVhbC1rZXktYnV0LXNlY3JldC1sb29raW5n';
    secrets.push(forged);
    await call('GET', '/v1/lists', { key: forged });
    await call('GET', '/v1/lists', { key, headers: { 'x-request-id': jane.phone.slice(2) } });
    await call('GET', `/v1/lists?minPosition=${company.position}`, { key });

    // and the people follow their email unsubscribe links (and a forged one).
    const tokens = unsubscribeTokens(derivedUnsubscribeSecret(ADMIN_TOKEN));
    for (const person of people) {
      const token = tokens.issue(
        { companyId: company.companyId, address: person.email, campaignId: campaign.body.id },
        new Date(),
      );
      secrets.push(token, token.split('.')[1]!, token.split('.')[2]!);
      const followed = await call('GET', `/unsubscribe/${token}`);
      expect(followed.status, followed.text).to.equal(200);
      await call('POST', `/unsubscribe/${token}`, {
        body: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      await call('GET', `/unsubscribe/${token.slice(0, -2)}xx`);
    }
  });
  after(() => api?.close());

  it('logged every request', () => {
    const logged = lines.map((line) => JSON.parse(line) as { req?: { url?: string } }).filter((line) => line.req?.url);
    expect(logged.length).to.be.at.least(requests);
    expect(logged.map((line) => line.req!.url)).to.include.members([
      '/v1/lists?token=[redacted]',
      '/unsubscribe/u1.[redacted]',
    ]);
  });

  it('holds no API key, admin token or unsubscribe token, whole or in part', () => {
    const text = lines.join('');
    for (const secret of secrets) {
      expect(text, secret).not.to.contain(secret);
      expect(text, secret).not.to.contain(encodeURIComponent(secret));
      // The secret part of an API key is its last part.
      const tail = secret.split('_').at(-1)!;
      if (tail.length >= 16) expect(text, tail).not.to.contain(tail);
    }
  });

  it('holds no phone number, email address or name of the people of the run, in any spelling', () => {
    const text = lines.join('');
    for (const person of people)
      for (const spelling of spellings(person))
        expect(text, `${spelling} in ${lines.find((line) => line.includes(spelling))}`).not.to.contain(spelling);
    const encoded = lines.map((line) =>
      decodeURIComponent(line.replaceAll('%', '%25').replace(/%25([0-9A-F]{2})/gi, '%$1')),
    );
    for (const person of people)
      for (const spelling of spellings(person)) expect(encoded.join(''), spelling).not.to.contain(spelling);
  });
});
