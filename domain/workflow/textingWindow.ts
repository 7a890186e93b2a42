import type { CallingWindow } from '../outreach/callingWindow.ts';
import type { TextingWindow } from './plan.ts';

/**
 * Texts under the full calling-window policy: the federal hours, the state table (Florida's and
 * others' telemarketing laws name texts too), Sundays and state holidays, in every zone and state the
 * contact may be in. Campaign slots are for calls, so they are left out; the earlier calls and texts
 * go in, for the frequency caps whose law counts texts.
 */
export const textingWindowOf =
  (window: CallingWindow): TextingWindow =>
  (contact, from, recent) =>
    window.nextOpening(
      {
        contact: {
          timezone: contact.timezone,
          phone: contact.phone,
          ...(contact.state === undefined ? {} : { state: contact.state }),
          ...(contact.areaCodeTimezones === undefined ? {} : { areaCodeTimezones: contact.areaCodeTimezones }),
        },
        channel: 'sms',
        ...(recent === undefined ? {} : { recentCalls: recent.calls, recentTexts: recent.texts }),
      },
      from,
    );
