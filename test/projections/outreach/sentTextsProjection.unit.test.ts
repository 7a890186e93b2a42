import { expect } from 'chai';
import type { Event, RecordedEvent } from '../../../domain/events/event.ts';
import { SENT_TEXTS, sentTextsProjection } from '../../../projections/outreach/sentTextsProjection.ts';
import type { Doc } from '../../../projections/readStore.ts';
import { projectionSpecification } from '../../support/projectionSpecification.ts';
import { messageRequested } from '../outreachEvents.ts';

/** Folds events through the projection as the runner would, each replayed twice. */
const fold = (events: readonly Event[]): Doc[] => {
  const docs = new Map<string, Doc>();
  for (const [i, event] of [...events, ...events].entries()) {
    const recorded = {
      ...event,
      metadata: {
        companyId: 'company-1',
        commandId: `c${i}`,
        correlationId: '',
        causationId: '',
        actor: 't',
        occurredAt: '2026-03-02T15:00:00.000Z',
        schemaVersion: 1,
      },
    } as unknown as RecordedEvent<never>;
    for (const update of sentTextsProjection.project(recorded)) {
      expect(update.collection).to.equal(SENT_TEXTS);
      const next = update.apply(docs.get(update.id));
      if (next !== null) docs.set(update.id, next);
    }
  }
  return [...docs.values()];
};

const requested = (messageId: string, channel: 'sms' | 'email', to: string): Event => ({
  type: 'MessageRequested',
  data: {
    messageId,
    campaignId: 'campaign-1',
    contactId: 'contact-1',
    channel,
    step: 'w1.s1',
    to,
    from: 'us',
    body: 'Hi',
    requestedAt: '2026-03-02T15:00:00.000Z',
  },
});

describe('sent texts read model', () => {
  it('keeps each text once, by company, number and request time, and no email', () =>
    expect(fold([requested('m1', 'sms', '+13125550100'), requested('m2', 'email', 'a@example.com')])).to.deep.equal([
      {
        _id: 'm1',
        companyId: 'company-1',
        messageId: 'm1',
        to: '+13125550100',
        requestedAt: '2026-03-02T15:00:00.000Z',
      },
    ]));

  it('given a text kept, when another is requested to the same number, then each text counts once, by its own request time', () =>
    projectionSpecification(sentTextsProjection)
      .given([messageRequested('m1', 'sms', 'w1.s1', '2026-03-02T15:00:00.000Z')])
      .when([messageRequested('m2', 'sms', 'w1.s2', '2026-03-02T16:00:00.000Z')])
      .then({
        sent_texts: [
          {
            _id: 'm1',
            companyId: 'company-1',
            messageId: 'm1',
            to: '+13125550100',
            requestedAt: '2026-03-02T15:00:00.000Z',
          },
          {
            _id: 'm2',
            companyId: 'company-1',
            messageId: 'm2',
            to: '+13125550100',
            requestedAt: '2026-03-02T16:00:00.000Z',
          },
        ],
      }));
});
