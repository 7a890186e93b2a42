// The soak's traffic: the requests an admin console and a backend service make all day, in fixed
// proportions per hundred, a few of them bad on purpose. Request i is always the same request.

/** What the soak engine set up for the traffic to work on. */
export type SoakTargets = {
  readonly key: string;
  /** A launched campaign with contacts to search. */
  readonly campaignId: string;
  readonly listId: string;
  /** Drafts the traffic autosaves. */
  readonly draftIds: readonly string[];
};

export type SoakRequest = {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** The class of answer the request must get: a bad request 4xx, the rest 2xx; a keyed create may be told 409 while its twin runs. */
  readonly expect: '2xx' | '4xx' | '2xx or 409';
};

const steps = ['details', 'list', 'agent', 'schedule', 'runs', 'workflows', 'routing', 'review'];
const searches = ['A', 'Ma', 'J', 'Ro', 'Li', 'S', 'Da', 'K'];
const unknownCampaign = '01900000-0000-7000-8000-000000000404';

type Make = (
  i: number,
  t: SoakTargets,
) => Omit<SoakRequest, 'headers'> & { headers?: Record<string, string>; anonymous?: boolean };

const pick = <T>(items: readonly T[], i: number): T => items[i % items.length]!;
const json = (value: unknown) => JSON.stringify(value);

/** Each kind of request and how many of every hundred it makes up. */
const mix: readonly (readonly [number, Make])[] = [
  [
    18,
    (i, t) => ({ method: 'GET', path: `/v1/campaigns/${i % 3 ? pick(t.draftIds, i) : t.campaignId}`, expect: '2xx' }),
  ],
  [10, () => ({ method: 'GET', path: '/v1/campaigns?limit=20', expect: '2xx' })],
  [
    12,
    (i, t) => ({
      method: 'GET',
      path: `/v1/campaigns/${t.campaignId}/contacts?search=${pick(searches, i)}&limit=20`,
      expect: '2xx',
    }),
  ],
  [
    4,
    (_, t) => ({ method: 'GET', path: `/v1/campaigns/${t.campaignId}/contacts?status=active&limit=20`, expect: '2xx' }),
  ],
  [4, (_, t) => ({ method: 'GET', path: `/v1/campaigns/${t.campaignId}/history?limit=20`, expect: '2xx' })],
  [8, () => ({ method: 'GET', path: '/v1/lists', expect: '2xx' })],
  [4, (_, t) => ({ method: 'GET', path: `/v1/lists/${t.listId}/cases?limit=50`, expect: '2xx' })],
  [6, () => ({ method: 'GET', path: '/v1/settings', expect: '2xx' })],
  [
    12,
    (i, t) => ({
      method: 'PATCH',
      path: `/v1/campaigns/${pick(t.draftIds, i)}`,
      body: json({ description: `Autosaved at keystroke ${i}` }),
      expect: '2xx',
    }),
  ],
  [
    4,
    (i, t) => ({
      method: 'PUT',
      path: `/v1/campaigns/${pick(t.draftIds, i)}/step`,
      body: json({ step: pick(steps, i) }),
      expect: '2xx',
    }),
  ],
  [6, (i) => ({ method: 'POST', path: '/v1/campaigns', body: json({ name: `Soak campaign ${i}` }), expect: '2xx' })],
  // The four of a hundred share a key: the first creates, the others get its answer back (or 409 while it runs).
  [
    4,
    (i) => ({
      method: 'POST',
      path: '/v1/campaigns',
      headers: { 'idempotency-key': `soak-${Math.floor(i / 100)}` },
      body: json({ name: `Soak keyed ${Math.floor(i / 100)}` }),
      expect: '2xx or 409',
    }),
  ],
  [
    2,
    (i, t) => ({
      method: 'POST',
      path: `/v1/lists/${t.listId}/cases`,
      body: json({
        cases: [
          {
            externalId: `SOAK-${i}`,
            caseType: 'personal injury',
            contacts: [{ name: `Soak Client ${i}`, phone: `+1312555${String(i % 10_000).padStart(4, '0')}` }],
          },
        ],
      }),
      expect: '2xx',
    }),
  ],
  [
    2,
    (_, t) => ({ method: 'POST', path: `/v1/lists/${t.listId}/cases`, body: json({ cases: 'none' }), expect: '4xx' }),
  ],
  [1, () => ({ method: 'GET', path: `/v1/campaigns/${unknownCampaign}`, expect: '4xx' })],
  [1, () => ({ method: 'POST', path: '/v1/campaigns', body: json({}), expect: '4xx' })],
  [
    1,
    (i, t) => ({
      method: 'PATCH',
      path: `/v1/campaigns/${pick(t.draftIds, i)}`,
      body: json({ type: 'fax' }),
      expect: '4xx',
    }),
  ],
  [1, () => ({ method: 'GET', path: '/v1/settings', anonymous: true, expect: '4xx' })],
];

const slots: readonly Make[] = mix.flatMap(([share, make]) => Array.from({ length: share }, () => make));
if (slots.length !== 100) throw new Error(`the soak mix adds up to ${slots.length} in a hundred, not 100`);

/** Request i of the soak; consecutive requests spread over the kinds rather than running one kind at a time. */
export const soakRequest = (i: number, targets: SoakTargets): SoakRequest => {
  // 37 is prime to 100: i walks every slot once per hundred, interleaved.
  const { anonymous, headers, ...request } = slots[(i * 37) % 100]!(i, targets);
  return {
    ...request,
    headers: {
      ...(anonymous ? {} : { authorization: `Bearer ${targets.key}` }),
      ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
  };
};
