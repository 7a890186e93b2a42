import { companyStream } from '../../domain/company/events.ts';
import type { CommandContext } from '../commandContext.ts';
import { companyHandler, type CompanyDeps } from './companyHandler.ts';

/** Revokes one of the caller's company's keys; the verifier reads the same stream, so it stops working at once. */
export const revokeApiKey = (deps: CompanyDeps) => {
  const handle = companyHandler(deps);
  return async (keyId: string, context: CommandContext): Promise<{ readonly position: bigint }> => {
    const result = await handle(
      companyStream(context.companyId),
      { type: 'RevokeApiKey', data: { companyId: context.companyId, keyId } },
      context,
    );
    return { position: result.position };
  };
};
