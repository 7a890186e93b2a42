import { assertNever, type Decider } from '../decider.ts';
import { IllegalStateError, NotFoundError } from '../errors.ts';
import type { CampaignCommand, LaunchCampaign, SaveDraft } from './commands.ts';
import { draftPartNames, type DraftChanges } from './draft.ts';
import type { CampaignEvent } from './events.ts';
import { launchProblems, resolvedSlots } from './launchValidation.ts';
import { enrolBatch } from './enrolment.ts';
import { decideInvocation } from './invocation.ts';
import { withScheduleIds } from '../scheduledReport/scheduleIds.ts';
import {
  evolveCampaign,
  initialCampaignState,
  type Campaign,
  type CampaignState,
  type CampaignStatus,
} from './state.ts';
import { named } from '../namedValue.ts';

/** Deep equality of JSON values, so an autosave that repeats what is saved records nothing. */
const sameValue = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    keysA.length === keysB.length &&
    keysA.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
};

const notFound = (campaignId: string) => new NotFoundError('CAMPAIGN.NOT_FOUND', `No campaign ${named(campaignId)}.`);

const refused = (code: string, message: string) => new IllegalStateError(code, message);

const requireStatus = (campaign: Campaign, allowed: readonly CampaignStatus[], code: string, doing: string): void => {
  if (!allowed.includes(campaign.status))
    throw refused(
      code,
      `Cannot ${doing} a campaign that is ${campaign.status}; only ${allowed.join(' or ')} campaigns can.`,
    );
};

/** The campaign a command addresses: it must exist and be the caller's. */
const addressed = (state: CampaignState, command: Exclude<CampaignCommand, { type: 'StartDraft' }>): Campaign => {
  const { campaignId, companyId } = command.data;
  if (state.status === 'NONE' || state.status === 'DELETED' || state.companyId !== companyId)
    throw notFound(campaignId);
  return state;
};

/** Only what differs from the draft, with the company's hours and the agent's form copied in. */
const effectiveChanges = (
  campaign: Campaign,
  data: SaveDraft['data'],
): { changes: DraftChanges; linkedFrom?: string } => {
  const wanted: DraftChanges = { ...data.changes };
  if (wanted.schedule?.mode === 'company')
    wanted.schedule = { mode: 'company', ...(data.companyHours ? { slots: [...data.companyHours] } : {}) };
  let linkedFrom: string | undefined;
  const agentForm = data.agentForm;
  if (typeof wanted.agentId === 'string' && wanted.formId === undefined && agentForm?.agentId === wanted.agentId) {
    wanted.formId = agentForm.formId;
    linkedFrom = agentForm.agentId;
  }
  const changes: Record<string, unknown> = {};
  if (wanted.name !== undefined && wanted.name !== campaign.name) changes['name'] = wanted.name;
  for (const part of draftPartNames) {
    const value = wanted[part];
    if (value === undefined) continue;
    const current = campaign.draft[part];
    if (value === null ? current !== undefined : !sameValue(value, current)) changes[part] = value;
  }
  const linked = linkedFrom !== undefined && 'formId' in changes ? { linkedFrom } : {};
  return { changes: changes as DraftChanges, ...linked };
};

const saveDraft = (campaign: Campaign, data: SaveDraft['data']): CampaignEvent[] => {
  requireStatus(campaign, ['DRAFT'], 'CAMPAIGN.NOT_A_DRAFT', 'edit');
  const { changes, linkedFrom } = effectiveChanges(campaign, data);
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'CampaignDraftSaved',
      data: { campaignId: campaign.campaignId, changes, ...(linkedFrom ? { formLinkedFromAgent: linkedFrom } : {}) },
    },
  ];
};

const launch = (campaign: Campaign, data: LaunchCampaign['data']): CampaignEvent[] => {
  requireStatus(campaign, ['DRAFT'], 'CAMPAIGN.NOT_A_DRAFT', 'launch');
  const { facts } = data;
  const problems = launchProblems(campaign.name, campaign.draft, facts);
  const list = facts.list;
  if (problems.length > 0 || !list)
    throw new IllegalStateError(
      'CAMPAIGN.NOT_LAUNCHABLE',
      `The campaign cannot launch: ${problems.length} problem(s).`,
      problems,
    );
  const slots = resolvedSlots(campaign.draft, facts.company) ?? [];
  const { campaignId } = campaign;
  const company = facts.company;
  const taskFields = campaign.draft.formId !== undefined ? facts.form?.taskFields : undefined;
  // The contacts follow in ContactsEnrolled batches (enrolBatch), one command each, so no launch holds them all.
  return [
    {
      type: 'CampaignLaunched',
      data: {
        campaignId,
        launchedAt: data.now,
        name: campaign.name,
        settings: {
          ...campaign.draft,
          schedule: { mode: campaign.draft.schedule?.mode ?? 'company', slots: [...slots] },
        },
        list: {
          listId: list.listId,
          caseType: list.caseType,
          listRevision: list.revision,
          caseCount: list.caseCount,
          contactCount: list.contactCount,
        },
        ...(company
          ? { companyHours: { timezone: company.timezone, businessHours: company.defaultBusinessHours } }
          : {}),
        ...(taskFields ? { taskFields: [...taskFields] } : {}),
      },
    },
  ];
};

const lifecycle = (at: string, reason: string | undefined) => ({ at, ...(reason !== undefined ? { reason } : {}) });

export const decideCampaign = (command: CampaignCommand, state: CampaignState): CampaignEvent | CampaignEvent[] => {
  if (command.type === 'StartDraft') {
    const { campaignId, companyId, name, now } = command.data;
    if (state.status !== 'NONE') throw refused('CAMPAIGN.EXISTS', `Campaign ${named(campaignId)} already exists.`);
    return { type: 'CampaignDraftStarted', data: { campaignId, companyId, name, createdAt: now } };
  }
  const campaign = addressed(state, command);
  const { campaignId } = campaign;
  switch (command.type) {
    case 'SaveDraft':
      return saveDraft(campaign, command.data);
    case 'ChangeStep':
      requireStatus(campaign, ['DRAFT'], 'CAMPAIGN.NOT_A_DRAFT', 'change the builder step of');
      return campaign.step === command.data.step
        ? []
        : { type: 'CampaignStepChanged', data: { campaignId, step: command.data.step } };
    case 'LaunchCampaign':
      return launch(campaign, command.data);
    case 'ContinueEnrolment':
      requireStatus(campaign, ['ACTIVE', 'PAUSED'], 'CAMPAIGN.NOT_RUNNING', 'continue the enrolment of');
      return enrolBatch(campaign, command.data);
    case 'PauseCampaign':
      requireStatus(campaign, ['ACTIVE'], 'CAMPAIGN.NOT_ACTIVE', 'pause');
      return { type: 'CampaignPaused', data: { campaignId, ...lifecycle(command.data.now, command.data.reason) } };
    case 'ResumeCampaign':
      requireStatus(campaign, ['PAUSED'], 'CAMPAIGN.NOT_PAUSED', 'resume');
      return { type: 'CampaignResumed', data: { campaignId, ...lifecycle(command.data.now, command.data.reason) } };
    case 'CompleteCampaign':
      requireStatus(campaign, ['ACTIVE', 'PAUSED'], 'CAMPAIGN.NOT_RUNNING', 'complete');
      return { type: 'CampaignCompleted', data: { campaignId, ...lifecycle(command.data.now, command.data.reason) } };
    case 'AddDraftReportSchedule': {
      requireStatus(campaign, ['DRAFT'], 'CAMPAIGN.NOT_A_DRAFT', 'edit');
      const current = withScheduleIds(campaign.draft.reportSchedules);
      if (current.some((s) => s.id === command.data.schedule.id)) return [];
      return {
        type: 'CampaignDraftSaved',
        data: { campaignId, changes: { reportSchedules: [...current, command.data.schedule] } },
      };
    }
    case 'RemoveDraftReportSchedule': {
      requireStatus(campaign, ['DRAFT'], 'CAMPAIGN.NOT_A_DRAFT', 'edit');
      const current = withScheduleIds(campaign.draft.reportSchedules);
      const kept = current.filter((s) => s.id !== command.data.reportId);
      if (kept.length === current.length)
        throw new NotFoundError('REPORT_SCHEDULE.NOT_FOUND', `No scheduled report ${named(command.data.reportId)}.`);
      return { type: 'CampaignDraftSaved', data: { campaignId, changes: { reportSchedules: kept } } };
    }
    case 'InvokeCampaign':
      return decideInvocation(campaign, command.data);
    case 'DeleteCampaign':
      requireStatus(campaign, ['DRAFT'], 'CAMPAIGN.NOT_A_DRAFT', 'delete');
      return { type: 'CampaignDeleted', data: { campaignId, at: command.data.now } };
    default:
      return assertNever(command);
  }
};

/**
 * A campaign's whole behaviour: draft, autosave, builder step, launch, lifecycle, deletion. A launch
 * is followed by its enrolment, one ContinueEnrolment batch at a time: the launch with any number of
 * its batches is a campaign whose enrolment is in progress, which the next batches finish.
 */
export const campaignDecider: Decider<CampaignState, CampaignCommand, CampaignEvent> = {
  decide: decideCampaign,
  evolve: evolveCampaign,
  initialState: initialCampaignState,
};
