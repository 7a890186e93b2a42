import { companyStream } from '../../domain/company/events.ts';
import type { CommandContext } from '../commandContext.ts';
import { newApiKey } from './apiKeys.ts';
import { companyHandler, type CompanyDeps } from './companyHandler.ts';
import { keyShownOnce } from './keyShownOnce.ts';

export type NewCompany = {
  readonly companyId: string;
  readonly name: string;
  readonly keyId: string;
  readonly apiKeyName: string;
};

export type CreatedCompany = {
  readonly companyId: string;
  readonly name: string;
  readonly keyId: string;
  readonly apiKey: string;
  readonly position: bigint;
};

/** A company and its first API key, in one append: a company never exists without a way in. */
export const createCompany = (deps: CompanyDeps & { readonly random?: (size: number) => Buffer }) => {
  const handle = companyHandler(deps);
  return async (company: NewCompany, context: CommandContext): Promise<CreatedCompany> => {
    const { key, secretHash } = newApiKey(company.companyId, company.keyId, deps.random);
    const result = await handle(
      companyStream(company.companyId),
      {
        type: 'CreateCompany',
        data: {
          companyId: company.companyId,
          name: company.name,
          firstKey: { keyId: company.keyId, name: company.apiKeyName, secretHash },
        },
      },
      { ...context, companyId: company.companyId },
    );
    if (result.repeated) throw keyShownOnce(company.keyId);
    return {
      companyId: company.companyId,
      name: company.name,
      keyId: company.keyId,
      apiKey: key,
      position: result.position,
    };
  };
};
