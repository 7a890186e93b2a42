import type { ReportSchedule } from '../../domain/campaign/draft.ts';
import { reportScheduleProblems } from '../../domain/campaign/settingRules.ts';
import { IllegalStateError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { withScheduleIds } from '../../domain/scheduledReport/scheduleIds.ts';
import { Email } from '../../domain/values.ts';
import { campaignHandler, type CampaignDeps } from '../campaigns/campaignHandler.ts';
import { foldCampaign } from '../campaigns/readCampaign.ts';
import type { CommandContext } from '../commandContext.ts';
import { filterProblems, type ReportCatalog } from './reportCatalog.ts';
import { scheduledReportHandler } from './scheduledReportHandler.ts';
import { named } from '../../domain/namedValue.ts';

type Written = { readonly position: bigint };

/** Every problem of a new schedule at once, named by its field: timing, zone, recipients, window and the report's own filters. */
export const newScheduleProblems = (schedule: ReportSchedule, catalog: ReportCatalog) => [
  ...reportScheduleProblems('', schedule, Email.is).map((p) => ({ ...p, path: p.path.slice(1) })),
  ...filterProblems(catalog, schedule.report, schedule.filters),
];

/**
 * Adding and removing scheduled reports. A draft keeps them in the draft itself (the campaign stream,
 * as autosave does), so the draft and `GET /v1/campaigns/:id` always show them; launch freezes them;
 * a launched campaign's later changes go to its `report-<campaignId>` stream.
 */
export const scheduledReportCommands = (deps: CampaignDeps & { readonly catalog: ReportCatalog }) => {
  const campaigns = campaignHandler(deps);
  const reports = scheduledReportHandler(deps);

  const campaignOf = async (campaignId: string, companyId: string) => {
    const { state } = await foldCampaign(deps.eventStore, campaignId);
    if (state.status === 'NONE' || state.status === 'DELETED' || state.companyId !== companyId)
      throw new NotFoundError('CAMPAIGN.NOT_FOUND', `No campaign ${named(campaignId)}.`);
    return state;
  };

  /** A draft launched between the read and the save is refused as a draft; its schedule then goes to the launched campaign's stream. */
  const onDraftOrLaunched = async (
    campaignId: string,
    companyId: string,
    draft: () => Promise<Written>,
    launched: (frozen: string[]) => Promise<Written>,
  ): Promise<Written> => {
    const campaign = await campaignOf(campaignId, companyId);
    if (campaign.status === 'DRAFT') {
      try {
        return await draft();
      } catch (error) {
        if (!(error instanceof IllegalStateError && error.code === 'CAMPAIGN.NOT_A_DRAFT')) throw error;
      }
    }
    const frozen = await campaignOf(campaignId, companyId);
    return launched(withScheduleIds(frozen.draft.reportSchedules).map((s) => s.id));
  };

  return {
    add: async (campaignId: string, reportId: string, schedule: ReportSchedule, context: CommandContext) => {
      const problems = newScheduleProblems(schedule, deps.catalog);
      if (problems.length > 0)
        throw new ValidationError(
          'SCHEDULED_REPORT.INVALID',
          `The scheduled report is invalid: ${problems.length} problem(s).`,
          problems,
        );
      const withId = { ...schedule, id: reportId };
      const now = context.now.toISOString();
      return onDraftOrLaunched(
        campaignId,
        context.companyId,
        () =>
          campaigns(
            { type: 'AddDraftReportSchedule', data: { campaignId, companyId: context.companyId, schedule: withId } },
            context,
          ),
        () => reports({ type: 'AddScheduledReport', data: { campaignId, schedule: withId, now } }, context),
      );
    },
    remove: (campaignId: string, reportId: string, context: CommandContext) =>
      onDraftOrLaunched(
        campaignId,
        context.companyId,
        () =>
          campaigns(
            { type: 'RemoveDraftReportSchedule', data: { campaignId, companyId: context.companyId, reportId } },
            context,
          ),
        (launched) =>
          reports(
            { type: 'RemoveScheduledReport', data: { campaignId, reportId, launched, now: context.now.toISOString() } },
            context,
          ),
      ),
  };
};
