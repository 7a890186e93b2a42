import type { CallingWindow } from '../outreach/callingWindow.ts';
import type { TextingWindow } from './plan.ts';

/**
 * Texts under the full calling-window policy: the federal hours, the state table (Florida's and
 * others' telemarketing laws name texts too), Sundays and state holidays, in every zone and state the
 * contact may be in. Campaign slots and per-person call caps are for calls, so they are left out.
 */
export const textingWindowOf =
  (window: CallingWindow): TextingWindow =>
  (contact, from) =>
    window.nextOpening(
      {
        contact: {
          timezone: contact.timezone,
          phone: contact.phone,
          ...(contact.state === undefined ? {} : { state: contact.state }),
          ...(contact.areaCodeTimezones === undefined ? {} : { areaCodeTimezones: contact.areaCodeTimezones }),
        },
      },
      from,
    );
