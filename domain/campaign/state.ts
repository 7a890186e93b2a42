import type * as t from 'io-ts';
import { assertNever } from '../decider.ts';
import { applyChanges, type BuilderStep, type Draft } from './draft.ts';
import type { CampaignEvent, CompanyHoursSnapshot, ListSnapshot } from './events.ts';

export type CampaignStatus = 'DRAFT' | 'ACTIVE' | 'PAUSED' | 'COMPLETED' | 'DELETED';

/** What the launch froze, besides the settings themselves. */
export type LaunchRecord = {
  launchedAt: string;
  list: ListSnapshot;
  companyHours?: t.TypeOf<typeof CompanyHoursSnapshot>;
  /** The form's task fields each enrolment batch names. */
  taskFields?: string[];
};

/**
 * A campaign as its events tell it. Plain JSON throughout, so the read model can keep it as it is and
 * `?asOf=` can present a past state exactly as the read model presents the current one.
 */
export type Campaign = {
  status: CampaignStatus;
  campaignId: string;
  companyId: string;
  name: string;
  /** The builder step the draft was left on. */
  step?: BuilderStep;
  draft: Draft;
  /** Revision of the campaign stream's last event: what If-Match compares with. */
  revision: number;
  createdAt: string;
  launch?: LaunchRecord;
  /** How much of the frozen list is enrolled: fewer than `launch.list.contactCount` while enrolment is in progress. */
  enrolledContacts: number;
  /** Enrolment batches recorded, so the next is numbered on from them. */
  enrolledBatches: number;
  pausedAt?: string;
  resumedAt?: string;
  completedAt?: string;
  deletedAt?: string;
};

/** Before its first event a campaign does not exist; the revision is -1 then, as for no stream. */
export type CampaignState = { status: 'NONE'; revision: number } | Campaign;

export const initialCampaignState = (): CampaignState => ({ status: 'NONE', revision: -1 });

const folded = (state: CampaignState, event: CampaignEvent): CampaignState => {
  if (event.type === 'CampaignDraftStarted') {
    const { campaignId, companyId, name, createdAt } = event.data;
    return {
      status: 'DRAFT',
      campaignId,
      companyId,
      name,
      draft: {},
      revision: state.revision,
      createdAt,
      enrolledContacts: 0,
      enrolledBatches: 0,
    };
  }
  // Nothing but a start begins a campaign; anything else on an empty stream changes nothing.
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'CampaignDraftSaved': {
      const { changes } = event.data;
      return { ...state, name: changes.name ?? state.name, draft: applyChanges(state.draft, changes) };
    }
    case 'CampaignStepChanged':
      return { ...state, step: event.data.step };
    case 'CampaignLaunched': {
      const { launchedAt, name, settings, list, companyHours, taskFields } = event.data;
      const launch = {
        launchedAt,
        list,
        ...(companyHours ? { companyHours } : {}),
        ...(taskFields ? { taskFields } : {}),
      };
      return { ...state, status: 'ACTIVE', name, draft: settings, launch };
    }
    case 'ContactsEnrolled':
      return {
        ...state,
        enrolledContacts: state.enrolledContacts + event.data.contacts.length,
        enrolledBatches: state.enrolledBatches + 1,
      };
    case 'CampaignPaused':
      return { ...state, status: 'PAUSED', pausedAt: event.data.at };
    case 'CampaignResumed':
      return { ...state, status: 'ACTIVE', resumedAt: event.data.at };
    case 'CampaignCompleted':
      return { ...state, status: 'COMPLETED', completedAt: event.data.at };
    case 'CampaignDeleted':
      return { ...state, status: 'DELETED', deletedAt: event.data.at };
    case 'CampaignInvoked':
      return state;
    default:
      return assertNever(event);
  }
};

/** A launched campaign whose frozen list is not yet wholly enrolled: its launch was recorded in parts and stopped midway. */
export const enrolmentUnfinished = (state: CampaignState): boolean =>
  state.status !== 'NONE' && state.launch !== undefined && state.enrolledContacts < state.launch.list.contactCount;

/** Folds one event; every event, whatever it is, moves the revision on by one. */
export const evolveCampaign = (state: CampaignState, event: CampaignEvent): CampaignState => {
  const next = folded(state, event);
  return { ...next, revision: state.revision + 1 } as CampaignState;
};
