import { expect } from 'chai';
import { agentDecider } from '../../../domain/agent/decider.ts';
import type { CreateAgent } from '../../../domain/agent/commands.ts';
import type { AgentEvent } from '../../../domain/agent/events.ts';
import { IllegalStateError, ValidationError } from '../../../domain/errors.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';

const spec = deciderSpecification(agentDecider);
const agentId = '0190f5e2-7c1a-7000-8000-0000000000a1';
const formId = '0190f5e2-7c1a-7000-8000-0000000000f1';

const settings = {
  agentId,
  name: 'Intake agent',
  voice: 'alloy',
  streamUrl: 'wss://voice.example.com/stream',
  callerNumber: '+13125550100',
};
const create = (overrides: Partial<CreateAgent['data']> = {}): CreateAgent => ({
  type: 'CreateAgent',
  data: { ...settings, ...overrides },
});
const created: AgentEvent = { type: 'AgentCreated', data: settings };

const problemsOf = (command: CreateAgent) => {
  try {
    agentDecider.decide(command, agentDecider.initialState());
  } catch (error) {
    if (error instanceof ValidationError) return error.errors;
    throw error;
  }
  throw new Error('the command should be refused');
};

describe('agent decider', () => {
  it('creates an agent with its voice, stream URL and caller number', () =>
    spec.given([]).when(create()).then([created]));

  it('links a form of the company: a pre-built agent', () =>
    spec
      .given([])
      .when(create({ form: { formId, found: true } }))
      .then([{ type: 'AgentCreated', data: { ...settings, formId } }]));

  it('refuses a form the company does not have', () => {
    spec
      .given([])
      .when(create({ form: { formId, found: false } }))
      .thenThrows(ValidationError, undefined, 'AGENT.INVALID');
    expect(problemsOf(create({ form: { formId, found: false } }))).to.deep.equal([
      { path: 'formId', message: 'no form with this id in your company' },
    ]);
  });

  it('refuses to create an agent twice', () =>
    spec
      .given([created])
      .when(create())
      .thenThrows(IllegalStateError, /already exists/, 'AGENT.ALREADY_EXISTS'));

  it('accepts https:// stream URLs too', () =>
    spec
      .given([])
      .when(create({ streamUrl: 'https://voice.example.com/agent' }))
      .thenState((s) => expect(s.status).to.equal('created')));

  for (const streamUrl of [
    'ws://voice.example.com/stream',
    'http://voice.example.com/stream',
    'ftp://voice.example.com',
    'voice.example.com/stream',
    'wss://user:secret@voice.example.com/',
  ])
    it(`refuses the stream URL ${streamUrl}`, () =>
      expect(problemsOf(create({ streamUrl })).map((p) => p.path)).to.deep.equal(['streamUrl']));

  it('takes any voice name, but not a blank one', () => {
    spec
      .given([])
      .when(create({ voice: 'Warm, slow, Southern' }))
      .thenState((s) => expect(s.status).to.equal('created'));
    expect(problemsOf(create({ voice: '   ' })).map((p) => p.path)).to.deep.equal(['voice']);
  });

  it('calls only from an E.164 number', () =>
    expect(problemsOf(create({ callerNumber: '(312) 555-0100' })).map((p) => p.path)).to.deep.equal(['callerNumber']));

  it('names every problem at once', () =>
    expect(
      problemsOf(
        create({ voice: '', streamUrl: 'http://x.example', callerNumber: '555', form: { formId, found: false } }),
      ).map((p) => p.path),
    ).to.deep.equal(['voice', 'streamUrl', 'callerNumber', 'formId']));

  it('remembers the linked form', () =>
    expect(
      agentDecider.evolve(agentDecider.initialState(), { type: 'AgentCreated', data: { ...settings, formId } }),
    ).to.include({ status: 'created', formId }));
});
