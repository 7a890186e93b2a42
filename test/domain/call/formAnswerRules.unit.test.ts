import { expect } from 'chai';
import { callDecider } from '../../../domain/call/decider.ts';
import type { CallEvent } from '../../../domain/call/events.ts';
import { ValidationError } from '../../../domain/errors.ts';
import type { FormAnswers } from '../../../domain/form/answerRules.ts';
import type { FormField } from '../../../domain/form/events.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';

const spec = deciderSpecification(callDecider);
const about = { callId: 'call-1', campaignId: 'c', contactId: 'p' };
const at = '2026-03-02T15:03:00.000Z';
const placed: CallEvent = {
  type: 'CallPlaced',
  data: { ...about, carrierCallId: 'CA1', placedAt: '2026-03-02T15:00:00.000Z' },
};

const form: FormField[] = [
  { key: 'notes', label: 'Notes', type: 'text', required: false },
  { key: 'visits', label: 'Visits', type: 'number', required: false },
  { key: 'injured', label: 'Injured', type: 'boolean', required: true },
  { key: 'injuryDate', label: 'Injury date', type: 'date', required: true },
  { key: 'callback', label: 'Callback number', type: 'phone', required: false },
  { key: 'email', label: 'Email', type: 'email', required: false },
  { key: 'clinic', label: 'Clinic', type: 'choice', required: false, options: ['North', 'South'] },
];

const answers = (values: FormAnswers) => ({
  type: 'RecordFormAnswers' as const,
  data: { ...about, at, answers: values, form },
});
const recorded = (values: FormAnswers): CallEvent => ({
  type: 'FormAnswersRecorded',
  data: { ...about, at, answers: values },
});

/** The paths a refusal names, or none when the answers were taken. */
const refusedPaths = (values: FormAnswers): string[] => {
  try {
    callDecider.decide(answers(values), [placed].reduce(callDecider.evolve, callDecider.initialState()));
    return [];
  } catch (error) {
    expect(error).to.be.instanceOf(ValidationError);
    return (error as ValidationError).errors.map((e) => e.path);
  }
};

describe("call: the agent's answers must fit the campaign's form", () => {
  it('records answers of every type the form has, each as its field keeps it', () => {
    spec
      .given([placed])
      .when(
        answers({
          notes: 'Sore back',
          visits: 3,
          injured: true,
          injuryDate: '2026-02-14',
          callback: '+13125550142',
          email: 'dana@example.com',
          clinic: 'north',
        }),
      )
      .then([
        recorded({
          notes: 'Sore back',
          visits: 3,
          injured: true,
          injuryDate: '2026-02-14',
          callback: '+13125550142',
          email: 'dana@example.com',
          clinic: 'North',
        }),
      ]);
  });

  it('takes a number as its digits, as a number too long for JSON must come', () => {
    spec
      .given([placed])
      .when(answers({ visits: '90071992547409931' }))
      .then([recorded({ visits: '90071992547409931' })]);
  });

  it('refuses a key the form does not have, naming it (and the field it may have meant)', () => {
    spec
      .given([placed])
      .when(answers({ injured: true, Clinic: 'North' }))
      .thenThrows(ValidationError, /do not fit/, 'FORM.ANSWERS_DO_NOT_FIT');
    expect(refusedPaths({ injured: true, Clinic: 'North', pets: 2 })).to.deep.equal(['answers.Clinic', 'answers.pets']);
  });

  it('refuses a value of the wrong type for its field, each one named', () => {
    expect(refusedPaths({ notes: 4 })).to.deep.equal(['answers.notes']);
    expect(refusedPaths({ notes: '  ' })).to.deep.equal(['answers.notes']);
    expect(refusedPaths({ visits: 'three' })).to.deep.equal(['answers.visits']);
    expect(refusedPaths({ visits: true })).to.deep.equal(['answers.visits']);
    expect(refusedPaths({ injured: 'yes' })).to.deep.equal(['answers.injured']);
    expect(refusedPaths({ injuryDate: '2026-02-30' })).to.deep.equal(['answers.injuryDate']);
    expect(refusedPaths({ injuryDate: '14/02/2026' })).to.deep.equal(['answers.injuryDate']);
    expect(refusedPaths({ injuryDate: 20260214 })).to.deep.equal(['answers.injuryDate']);
    expect(refusedPaths({ callback: '312 555 0142' })).to.deep.equal(['answers.callback']);
    expect(refusedPaths({ email: 'dana at example' })).to.deep.equal(['answers.email']);
    expect(refusedPaths({ clinic: 'East' })).to.deep.equal(['answers.clinic']);
    expect(refusedPaths({ clinic: true, injured: 1, notes: 'fine' })).to.deep.equal([
      'answers.clinic',
      'answers.injured',
    ]);
  });

  it('clears any field with null', () => {
    spec
      .given([placed, recorded({ clinic: 'North', injured: true })])
      .when(answers({ clinic: null, injured: null }))
      .then([recorded({ clinic: null, injured: null })]);
  });

  it('records nothing for a repeat, even one spelt differently from how the field keeps it', () => {
    spec
      .given([placed, recorded({ clinic: 'North' })])
      .when(answers({ clinic: ' NORTH ' }))
      .then([]);
  });

  it('takes any answer when the campaign has no form to judge it by', () => {
    spec
      .given([placed])
      .when({ type: 'RecordFormAnswers', data: { ...about, at, answers: { anything: 'goes' } } })
      .then([recorded({ anything: 'goes' })]);
  });
});
