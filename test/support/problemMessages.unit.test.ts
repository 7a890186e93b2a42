import { expect } from 'chai';
import express from 'express';
import { problemMessageFaults, takeProblemFaults, listenWatched } from './problemMessages.ts';

const problem = (detail: string, messages: string[] = []) => ({
  type: 'urn:x',
  title: 'Invalid request',
  status: 400,
  detail,
  errors: messages.map((message, i) => ({ path: `field${i}`, message })),
});

describe('the check every HTTP test makes of the problems it causes', () => {
  it('finds nothing wrong with a message written around values that were there', () =>
    expect(
      problemMessageFaults(
        problem('No agent 01a2 in this company.', [
          'expected a phone number in E.164 form (+13125550100), got "call me"',
          'missing; expected string',
          'expected a builder step or null, got "fax"',
        ]),
      ),
    ).to.deep.equal([]));

  it('names each sign of a value that was missing or empty: a gap, empty quotes, undefined, null, NaN, an object, "got nothing", an edge space', () => {
    const faults = problemMessageFaults(
      problem('no agent  in this company', [
        "no list '' here",
        'No campaign undefined.',
        'no form null',
        'NaN rows',
        'a [object Object]',
        'expected string, got nothing',
        'trailing ',
      ]),
    );
    expect(faults.map((f) => f.split(':')[0])).to.deep.equal([
      'detail has a doubled space',
      'errors[0].message has empty quotes',
      'errors[1].message has "undefined"',
      'errors[2].message has "null"',
      'errors[3].message has "NaN"',
      'errors[4].message has "[object Object]"',
      'errors[5].message has "got nothing"',
      'errors[6].message has a space at its start or end',
    ]);
  });

  it("leaves the caller's own value alone, shown after `got `, and the caller's field names", () =>
    expect(
      problemMessageFaults({
        ...problem('The request body is invalid: undefined: expected string, got null', []),
        errors: [{ path: 'undefined', message: 'expected string, got [null,"",NaN]' }],
      }),
    ).to.deep.equal([]));

  it('leaves a quoted value of the caller, or a literal in backquotes, alone, whatever it holds', () =>
    expect(
      problemMessageFaults(
        problem('The request body has parts a campaign does not have: "NaN", "a  b", "undefined".', [
          'an empty answer; send `null` to clear the field',
        ]),
      ),
    ).to.deep.equal([]));

  it('leaves a value the caller gave in single quotes alone, and still finds empty single quotes and what prose around an apostrophe says', () => {
    expect(
      problemMessageFaults(
        problem('Columns not recognised.', [
          "'NaN' is not a time zone",
          "case type 'a  b' differs from the list's case type 'null'",
        ]),
      ),
    ).to.deep.equal([]);
    expect(
      problemMessageFaults(problem("the list's NaN rows", ["no list '' here"])).map((f) => f.split(':')[0]),
    ).to.deep.equal(['detail has "NaN"', 'errors[0].message has empty quotes']);
  });

  it('finds an empty path, and a detail or message that is not text', () =>
    expect(
      problemMessageFaults({ title: 'Bad', detail: 3, errors: [{ path: '', message: 'expected x' }] }),
    ).to.deep.equal(['detail is not text', 'errors[0].path is empty or not text']));

  it('reads the problem+json answers of a watched server, and only those, as they go out', async () => {
    const app = express();
    app.get(
      '/bad',
      (_req, res) => void res.status(404).type('application/problem+json').json(problem('No campaign  .')),
    );
    app.get('/json', (_req, res) => void res.json({ detail: 'not  a problem' }));
    const server = await listenWatched(app);
    try {
      await (await fetch(`${server.url}/json`)).text();
      expect(takeProblemFaults()).to.deep.equal([]);
      await (await fetch(`${server.url}/bad`)).text();
      expect(takeProblemFaults()).to.deep.equal([
        'GET /bad answered 404: detail has a doubled space: "No campaign  ."',
      ]);
    } finally {
      await server.close(100);
    }
  });
});
