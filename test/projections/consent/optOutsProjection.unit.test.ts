import { optOutsProjection } from '../../../projections/consent/optOutsProjection.ts';
import { projectionSpecification } from '../../support/projectionSpecification.ts';
import { email, optedIn, optedOut, phone } from '../outreachEvents.ts';

const spec = projectionSpecification(optOutsProjection);
const t1 = '2026-03-02T16:00:00.000Z';
const t2 = '2026-03-03T10:00:00.000Z';
const t3 = '2026-03-04T10:00:00.000Z';
const heard = { campaignId: 'campaign-1', contactId: 'contact-1', messageId: 'm-1', keyword: 'STOP', excerpt: 'STOP' };
const stopped = {
  _id: `company-1.${phone}`,
  companyId: 'company-1',
  address: phone,
  addressKind: 'phone',
  optedOut: true,
  voice: true,
  sms: true,
  email: false,
  channel: 'all',
  source: 'sms_keyword',
  optedOutAt: t1,
  campaignId: 'campaign-1',
  contactId: 'contact-1',
  callId: null,
  messageId: 'm-1',
  keyword: 'STOP',
  excerpt: 'STOP',
  reopenedAt: null,
  reopenedBy: null,
  reopenReason: null,
};

describe('opt-outs read model', () => {
  it('given no opt-out, when a phone number opts out of everything, then its voice and texts are blocked (it has no email), with where it was heard', () =>
    spec
      .given([])
      .when([optedOut(phone, 'all', t1, heard)])
      .then({ optOuts: [stopped] }));

  it('given an address that never opted out, when it opts in, then it has no document', () =>
    spec
      .given([])
      .when([optedIn(phone, 'sms', t1)])
      .then({ optOuts: [] }));

  it('given a number opted out of everything, when an admin reopens texts, then only calls stay blocked and who reopened it, when and why is kept', () =>
    spec
      .given([optedOut(phone, 'all', t1, heard)])
      .when([optedIn(phone, 'sms', t2, { source: 'admin', reopenedBy: 'admin@example.com', reason: 'asked by phone' })])
      .then({
        optOuts: [
          { ...stopped, sms: false, reopenedAt: t2, reopenedBy: 'admin@example.com', reopenReason: 'asked by phone' },
        ],
      }));

  it('given a reopened number, when START turns calls back on too, then nothing is blocked and the admin reopening stays; when it opts out again, then the latest opt-out is shown with it', async () => {
    const reopened = [
      optedOut(phone, 'all', t1, heard),
      optedIn(phone, 'sms', t2, { source: 'admin', reopenedBy: 'admin@example.com', reason: 'asked' }),
    ];
    const admin = { reopenedAt: t2, reopenedBy: 'admin@example.com', reopenReason: 'asked' };
    await spec
      .given(reopened)
      .when([optedIn(phone, 'voice', t3)])
      .then({ optOuts: [{ ...stopped, ...admin, optedOut: false, voice: false, sms: false }] });
    await spec
      .given(reopened)
      .when([optedOut(phone, 'sms', t3, { source: 'sms_free_text' })])
      .then({
        optOuts: [
          {
            ...stopped,
            ...admin,
            channel: 'sms',
            source: 'sms_free_text',
            optedOutAt: t3,
            campaignId: null,
            contactId: null,
            messageId: null,
            keyword: null,
            excerpt: null,
          },
        ],
      });
  });

  it('given no opt-out, when an email address unsubscribes, then only its email is blocked', () =>
    spec
      .given([])
      .when([optedOut(email, 'email', t1, { source: 'email_unsubscribe' })])
      .thenDocument('optOuts', `company-1.${email}`, {
        addressKind: 'email',
        optedOut: true,
        voice: false,
        sms: false,
        email: true,
        source: 'email_unsubscribe',
      }));
});
