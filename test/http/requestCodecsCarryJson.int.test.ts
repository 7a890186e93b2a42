import { expect } from 'chai';
import type * as t from 'io-ts';
import { CaseInput } from '../../commands/lists/caseNormalisation.ts';
import type { RouteDoc } from '../../http/routeRegistry.ts';
import { startApi, type Api } from '../support/apiHarness.ts';
import { breachesOf } from '../support/codecLeaves.ts';

const isCodec = (schema: unknown): schema is t.Any =>
  typeof (schema as { decode?: unknown } | undefined)?.decode === 'function';
const named = (route: RouteDoc) => `${route.method.toUpperCase()} ${route.path}`;

describe('every request codec carries only what JSON carries', () => {
  let api: Api;
  let routes: readonly RouteDoc[];
  before(async () => {
    api = await startApi();
    routes = api.engine.context.routes.routes();
  });
  after(() => api?.close());

  const jsonBodies = () =>
    routes.filter(
      (route) => route.requestBody && (route.requestBody.contentType ?? 'application/json') === 'application/json',
    );

  it('documents every JSON body by the codec that decodes it, but the cases, which are decoded one by one with CaseInput', () =>
    expect(
      jsonBodies()
        .filter((route) => !isCodec(route.requestBody!.schema))
        .map(named),
    ).to.deep.equal(['POST /v1/lists/:id/cases']));

  it('walks every documented request codec: every number is finite, every value JSON', () => {
    const breaches = jsonBodies()
      .filter((route) => isCodec(route.requestBody!.schema))
      .flatMap((route) =>
        breachesOf(route.requestBody!.schema as t.Any).map((breach) => ({ route: named(route), ...breach })),
      );
    expect(jsonBodies().length).to.be.above(15);
    expect(breaches).to.deep.equal([]);
  });

  it('walks CaseInput, the codec of each case added by JSON', () => expect(breachesOf(CaseInput)).to.deep.equal([]));
});
