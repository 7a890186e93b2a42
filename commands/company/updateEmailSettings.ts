import { companyStream, type EmailSettings } from '../../domain/company/events.ts';
import type { CommandContext } from '../commandContext.ts';
import { companyHandler, type CompanyDeps } from './companyHandler.ts';

/** Replaces the caller's company's email settings (its postal address), once the address has been checked. */
export const updateEmailSettings = (deps: CompanyDeps) => {
  const handle = companyHandler(deps);
  return async (
    settings: EmailSettings,
    context: CommandContext,
  ): Promise<{ readonly settings: EmailSettings; readonly position: bigint }> => {
    const result = await handle(
      companyStream(context.companyId),
      { type: 'UpdateEmailSettings', data: { companyId: context.companyId, settings } },
      context,
    );
    if (result.newState.status !== 'Active' || result.newState.postalAddress === undefined)
      throw new Error('a company that accepted email settings must exist and hold them');
    return { settings: { postalAddress: result.newState.postalAddress }, position: result.position };
  };
};
