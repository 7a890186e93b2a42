import { expect } from 'chai';
import { addCasesDecision, listDecider, CASES_PER_EVENT } from '../../../domain/list/decider.ts';
import { screenCases, MAX_CONTACTS_PER_CASE } from '../../../domain/list/caseScreening.ts';
import { externalIdsHeld } from '../../../domain/list/listExternalIds.ts';
import type { AddCases, CreateList } from '../../../domain/list/commands.ts';
import type { Case, Contact, ListEvent } from '../../../domain/list/events.ts';
import { IllegalStateError, NotFoundError } from '../../../domain/errors.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';

const spec = deciderSpecification(listDecider);
const listId = '0190f5e2-7c1a-7000-8000-0000000000a1';
const companyId = '0190f5e2-7c1a-7000-8000-0000000000c1';
const otherCompany = '0190f5e2-7c1a-7000-8000-0000000000c2';

const contact = (phone: string, n = 0): Contact => ({
  contactId: `contact-${phone}-${n}`,
  name: 'Jane Doe',
  phone,
  timezone: 'America/New_York',
  timezoneSource: 'area_code',
});
const aCase = (externalId: string, overrides: Partial<Case> = {}): Case => ({
  caseId: `case-${externalId}`,
  externalId,
  caseType: 'personal injury',
  contacts: [contact('+12125550100')],
  ...overrides,
});

const create: CreateList = {
  type: 'CreateList',
  data: { listId, companyId, name: 'March intake', caseType: 'personal injury' },
};
const created: ListEvent = {
  type: 'ListCreated',
  data: { listId, companyId, name: 'March intake', caseType: 'personal injury' },
};
const add = (cases: Case[], by = companyId): AddCases => ({ type: 'AddCases', data: { listId, companyId: by, cases } });
const added = (cases: Case[]): ListEvent => ({ type: 'CasesAdded', data: { listId, cases } });

const rejectedOf = (history: ListEvent[], cases: Case[]) => {
  const state = history.reduce(listDecider.evolve, listDecider.initialState());
  if (state.status !== 'created') throw new Error('the list should exist');
  return screenCases(state, cases).rejected;
};

describe('list decider', () => {
  it('creates a list with its company, name and case type', () => spec.given([]).when(create).then([created]));

  it('refuses to create a list twice', () =>
    spec
      .given([created])
      .when(create)
      .thenThrows(IllegalStateError, /already exists/, 'LIST.ALREADY_EXISTS'));

  it('adds cases of the list case type', () =>
    spec
      .given([created])
      .when(add([aCase('A1'), aCase('A2')]))
      .then([added([aCase('A1'), aCase('A2')])]));

  it('answers 404 for adding to a list that does not exist', () =>
    spec
      .given([])
      .when(add([aCase('A1')]))
      .thenThrows(NotFoundError, /No list/, 'LIST.NOT_FOUND'));

  it("answers 404 for adding to another company's list", () =>
    spec
      .given([created])
      .when(add([aCase('A1')], otherCompany))
      .thenThrows(NotFoundError, undefined, 'LIST.NOT_FOUND'));

  it('refuses a case of another case type, naming both types, and keeps the rest', () => {
    const workersComp = aCase('W1', { caseType: 'workers compensation' });
    spec
      .given([created])
      .when(add([workersComp, aCase('A1')]))
      .then([added([aCase('A1')])]);
    expect(rejectedOf([created], [workersComp, aCase('A1')])).to.deep.equal([
      { index: 0, reason: "case type 'workers compensation' differs from the list's case type 'personal injury'" },
    ]);
  });

  it('refuses a case whose external id the list already holds, rather than merging it', () => {
    spec
      .given([created, added([aCase('A1')])])
      .when(add([aCase('A1', { caseId: 'case-again' }), aCase('A2')]))
      .then([added([aCase('A2')])]);
    expect(rejectedOf([created, added([aCase('A1')])], [aCase('A1')])).to.deep.equal([
      { index: 0, reason: "case 'A1' is already in this list" },
    ]);
  });

  it('refuses an external id added many events before, whichever event held it', () => {
    const history = [created, ...Array.from({ length: 40 }, (_, b) => added([aCase(`B${b}-1`), aCase(`B${b}-2`)]))];
    spec
      .given(history)
      .when(add([aCase('B0-2'), aCase('N1'), aCase('B39-1'), aCase('B17-1')]))
      .then([added([aCase('N1')])]);
    expect(
      rejectedOf(history, [aCase('B0-2'), aCase('N1'), aCase('B39-1'), aCase('B17-1')]).map((r) => r.index),
    ).to.deep.equal([0, 2, 3]);
  });

  it('refuses the second of two cases with one external id in the same command', () => {
    const second = aCase('A1', { caseId: 'case-second' });
    spec
      .given([created])
      .when(add([aCase('A1'), second]))
      .then([added([aCase('A1')])]);
    expect(rejectedOf([created], [aCase('A1'), second])).to.deep.equal([
      { index: 1, reason: "case 'A1' appears more than once in this request" },
    ]);
  });

  it('refuses a case without contacts', () => {
    spec
      .given([created])
      .when(add([aCase('A1', { contacts: [] })]))
      .then([]);
    expect(rejectedOf([created], [aCase('A1', { contacts: [] })])).to.deep.equal([
      { index: 0, reason: 'a case needs at least one contact' },
    ]);
  });

  it('refuses a case whose contacts repeat a phone', () => {
    const twice = aCase('A1', {
      contacts: [contact('+12125550100', 1), contact('+13125550100'), contact('+12125550100', 2)],
    });
    spec
      .given([created])
      .when(add([twice]))
      .then([]);
    expect(rejectedOf([created], [twice])).to.deep.equal([
      { index: 0, reason: 'contacts 0 and 2 have the same phone +12125550100' },
    ]);
  });

  it(`refuses a case with more than ${MAX_CONTACTS_PER_CASE} contacts`, () => {
    const crowd = aCase('A1', {
      contacts: Array.from({ length: MAX_CONTACTS_PER_CASE + 1 }, (_, i) => contact(`+1212555${String(1000 + i)}`)),
    });
    spec
      .given([created])
      .when(add([crowd]))
      .then([]);
    expect(rejectedOf([created], [crowd])[0]!.reason).to.match(/at most 50 contacts/);
  });

  it(`splits a large addition into events of at most ${CASES_PER_EVENT} cases, in order`, () => {
    const many = Array.from({ length: 2 * CASES_PER_EVENT + 1 }, (_, i) => aCase(`E${i}`));
    spec
      .given([created])
      .when(add(many))
      .then([
        added(many.slice(0, CASES_PER_EVENT)),
        added(many.slice(CASES_PER_EVENT, 2 * CASES_PER_EVENT)),
        added(many.slice(-1)),
      ]);
  });

  it('decides the events and names the refused cases in one screening', () => {
    const state = [created, added([aCase('A1')])].reduce(listDecider.evolve, listDecider.initialState());
    const decision = addCasesDecision(
      add([aCase('A1'), aCase('A2'), aCase('W1', { caseType: 'workers compensation' })]),
      state,
    );
    expect(decision.events).to.deep.equal([added([aCase('A2')])]);
    expect(decision.screening.accepted).to.deep.equal([aCase('A2')]);
    expect(decision.screening.rejected.map((r) => r.index)).to.deep.equal([0, 2]);
  });

  it('appends nothing when every case is refused', () =>
    spec
      .given([created, added([aCase('A1')])])
      .when(add([aCase('A1')]))
      .then([]));

  it('counts cases and contacts and remembers external ids', () =>
    spec
      .given([created])
      .when(add([aCase('A1'), aCase('A2', { contacts: [contact('+12125550100'), contact('+13125550100')] })]))
      .thenState((state) => {
        expect(state).to.deep.include({ status: 'created', caseCount: 2, contactCount: 3 });
        expect(state.status === 'created' && [...externalIdsHeld(state.externalIds)]).to.deep.equal(['A1', 'A2']);
      }));
});
