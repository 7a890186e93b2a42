import { assertNever, type Decider } from '../decider.ts';
import { ValidationError } from '../errors.ts';
import type { MobileAppCommand } from './commands.ts';
import type { MobileAppEvent, MobileAppStatus } from './events.ts';

/** How far ahead of the engine's clock an app's clock may run before its time is refused. */
export const CLOCK_SKEW_MS = 5 * 60_000;

export type MobileAppState = { readonly status?: MobileAppStatus };

const messageTime = (at: string | undefined, now: string): string => {
  if (at === undefined) return now;
  if (Date.parse(at) > Date.parse(now) + CLOCK_SKEW_MS)
    throw new ValidationError('IN_APP_MESSAGE.IN_THE_FUTURE', `The message's time ${at} is in the future.`, [
      { path: 'at', message: `expected a time no later than ${CLOCK_SKEW_MS / 60_000} minutes from now` },
    ]);
  return new Date(at).toISOString();
};

const decide = (command: MobileAppCommand, state: MobileAppState): MobileAppEvent[] => {
  switch (command.type) {
    case 'RecordInAppMessage': {
      const { campaignId, contactId, messageId, direction, body, at, now } = command.data;
      return [
        {
          type: 'InAppMessageRecorded',
          data: { campaignId, contactId, messageId, direction, body, at: messageTime(at, now), recordedAt: now },
        },
      ];
    }
    case 'ReportMobileAppStatus': {
      const { campaignId, contactId, status, now } = command.data;
      // The app repeats its status freely; only a change is a fact.
      return state.status === status
        ? []
        : [{ type: 'MobileAppStatusChanged', data: { campaignId, contactId, status, at: now } }];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: MobileAppState, event: MobileAppEvent): MobileAppState => {
  switch (event.type) {
    case 'InAppMessageRecorded':
      return state;
    case 'MobileAppStatusChanged':
      return { status: event.data.status };
    default:
      return assertNever(event);
  }
};

/** A campaign contact's in-app messages, each recorded as the app sent it, and the app's status, recorded when it changes. */
export const mobileAppDecider: Decider<MobileAppState, MobileAppCommand, MobileAppEvent> = {
  decide,
  evolve,
  initialState: () => ({}),
};
