import { expect } from 'chai';
import { formDecider } from '../../../domain/form/decider.ts';
import type { CreateForm } from '../../../domain/form/commands.ts';
import type { FormEvent, FormField } from '../../../domain/form/events.ts';
import { IllegalStateError, ValidationError } from '../../../domain/errors.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';

const spec = deciderSpecification(formDecider);
const formId = '0190f5e2-7c1a-7000-8000-000000000001';

const intake: FormField[] = [
  { key: 'injuryDate', label: 'When were you injured?', type: 'date', required: true },
  { key: 'treated', label: 'Did you see a doctor?', type: 'choice', required: true, options: ['yes', 'no', 'not yet'] },
];

const create = (fields: readonly FormField[]): CreateForm => ({
  type: 'CreateForm',
  data: { formId, name: 'Intake', caseType: 'personal injury', fields },
});

const created: FormEvent = {
  type: 'FormCreated',
  data: { formId, name: 'Intake', caseType: 'personal injury', fields: intake },
};

const problemsOf = (command: CreateForm) => {
  try {
    formDecider.decide(command, formDecider.initialState());
  } catch (error) {
    if (error instanceof ValidationError) return error.errors;
    throw error;
  }
  throw new Error('the command should be refused');
};

describe('form decider', () => {
  it('creates a form with its case type and fields', () => spec.given([]).when(create(intake)).then([created]));

  it('refuses to create a form twice', () =>
    spec
      .given([created])
      .when(create(intake))
      .thenThrows(IllegalStateError, /already exists/, 'FORM.ALREADY_EXISTS'));

  it('needs at least one field', () => {
    spec.given([]).when(create([])).thenThrows(ValidationError, undefined, 'FORM.INVALID_FIELDS');
    expect(problemsOf(create([]))).to.deep.equal([{ path: 'fields', message: 'a form needs at least one field' }]);
  });

  it('keeps field keys unique within a form, whatever their case', () => {
    const problems = problemsOf(
      create([...intake, { key: 'InjuryDate', label: 'Again', type: 'text', required: false }]),
    );
    expect(problems).to.have.length(1);
    expect(problems[0]!.path).to.equal('fields.2.key');
  });

  it('accepts a form of a single field', () =>
    spec
      .given([])
      .when(create([{ key: 'treated', label: 'Treated?', type: 'boolean', required: true }]))
      .thenState((state) => expect(state.status).to.equal('created')));

  it('needs at least one option on a choice field', () =>
    expect(
      problemsOf(create([{ key: 'plan', label: 'Plan', type: 'choice', required: true, options: [] }])),
    ).to.deep.equal([{ path: 'fields.0.options', message: 'a choice field needs at least one option' }]));

  it('refuses repeated options of a choice field', () =>
    expect(
      problemsOf(create([{ key: 'plan', label: 'Plan', type: 'choice', required: true, options: ['Yes', 'yes '] }]))[0]!
        .path,
    ).to.equal('fields.0.options'));

  it('refuses options on fields that are not choices', () =>
    expect(
      problemsOf(create([{ key: 'age', label: 'Age', type: 'number', required: true, options: ['1'] }])),
    ).to.deep.equal([{ path: 'fields.0.options', message: 'only choice fields take options, this one is number' }]));

  it('drops an empty options list from fields that are not choices', () =>
    spec
      .given([])
      .when(create([{ key: 'age', label: 'Age', type: 'number', required: true, options: [] }]))
      .then([
        {
          type: 'FormCreated',
          data: {
            formId,
            name: 'Intake',
            caseType: 'personal injury',
            fields: [{ key: 'age', label: 'Age', type: 'number', required: true }],
          },
        },
      ]));

  it('takes keys an agent can report answers by', () => {
    const problems = problemsOf(create([{ key: '1st answer', label: 'First', type: 'text', required: false }]));
    expect(problems.map((p) => p.path)).to.deep.equal(['fields.0.key']);
  });

  it('names every problem at once', () => {
    const problems = problemsOf(
      create([
        { key: 'a', label: 'A', type: 'choice', required: true },
        { key: 'a', label: 'B', type: 'text', required: true, options: ['x'] },
      ]),
    );
    expect(problems.map((p) => p.path)).to.deep.equal(['fields.0.options', 'fields.1.key', 'fields.1.options']);
  });

  it('caps the number of fields', () => {
    const many = Array.from({ length: 101 }, (_, i): FormField => ({
      key: `q${i}`,
      label: `Question ${i}`,
      type: 'text',
      required: false,
    }));
    expect(problemsOf(create(many))).to.deep.equal([{ path: 'fields', message: 'a form has at most 100 fields' }]);
  });

  it('remembers the fields of a created form', () =>
    expect(formDecider.evolve(formDecider.initialState(), created)).to.deep.equal({
      status: 'created',
      formId,
      name: 'Intake',
      caseType: 'personal injury',
      fields: intake,
    }));
});
