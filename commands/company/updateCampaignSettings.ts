import type { CampaignSettingsDraft } from '../../domain/company/commands.ts';
import type { CampaignSettings } from '../../domain/company/events.ts';
import type { LocalHours } from '../../domain/outreach/callingHoursRules.ts';
import { companyStream } from '../../domain/company/events.ts';
import type { CommandContext } from '../commandContext.ts';
import { companyHandler, type CompanyDeps } from './companyHandler.ts';

/**
 * Replaces the caller's company's campaign defaults as a whole, after every rule has been checked;
 * `federalHours` is the federal calling window in force, which the business hours must lie inside.
 */
export const updateCampaignSettings = (deps: CompanyDeps & { readonly federalHours: LocalHours }) => {
  const handle = companyHandler(deps);
  return async (
    settings: CampaignSettingsDraft,
    context: CommandContext,
  ): Promise<{ readonly settings: CampaignSettings; readonly position: bigint }> => {
    const result = await handle(
      companyStream(context.companyId),
      {
        type: 'UpdateCampaignSettings',
        data: { companyId: context.companyId, settings, federalHours: deps.federalHours },
      },
      context,
    );
    if (result.newState.status !== 'Active') throw new Error('a company that accepted settings must exist');
    return { settings: result.newState.campaignSettings, position: result.position };
  };
};
