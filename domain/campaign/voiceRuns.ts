import type { CampaignType, DraftSlot, Run } from './draft.ts';

/** A run that places calls, numbered by its place among all the campaign's runs, as dispatch and retries count runs. */
export type CallingRun = { readonly index: number; readonly start: string; readonly slots: readonly DraftSlot[] };

type CallSettings = { readonly type?: CampaignType; readonly runs?: readonly Run[] };

/** The runs that place calls: those naming the voice channel, in a campaign that is not messaging only. */
export const callingRuns = (settings: CallSettings): CallingRun[] =>
  settings.type === 'messaging'
    ? []
    : (settings.runs ?? []).flatMap((run, index) =>
        run.channels.includes('voice') ? [{ index, start: run.start, slots: run.slots }] : [],
      );

/** Whether the campaign ever places a call. */
export const placesCalls = (settings: CallSettings): boolean => callingRuns(settings).length > 0;
