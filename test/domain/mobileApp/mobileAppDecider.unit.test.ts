import { ValidationError } from '../../../domain/errors.ts';
import { mobileAppDecider } from '../../../domain/mobileApp/decider.ts';
import type { MobileAppEvent, MobileAppStatus } from '../../../domain/mobileApp/events.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';

const spec = deciderSpecification(mobileAppDecider);
const contact = { campaignId: 'camp-1', contactId: 'contact-1' };
const now = '2026-03-02T15:00:00.000Z';

const message = (at?: string) => ({
  type: 'RecordInAppMessage' as const,
  data: {
    ...contact,
    messageId: 'm-1',
    direction: 'received' as const,
    body: 'Got it, thanks',
    now,
    ...(at !== undefined ? { at } : {}),
  },
});
const recorded = (at: string): MobileAppEvent => ({
  type: 'InAppMessageRecorded',
  data: { ...contact, messageId: 'm-1', direction: 'received', body: 'Got it, thanks', at, recordedAt: now },
});
const report = (status: MobileAppStatus) => ({
  type: 'ReportMobileAppStatus' as const,
  data: { ...contact, status, now },
});
const changed = (status: MobileAppStatus): MobileAppEvent => ({
  type: 'MobileAppStatusChanged',
  data: { ...contact, status, at: now },
});

describe('mobile app: in-app messages', () => {
  it('records a message at the time the app gives, as a UTC instant', () =>
    spec
      .given([])
      .when(message('2026-03-02T08:30:00-06:00'))
      .then([recorded('2026-03-02T14:30:00.000Z')]));
  it('records a message without a time at the time it reached the engine', () =>
    spec
      .given([])
      .when(message())
      .then([recorded(now)]));
  it('takes a time a little ahead of the engine clock, as app clocks drift', () =>
    spec
      .given([])
      .when(message('2026-03-02T15:04:59Z'))
      .then([recorded('2026-03-02T15:04:59.000Z')]));
  it('refuses a time more than five minutes ahead, naming `at`', () =>
    spec
      .given([])
      .when(message('2026-03-02T15:05:01Z'))
      .thenThrows(ValidationError, /in the future/, 'IN_APP_MESSAGE.IN_THE_FUTURE'));
  it('records the same words twice as two messages', () =>
    spec
      .given([recorded(now)])
      .when(message())
      .then([recorded(now)]));
});

describe('mobile app: status', () => {
  it('records the first status the app reports', () =>
    spec
      .given([])
      .when(report('invited'))
      .then([changed('invited')]));
  it('records a change of status', () =>
    spec
      .given([changed('invited')])
      .when(report('installed'))
      .then([changed('installed')]));
  it('records nothing when the app repeats its status', () =>
    spec
      .given([changed('invited'), changed('installed')])
      .when(report('installed'))
      .then([]));
});
