import { assertNever, type Decider } from '../decider.ts';
import { IllegalStateError, NotFoundError, ValidationError } from '../errors.ts';
import { NonEmptyString } from '../values.ts';
import type { ApiKeyToIssue, CompanyCommand } from './commands.ts';
import { defaultCampaignSettings } from './defaultSettings.ts';
import type { CampaignSettings, CompanyEvent } from './events.ts';
import { validPostalAddress } from './postalAddress.ts';
import { validCampaignSettings } from './settingsValidation.ts';
import { named } from '../namedValue.ts';

/** Enough keys for every integration a firm runs; each request folds the company stream, so no more. */
export const MAX_ACTIVE_API_KEYS = 100;
export const MAX_API_KEY_NAME = 100;

export type ApiKeyState = { readonly name: string; readonly revoked: boolean };

export type CompanyState =
  | { readonly status: 'None' }
  | {
      readonly status: 'Active';
      readonly companyId: string;
      readonly name: string;
      readonly apiKeys: Readonly<Record<string, ApiKeyState>>;
      readonly campaignSettings: CampaignSettings;
      /** False while the company runs on the engine's defaults. */
      readonly settingsCustomised: boolean;
      /** Printed in every email the company sends; none until it sets one, and email cannot launch before. */
      readonly postalAddress?: string;
    };

type ActiveCompany = Extract<CompanyState, { status: 'Active' }>;

const initialState = (): CompanyState => ({ status: 'None' });

/** The company a command names, or 404: one company's id means nothing to another. */
const existing = (state: CompanyState, companyId: string): ActiveCompany => {
  if (state.status === 'None' || state.companyId !== companyId)
    throw new NotFoundError('COMPANY.NOT_FOUND', `No company ${named(companyId)}.`);
  return state;
};

const activeKeyCount = (company: ActiveCompany): number =>
  Object.values(company.apiKeys).filter((key) => !key.revoked).length;

const keyNameProblem = (name: string, path: string) =>
  name.trim().length === 0 || name.length > MAX_API_KEY_NAME
    ? [{ path, message: `must be 1 to ${MAX_API_KEY_NAME} characters` }]
    : [];

const issued = (companyId: string, key: ApiKeyToIssue): CompanyEvent => ({
  type: 'ApiKeyIssued',
  data: { companyId, keyId: key.keyId, name: key.name, secretHash: key.secretHash },
});

const decide = (command: CompanyCommand, state: CompanyState): CompanyEvent | CompanyEvent[] => {
  switch (command.type) {
    case 'CreateCompany': {
      const { companyId, name, firstKey } = command.data;
      if (state.status !== 'None')
        throw new IllegalStateError('COMPANY.ALREADY_EXISTS', `Company ${companyId} already exists.`);
      const problems = [
        ...(NonEmptyString.is(name) ? [] : [{ path: 'name', message: 'must be 1 to 500 characters, not only spaces' }]),
        ...keyNameProblem(firstKey.name, 'apiKeyName'),
      ];
      if (problems.length > 0)
        throw new ValidationError('COMPANY.INVALID', 'The company cannot be created as given.', problems);
      return [{ type: 'CompanyCreated', data: { companyId, name } }, issued(companyId, firstKey)];
    }
    case 'IssueApiKey': {
      const company = existing(state, command.data.companyId);
      const problems = keyNameProblem(command.data.name, 'name');
      if (problems.length > 0)
        throw new ValidationError('API_KEY.INVALID', 'The API key cannot be issued as given.', problems);
      if (company.apiKeys[command.data.keyId])
        throw new IllegalStateError('API_KEY.ALREADY_EXISTS', `API key ${command.data.keyId} already exists.`);
      if (activeKeyCount(company) >= MAX_ACTIVE_API_KEYS)
        throw new IllegalStateError(
          'API_KEY.TOO_MANY',
          `A company may hold at most ${MAX_ACTIVE_API_KEYS} active API keys; revoke one first.`,
        );
      return issued(company.companyId, command.data);
    }
    case 'RevokeApiKey': {
      const company = existing(state, command.data.companyId);
      const key = company.apiKeys[command.data.keyId];
      if (!key) throw new NotFoundError('API_KEY.NOT_FOUND', `No API key ${named(command.data.keyId)}.`);
      // Revoking twice is still revoked: DELETE stays idempotent.
      if (key.revoked) return [];
      if (activeKeyCount(company) === 1)
        throw new IllegalStateError(
          'API_KEY.LAST_ACTIVE_KEY',
          "This is the company's last active API key; issue another before revoking it.",
        );
      return { type: 'ApiKeyRevoked', data: { companyId: company.companyId, keyId: command.data.keyId } };
    }
    case 'UpdateCampaignSettings': {
      const company = existing(state, command.data.companyId);
      const settings = validCampaignSettings(command.data.settings, command.data.federalHours);
      // Saving what is already there records nothing new.
      if (company.settingsCustomised && JSON.stringify(settings) === JSON.stringify(company.campaignSettings))
        return [];
      return { type: 'CompanyCampaignSettingsUpdated', data: { companyId: company.companyId, settings } };
    }
    case 'UpdateEmailSettings': {
      const company = existing(state, command.data.companyId);
      const postalAddress = validPostalAddress(command.data.settings.postalAddress);
      if (postalAddress === company.postalAddress) return [];
      return {
        type: 'CompanyEmailSettingsUpdated',
        data: { companyId: company.companyId, settings: { postalAddress } },
      };
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: CompanyState, event: CompanyEvent): CompanyState => {
  switch (event.type) {
    case 'CompanyCreated':
      return {
        status: 'Active',
        companyId: event.data.companyId,
        name: event.data.name,
        apiKeys: {},
        campaignSettings: defaultCampaignSettings,
        settingsCustomised: false,
      };
    case 'ApiKeyIssued':
      if (state.status === 'None') return state;
      return { ...state, apiKeys: { ...state.apiKeys, [event.data.keyId]: { name: event.data.name, revoked: false } } };
    case 'ApiKeyRevoked': {
      const key = state.status === 'Active' ? state.apiKeys[event.data.keyId] : undefined;
      if (state.status === 'None' || !key) return state;
      return { ...state, apiKeys: { ...state.apiKeys, [event.data.keyId]: { ...key, revoked: true } } };
    }
    case 'CompanyCampaignSettingsUpdated':
      if (state.status === 'None') return state;
      return { ...state, campaignSettings: event.data.settings, settingsCustomised: true };
    case 'CompanyEmailSettingsUpdated':
      if (state.status === 'None') return state;
      return { ...state, postalAddress: event.data.settings.postalAddress };
    default:
      return assertNever(event);
  }
};

/** A company: its name, its API keys, and the campaign defaults its campaigns may copy. */
export const companyDecider: Decider<CompanyState, CompanyCommand, CompanyEvent> = { decide, evolve, initialState };
