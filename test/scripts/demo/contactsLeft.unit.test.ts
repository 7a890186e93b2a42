import { expect } from 'chai';
import {
  enrolledContactDoc,
  withOpenFlags,
  type CampaignContactDoc,
} from '../../../projections/campaignContacts/campaignContactDocument.ts';
import { contactsLeft, contactsLeftText } from '../../../scripts/demo/contactsLeft.ts';
import { localTime } from '../../../scripts/demo/demoProgress.ts';

const launchedAt = '2026-12-07T14:00:00.000Z';
const local = localTime('America/Chicago');

/** An enrolled contact as the read model holds it, then changed as later events change it. */
const contact = (
  n: number,
  change: (doc: CampaignContactDoc) => CampaignContactDoc = (doc) => doc,
): CampaignContactDoc => {
  const enrolled = enrolledContactDoc(
    'co-1',
    'camp-1',
    {
      contactId: `k-${n}`,
      caseId: `case-${n}`,
      externalId: `PI-${n}`,
      phone: `+1312555010${n}`,
      timezone: 'America/Chicago',
      timezoneSource: 'given',
    } as never,
    launchedAt,
  );
  // Reviewed by the workflow runner, as every contact is soon after enrolment.
  return withOpenFlags(change({ ...enrolled, factsSeen: enrolled.facts }));
};

const { nextAttemptAt: _nextAttempt, ...noCallPlanned } = contact(0);
const reached = (doc: CampaignContactDoc): CampaignContactDoc => ({
  ...without(doc),
  attempts: 1,
  lastOutcome: 'answered',
});
const attemptsUsed = (doc: CampaignContactDoc): CampaignContactDoc => ({
  ...without(doc),
  attempts: 3,
  lastOutcome: 'no_answer',
});
const optedOut = (doc: CampaignContactDoc): CampaignContactDoc => ({
  ...without(doc),
  attempts: 1,
  withheld: 'opted_out',
});
const without = (doc: CampaignContactDoc): CampaignContactDoc => {
  const { nextAttemptAt: _next, ...rest } = doc;
  return rest as CampaignContactDoc;
};

describe('what the demo says of its contacts at the end', () => {
  it('given no contact has a call or a message left, then it says every contact is done, and why each is', () => {
    const text = contactsLeftText(
      contactsLeft([
        contact(1, reached),
        contact(2, reached),
        contact(3, attemptsUsed),
        contact(4, optedOut),
        withOpenFlags(noCallPlanned as CampaignContactDoc),
      ]),
      local,
    );
    expect(text).to.equal(
      'Every contact is done (2 reached on a call, 1 call attempts used up, 1 calls withheld: opted out, 1 no call planned).',
    );
  });

  it('given contacts with a call due, a call under way or a message to send, then it names how many are still active, what each waits for and when the next is due', () => {
    const due = contact(1, (doc) => ({ ...doc, attempts: 1, nextAttemptAt: '2026-12-21T15:00:00.000Z' }));
    const sooner = contact(2, (doc) => ({ ...doc, attempts: 2, nextAttemptAt: '2026-12-21T14:30:00.000Z' }));
    const calling = contact(3, (doc) => ({ ...without(doc), openCallId: 'call-3', attempts: 1 }));
    const messaging = contact(4, (doc) => ({
      ...optedOut(doc),
      pendingSteps: { 'step-1': '2026-12-21T16:00:00.000Z' },
    }));
    const text = contactsLeftText(contactsLeft([due, sooner, calling, messaging, contact(5, reached)]), local);
    expect(text).to.not.contain('Every contact is done');
    expect(text).to.equal(
      '4 of 5 contacts are still active: 2 a call attempt due, 1 a call under way, 1 a message still to send; ' +
        'next call attempt at Mon 21 Dec 2026 08:30 CST, next message at Mon 21 Dec 2026 10:00 CST.\nDone: 1 reached on a call.',
    );
  });
});
