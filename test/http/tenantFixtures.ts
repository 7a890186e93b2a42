import { randomUUID } from 'node:crypto';
import { ADMIN_TOKEN, startApi, type Answer, type Api } from '../support/apiHarness.ts';
import { routeName, type DocumentedRoute } from './documentedRoutes.ts';

/** A tenant's resource ids, by the path segment of their collection (`forms`, `campaigns`) or by path parameter name. */
export type Ids = Record<string, string>;

export type Tenant = { readonly companyId: string; readonly apiKey: string; readonly ids: Ids };

type Body = unknown;

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

const csvCases = () =>
  `externalId,caseType,name,phone,email,timezone,state,mobileAppStatus\ncase-${unique()},personal injury,Jane Roe,+13125550111,jane@example.com,America/Chicago,IL,installed\n`;

/**
 * A body each route accepts from the owner of the ids, so that a refusal of another company's
 * request can only come from tenancy. Routes missing here are sent `{}`.
 */
export const validBodies: Record<string, (ids: Ids) => Body> = {
  'POST /v1/companies': () => ({ name: `Firm ${unique()}` }),
  'POST /v1/api-keys': () => ({ name: `key ${unique()}` }),
  'PUT /v1/settings/campaigns': () => ({
    concurrencyRate: 50,
    outboundLines: 10,
    timezone: 'America/Chicago',
    defaultBusinessHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }],
  }),
  'PUT /v1/settings/email': () => ({ postalAddress: `Firm ${unique()}\n100 N LaSalle St\nChicago, IL 60602` }),
  'POST /v1/forms': () => ({
    name: `Intake ${unique()}`,
    caseType: 'personal injury',
    fields: [
      { key: 'treated', label: 'Did you see a doctor?', type: 'choice', required: true, options: ['yes', 'no'] },
    ],
  }),
  'POST /v1/agents': (ids) => ({
    name: `Agent ${unique()}`,
    voice: 'alloy',
    streamUrl: 'wss://voice.example.com/stream',
    callerNumber: '+13125550100',
    ...(ids['forms'] ? { formId: ids['forms'] } : {}),
  }),
  'POST /v1/lists': () => ({ name: `List ${unique()}`, caseType: 'personal injury' }),
  'POST /v1/lists/{id}/cases': () => ({
    cases: [
      {
        externalId: `case-${unique()}`,
        caseType: 'personal injury',
        contacts: [{ name: 'Jane Roe', phone: '+13125550111', email: 'jane@example.com' }],
      },
    ],
  }),
  'POST /v1/lists/{id}/cases/import': () => csvCases(),
  'POST /v1/campaigns': () => ({ name: `Campaign ${unique()}` }),
  'PATCH /v1/campaigns/{id}': () => ({ description: `Saved ${unique()}` }),
  'PUT /v1/campaigns/{id}/step': () => ({ step: 'list' }),
  'POST /v1/campaigns/{id}/launch': () => ({}),
  'POST /v1/campaigns/{id}/pause': () => ({ reason: 'holiday' }),
  'POST /v1/campaigns/{id}/resume': () => ({ reason: 'back' }),
  'POST /v1/campaigns/{id}/complete': () => ({ reason: 'done' }),
  'POST /v1/campaigns/{id}/scheduled-reports': () => ({
    report: 'calls',
    frequency: 'weekly',
    dayOfWeek: 'mon',
    time: '07:00',
    recipients: ['partner@example.com'],
    window: { last: 1, unit: 'weeks' },
  }),
  'POST /v1/campaigns/{id}/contacts/{contactId}/messages': () => ({
    direction: 'received',
    body: 'When is my hearing?',
  }),
  'PUT /v1/campaigns/{id}/contacts/{contactId}/mobile-app-status': () => ({ status: 'installed' }),
};

/**
 * Routes that name a resource no fixture can make before outreach has played (a call), with the
 * suite where their owner reaches them; another company's key is still refused on them here.
 */
export const playedOnly: Record<string, string> = {
  'GET /v1/campaigns/{id}/reports/calls/{callId}/recording': 'test/http/reports/callReports.int.test.ts',
};

/** Resources every tenant gets, in order (agents link the form), when their create route is documented. */
const fixtureCreates = [
  'POST /v1/forms',
  'POST /v1/agents',
  'POST /v1/lists',
  'POST /v1/lists/{id}/cases',
  'POST /v1/campaigns',
  'POST /v1/campaigns/{id}/scheduled-reports',
  'POST /v1/api-keys',
];

/** Where a resource's own events live, so a suite can tell that another company's request left it alone. */
export const streamOf = (route: DocumentedRoute, tenant: Tenant): string | undefined => {
  const segment = collectionOf(route);
  if (segment === 'api-keys' || segment === 'settings') return `company-${tenant.companyId}`;
  const id = segment ? tenant.ids[segment] : undefined;
  return segment && id ? `${segment.replace(/s$/, '')}-${id}` : undefined;
};

/** The collection segment an operation's first path parameter belongs to: `/v1/forms/{id}` is `forms`. */
export const collectionOf = (route: DocumentedRoute): string | undefined => {
  const parts = route.path.split('/');
  const at = parts.findIndex((part) => part.startsWith('{'));
  return at > 0 ? parts[at - 1] : parts[2];
};

/** The route's path with the tenant's ids in it; parameters the tenant has nothing for get a fresh id. */
export const concretePath = (route: DocumentedRoute, ids: Ids): string => {
  const parts = route.path.split('/');
  return parts
    .map((part, i) => {
      const param = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!param) return part;
      // A campaign's contacts exist once it is launched: routes about one aim at the launched campaign.
      const campaign =
        param === 'id' && parts[i - 1] === 'campaigns' && route.path.includes('{contactId}')
          ? ids['launchedCampaign']
          : undefined;
      const id =
        campaign ??
        (param === 'id' ? ids[parts[i - 1]!] : undefined) ??
        ids[param] ??
        ids[parts[i - 1]!] ??
        randomUUID();
      return encodeURIComponent(id);
    })
    .join('/');
};

/** Parameters named `id` must point at a real resource of the tenant, or the suites test nothing. */
export const missingFixture = (route: DocumentedRoute, ids: Ids): string | undefined => {
  const parts = route.path.split('/');
  const at = parts.indexOf('{id}');
  return at > 0 && !ids[parts[at - 1]!] ? parts[at - 1] : undefined;
};

export const keyFor = (route: DocumentedRoute, tenant: Tenant): string =>
  route.security === 'adminToken' ? ADMIN_TOKEN : tenant.apiKey;

/** Sends the route as the tenant would: its key, its ids in the path, a valid body where one is known. */
export const callRoute = (
  api: Api,
  route: DocumentedRoute,
  options: { key: string; ids: Ids; body?: Body; headers?: Record<string, string> },
): Promise<Answer> => {
  const path = concretePath(route, options.ids);
  const body = options.body ?? (route.contentType ? (validBodies[routeName(route)]?.(options.ids) ?? {}) : undefined);
  const headers = {
    ...(route.contentType && body !== undefined ? { 'content-type': route.contentType } : {}),
    ...options.headers,
  };
  return api.call(route.method, path, { key: options.key, ...(body !== undefined ? { body } : {}), headers });
};

/** Sends bytes with fetch itself, so a body can go with any Content-Type or none at all. */
export const sendAsIs = async (
  api: Api,
  route: DocumentedRoute,
  tenant: Tenant,
  contentType: string | undefined,
  text: string | undefined,
) => {
  const headers: Record<string, string> = { authorization: `Bearer ${keyFor(route, tenant)}` };
  if (contentType !== undefined) headers['content-type'] = contentType;
  const response = await fetch(`${api.url}${concretePath(route, tenant.ids)}`, {
    method: route.method,
    headers,
    ...(text !== undefined ? { body: new TextEncoder().encode(text) } : {}),
  });
  const answerText = await response.text();
  const body = answerText.startsWith('{') ? (JSON.parse(answerText) as Record<string, any>) : {};
  return {
    status: response.status,
    headers: response.headers,
    contentType: response.headers.get('content-type') ?? '',
    text: answerText,
    body,
  };
};

const expectCreated = (route: string, answer: Answer): Answer => {
  if (answer.status < 200 || answer.status > 299)
    throw new Error(`fixture ${route} answered ${answer.status}: ${answer.text}`);
  return answer;
};

/** A company with one resource of each kind the engine documents a create route for. */
export const openTenant = async (api: Api, routes: readonly DocumentedRoute[], name: string): Promise<Tenant> => {
  const company = await api.createCompany(name);
  const tenant: Tenant = {
    companyId: company.companyId,
    apiKey: company.apiKey,
    ids: { companies: company.companyId },
  };
  for (const create of fixtureCreates) {
    const route = routes.find((r) => routeName(r) === create);
    if (!route) continue;
    const answer = expectCreated(create, await callRoute(api, route, { key: tenant.apiKey, ids: tenant.ids }));
    const segment = route.path.split('/').at(-1)!;
    if (typeof answer.body?.id === 'string') tenant.ids[segment] = answer.body.id;
  }
  if (routes.some((route) => route.path.includes('{contactId}'))) await launchWithContact(api, tenant);
  return tenant;
};

/** A second campaign of the tenant, launched on its list, and the contact it enrolled (`launchedCampaign`, `contactId`). */
const launchWithContact = async (api: Api, tenant: Tenant): Promise<void> => {
  const as = (method: string, path: string, body?: unknown) =>
    api.call(method, path, { key: tenant.apiKey, ...(body !== undefined ? { body } : {}) });
  const slots = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }];
  expectCreated(
    'PUT /v1/settings/campaigns',
    await as('PUT', '/v1/settings/campaigns', validBodies['PUT /v1/settings/campaigns']!({})),
  );
  const campaign = expectCreated(
    'POST /v1/campaigns',
    await as('POST', '/v1/campaigns', { name: `Launched ${unique()}` }),
  );
  const settings = {
    type: 'voice',
    listId: tenant.ids['lists'],
    agentId: tenant.ids['agents'],
    schedule: { mode: 'custom', slots },
    runs: [{ start: new Date().toISOString(), slots, channels: ['voice'] }],
  };
  expectCreated('PATCH /v1/campaigns/{id}', await as('PATCH', `/v1/campaigns/${campaign.body.id}`, settings));
  const launched = expectCreated(
    'POST /v1/campaigns/{id}/launch',
    await as('POST', `/v1/campaigns/${campaign.body.id}/launch`),
  );
  const contacts = expectCreated(
    'GET /v1/campaigns/{id}/contacts',
    await as('GET', `/v1/campaigns/${campaign.body.id}/contacts?minPosition=${launched.body.position}`),
  );
  tenant.ids['launchedCampaign'] = campaign.body.id;
  tenant.ids['contactId'] = contacts.body.items[0].contactId;
};

/** Events in one stream: a request of another company must leave it as it was. */
export const streamLength = async (api: Api, stream: string): Promise<number> => {
  let count = 0;
  for await (const _event of api.stores.eventStore.readStream(stream)) count++;
  return count;
};

/**
 * Inside a `describe`: an engine on real HTTP with one tenant opened before the suite, closed after it,
 * and a way to send that tenant's raw bodies to any documented route.
 */
export const tenantUnderTest = (routes: readonly DocumentedRoute[], name = 'Hartley & Vance LLP') => {
  let api: Api | undefined;
  let tenant: Tenant | undefined;
  before(async () => {
    api = await startApi();
    tenant = await openTenant(api, routes, name);
  });
  after(() => api?.close());
  const opened = () => {
    if (!api || !tenant) throw new Error("the tenant is opened in the suite's before hook");
    return { api, tenant };
  };
  return {
    get api(): Api {
      return opened().api;
    },
    get tenant(): Tenant {
      return opened().tenant;
    },
    send: (route: DocumentedRoute, contentType: string | undefined, text: string | undefined) =>
      sendAsIs(opened().api, route, opened().tenant, contentType, text),
  };
};
