import type { AgentEvent } from '../../../domain/agent/events.ts';
import { inboundRoutingProjection } from '../../../projections/outreach/inboundRoutingProjection.ts';
import { projectionSpecification } from '../../support/projectionSpecification.ts';
import { callRequested, email, messageRequested, phone } from '../outreachEvents.ts';

const spec = projectionSpecification(inboundRoutingProjection);
const ourNumber = '+13125550199';
const agent = (agentId: string, companyId: string): AgentEvent & { metadata: { companyId: string } } => ({
  type: 'AgentCreated',
  data: {
    agentId,
    name: 'Ava',
    voice: 'alloy',
    streamUrl: 'https://voice.example.com/stream',
    callerNumber: ourNumber,
  },
  metadata: { companyId },
});
const t1 = '2026-03-02T16:00:00.000Z';
const t2 = '2026-03-02T17:00:00.000Z';
const last = (campaignId: string, at: string) => ({
  _id: `company-1.${phone}`,
  companyId: 'company-1',
  address: phone,
  campaignId,
  contactId: 'contact-1',
  at,
});

describe('inbound routing read model', () => {
  it('given no agent, when two companies create agents calling from one number, then the number is shared, owned first by the first', () =>
    spec
      .given([agent('agent-1', 'company-1')])
      .when([agent('agent-2', 'company-2'), agent('agent-3', 'company-1')])
      .then({
        sender_numbers: [
          { _id: ourNumber, companyId: 'company-1', number: ourNumber, companyIds: ['company-1', 'company-2'] },
        ],
      }));

  it('given no outreach, when a call is requested to a number, then that campaign last reached it', () =>
    spec
      .given([])
      .when([callRequested('call-1', t1)])
      .then({ last_outreach: [last('campaign-1', t1)] }));

  it('given a call, when a later text goes to the same number from another campaign, then the later campaign answers for it; an email leaves nothing', () =>
    spec
      .given([callRequested('call-1', t1)])
      .when([
        {
          ...messageRequested('m-1', 'sms', 'w1.s1', t2),
          data: { ...messageRequested('m-1', 'sms', 'w1.s1', t2).data, campaignId: 'campaign-2' },
        },
        messageRequested('m-2', 'email', 'w1.s2', t2),
      ])
      .then({ last_outreach: [last('campaign-2', t2)] }));

  it('given a later text, when an earlier call arrives late, then the record does not move back in time', () =>
    spec
      .given([messageRequested('m-1', 'sms', 'w1.s1', t2)])
      .when([
        { ...callRequested('call-1', t1), data: { ...callRequested('call-1', t1).data, campaignId: 'campaign-0' } },
      ])
      .then({ last_outreach: [last('campaign-1', t2)] }));

  it('names no email address as a sender of texts', () =>
    spec
      .given([])
      .when([messageRequested('m-2', 'email', 'w1.s1', t1)])
      .thenDocument('last_outreach', `company-1.${email}`, null));
});
