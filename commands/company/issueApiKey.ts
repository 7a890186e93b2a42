import { companyStream } from '../../domain/company/events.ts';
import type { CommandContext } from '../commandContext.ts';
import { newApiKey } from './apiKeys.ts';
import { companyHandler, type CompanyDeps } from './companyHandler.ts';
import { keyShownOnce } from './keyShownOnce.ts';

export type IssuedApiKey = {
  readonly keyId: string;
  readonly name: string;
  readonly apiKey: string;
  readonly position: bigint;
};

/** Another key for the caller's company; the key itself leaves here once and is never stored. */
export const issueApiKey = (deps: CompanyDeps & { readonly random?: (size: number) => Buffer }) => {
  const handle = companyHandler(deps);
  return async (
    request: { readonly keyId: string; readonly name: string },
    context: CommandContext,
  ): Promise<IssuedApiKey> => {
    const { key, secretHash } = newApiKey(context.companyId, request.keyId, deps.random);
    const result = await handle(
      companyStream(context.companyId),
      {
        type: 'IssueApiKey',
        data: { companyId: context.companyId, keyId: request.keyId, name: request.name, secretHash },
      },
      context,
    );
    if (result.repeated) throw keyShownOnce(request.keyId);
    return { keyId: request.keyId, name: request.name, apiKey: key, position: result.position };
  };
};
