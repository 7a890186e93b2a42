import { expect } from 'chai';
import fc from 'fast-check';
import {
  contactsOfCase,
  enrolledContactIds,
  enrolledInOrder,
  enrolls,
  holdsCase,
  matchExternalIds,
  requireManageableContacts,
  rosterOf,
  unknownIds,
  withEnrolled,
  unknownIdsRefusal,
} from '../../../domain/campaign/campaignContacts.ts';
import type { EnrolledContact } from '../../../domain/campaign/events.ts';
import { initialCampaignState, type Campaign } from '../../../domain/campaign/state.ts';
import { IllegalStateError, NotFoundError } from '../../../domain/errors.ts';

const enrolled = (contactId: string, externalId: string): EnrolledContact => ({
  caseId: `case-${externalId}`,
  contactId,
  externalId,
  phone: '+13125550100',
  timezone: 'America/Chicago',
  timezoneSource: 'contact',
});

describe('campaign contacts: which contacts a request names', () => {
  const roster = rosterOf([
    [enrolled('c1', 'PI-1'), enrolled('c2', 'PI-2')],
    [enrolled('c3', 'PI-2'), enrolled('c4', 'PI-4')],
  ]);

  it('an external id names its contact only when it matches exactly one, across enrolment batches', () => {
    expect(matchExternalIds(roster, ['PI-1', 'PI-2', 'PI-9', 'PI-1', 'pi-4'])).to.deep.equal({
      contactIds: ['c1'],
      skipped: [
        { externalId: 'PI-2', reason: 'ambiguous' },
        { externalId: 'PI-9', reason: 'no_match' },
        { externalId: 'pi-4', reason: 'no_match' },
      ],
    });
  });

  it('every distinct external id is either matched or skipped, never both (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.uuid(), fc.constantFrom('A', 'B', 'C', 'D'))),
        fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'E')),
        (contacts, ids) => {
          const r = rosterOf([contacts.map(([id, ext]) => enrolled(id, ext))]);
          const { contactIds, skipped } = matchExternalIds(r, ids);
          expect(contactIds.length + skipped.length).to.equal(new Set(ids).size);
          for (const id of contactIds) expect(contacts.filter(([c]) => c === id)).to.have.length.at.least(1);
        },
      ),
    );
  });

  it('given batches enrolled one by one, then the roster answers as one index of them all, in enrolment order, and no earlier roster changes (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('A', 'B', 'C'), { maxLength: 6 }), { maxLength: 12 }), (cases) => {
        // Each contact is enrolled once: its id is its place in the enrolment.
        let next = 0;
        const batches = cases.map((batch) => batch.map((externalId) => [`k${next++}`, externalId] as const));
        const rosters = [rosterOf([])];
        for (const batch of batches)
          rosters.push(
            withEnrolled(
              rosters[rosters.length - 1]!,
              batch.map(([id, ext]) => enrolled(id, ext)),
            ),
          );
        rosters.forEach((roster, i) => {
          const flat = batches.slice(0, i).flat();
          expect(enrolledInOrder(roster)).to.deep.equal(flat.map(([id]) => id));
          for (let k = 0; k <= next; k++) expect(enrolls(roster, `k${k}`)).to.equal(k < flat.length);
          for (const ext of ['A', 'B', 'C', 'D']) {
            expect(holdsCase(roster, ext)).to.equal(flat.some(([, e]) => e === ext));
            expect(contactsOfCase(roster, ext)).to.deep.equal(flat.filter(([, e]) => e === ext).map(([c]) => c));
          }
        });
      }),
    );
  });

  it('refuses a request naming any contact the campaign did not enrol, and names it', () => {
    expect(enrolledContactIds(roster, ['c1', 'c3', 'c1'])).to.deep.equal(['c1', 'c3']);
    expect(() => enrolledContactIds(roster, ['c1', 'elsewhere'])).to.throw(NotFoundError, 'elsewhere');
  });

  it("manages the contacts of the caller's active or paused campaigns only", () => {
    const campaign = (status: Campaign['status']): Campaign => ({
      status,
      campaignId: 'k',
      companyId: 'co',
      name: 'n',
      draft: {},
      revision: 3,
      createdAt: '',
      enrolledContacts: 2,
      enrolledBatches: 1,
    });
    expect(() => requireManageableContacts(initialCampaignState(), 'k', 'co')).to.throw(NotFoundError);
    expect(() => requireManageableContacts(campaign('ACTIVE'), 'k', 'other')).to.throw(NotFoundError);
    expect(() => requireManageableContacts(campaign('DELETED'), 'k', 'co')).to.throw(NotFoundError);
    expect(() => requireManageableContacts(campaign('DRAFT'), 'k', 'co')).to.throw(IllegalStateError, 'draft');
    expect(() => requireManageableContacts(campaign('COMPLETED'), 'k', 'co')).to.throw(IllegalStateError, 'completed');
    requireManageableContacts(campaign('ACTIVE'), 'k', 'co');
    requireManageableContacts(campaign('PAUSED'), 'k', 'co');
  });
});

describe('campaign contacts: the refusal of unknown ids', () => {
  it('given ids with spaces or punctuation, then each is quoted where the message names it, and a plain id is not', () => {
    const unknown = unknownIds(['c1', ' padded', 'EXT-9'], 'contactIds', (id) => id === 'c1', 'a contact');
    expect(unknown.map((u) => u.problem)).to.deep.equal([
      { path: 'contactIds.1', message: '" padded" is not a contact of this campaign' },
      { path: 'contactIds.2', message: 'EXT-9 is not a contact of this campaign' },
    ]);
    expect(unknownIdsRefusal(unknown, 'nothing was done').message).to.equal(
      'Not of this campaign, so nothing was done: " padded", EXT-9.',
    );
  });
});
