import { renderText, type TemplateFields } from '../../../commands/messages/messageTemplates.ts';
import type { CallOwner } from '../../../commands/outreach/reports/callOwner.ts';
import type { Voicemail as VoicemailSetting } from '../../../domain/campaign/draft.ts';
import { assertNever } from '../../../domain/decider.ts';
import { COMPANY_SETTINGS } from '../../../projections/company/companySettingsProjection.ts';
import { DUE_MESSAGES, dueMessagesId, type DueMessagesDoc } from '../../../projections/outreach/dueMessagesDocument.ts';
import { collection } from '../../../projections/collection.ts';
import type { Doc, ReadStore } from '../../../projections/readStore.ts';
import type { Voicemail } from './callTwiml.ts';

/** The launched campaign as its read model holds it: its name, settings and list. */
export type VoicemailCampaign = {
  readonly name?: string;
  readonly draft?: { readonly voicemail?: VoicemailSetting };
  readonly launch?: { readonly list?: { readonly caseType?: string } };
};

/** The contact's, case's, campaign's and company's fields a voicemail message may name. */
const fieldsFor = async (
  readStore: ReadStore,
  owner: CallOwner,
  campaign: VoicemailCampaign,
): Promise<TemplateFields> => {
  const due = await collection<DueMessagesDoc>(readStore, DUE_MESSAGES).get(
    dueMessagesId(owner.campaignId, owner.contactId),
  );
  const company = await collection<Doc & { name?: string }>(readStore, COMPANY_SETTINGS).get(owner.companyId);
  const contact = due?.contact;
  return {
    contact: contact
      ? {
          name: contact.name,
          firstName: contact.name?.trim().split(/\s+/)[0],
          phone: contact.phone,
          email: contact.email,
          state: contact.state,
          timezone: contact.timezone,
        }
      : {},
    case: contact
      ? { id: contact.caseId, externalId: contact.externalId, caseType: campaign.launch?.list?.caseType }
      : {},
    campaign: { id: owner.campaignId, name: campaign.name },
    company: { name: company?.name },
  };
};

/**
 * What an answering machine gets on this campaign's call: its voicemail setting, the message filled
 * with the contact's fields; a campaign without one hangs up.
 */
export const campaignVoicemail = async (
  readStore: ReadStore,
  owner: CallOwner,
  campaign: VoicemailCampaign | null,
): Promise<Voicemail> => {
  const setting = campaign?.draft?.voicemail;
  if (!campaign || !setting) return { policy: 'hang_up' };
  switch (setting.policy) {
    case 'hang_up':
      return { policy: 'hang_up' };
    case 'follow_up_sms':
      return { policy: 'follow_up_sms' };
    case 'leave_message': {
      const message = setting.message ?? '';
      // Launch refuses an empty message; should one slip through, hanging up is the safe reading.
      if (message.trim() === '') return { policy: 'hang_up' };
      return { policy: 'leave_message', message: renderText(message, await fieldsFor(readStore, owner, campaign)) };
    }
    default:
      return assertNever(setting.policy);
  }
};
