import type { Command } from '../decider.ts';
import type { LocalHours } from '../outreach/callingHoursRules.ts';

/** Campaign settings as a client sends them: shaped, but not yet checked against the rules. */
export type CampaignSettingsDraft = {
  readonly concurrencyRate: number;
  readonly outboundLines: number;
  readonly timezone: string;
  readonly defaultBusinessHours: readonly {
    readonly days: readonly string[];
    readonly start: string;
    readonly end: string;
  }[];
};

/** A key as the company stream keeps it: its id, a label, and only the hash of its secret. */
export type ApiKeyToIssue = { readonly keyId: string; readonly name: string; readonly secretHash: string };

export type CreateCompany = Command<
  'CreateCompany',
  { readonly companyId: string; readonly name: string; readonly firstKey: ApiKeyToIssue }
>;
export type IssueApiKey = Command<'IssueApiKey', { readonly companyId: string } & ApiKeyToIssue>;
export type RevokeApiKey = Command<'RevokeApiKey', { readonly companyId: string; readonly keyId: string }>;
/** `federalHours`: the federal calling window in force, as configuration gives it; no business-hour slot may reach outside it. */
export type UpdateCampaignSettings = Command<
  'UpdateCampaignSettings',
  { readonly companyId: string; readonly settings: CampaignSettingsDraft; readonly federalHours: LocalHours }
>;

/** The email settings as a client sends them: the postal address is checked by the decider. */
export type UpdateEmailSettings = Command<
  'UpdateEmailSettings',
  { readonly companyId: string; readonly settings: { readonly postalAddress: string } }
>;

export type CompanyCommand = CreateCompany | IssueApiKey | RevokeApiKey | UpdateCampaignSettings | UpdateEmailSettings;
