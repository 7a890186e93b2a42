import { readStreamOf } from '../../aggregateStream.ts';
import type { CrmFieldMapping } from '../../../domain/campaign/draft.ts';
import { campaignStream, type CampaignEvent } from '../../../domain/campaign/events.ts';
import { callStream, type CallEvent } from '../../../domain/call/events.ts';
import { enrollmentStream, type EnrollmentEvent } from '../../../domain/enrollment/events.ts';
import type { FormAnswers } from '../../../domain/form/answerRules.ts';
import type { FormField } from '../../../domain/form/events.ts';
import {
  CAMPAIGN_CONTACTS,
  campaignContactId,
  type CampaignContactDoc,
} from '../../../projections/campaignContacts/campaignContactDocument.ts';
import { collection } from '../../../projections/collection.ts';
import type { ReadStore } from '../../../projections/readStore.ts';
import { readForm } from '../../campaigns/campaignFacts.ts';
import type { EventStore } from '../../eventStore.ts';

/** What a campaign does with the agent's answers, as its launch froze it. */
export type FormAnswerSettings = {
  readonly form?: { readonly formId: string; readonly fields: readonly FormField[] };
  readonly mappings: readonly CrmFieldMapping[];
  readonly completeOnFormComplete: boolean;
  readonly listId?: string;
};

type Launched = Extract<CampaignEvent, { type: 'CampaignLaunched' }>;

/** Facts an answer is judged and carried by, read from their own streams (the read models may lag behind). */
export const formAnswerFacts = (eventStore: EventStore, readStore: ReadStore) => {
  /** Settings never change after launch, so the campaign's stream is read only up to its launch. */
  const settingsOf = async (campaignId: string, companyId: string): Promise<FormAnswerSettings> => {
    let launched: Launched | undefined;
    for await (const event of readStreamOf<CampaignEvent>(eventStore, campaignStream(campaignId))) {
      if (event.metadata.companyId !== companyId) break;
      if (event.type === 'CampaignLaunched') {
        launched = event;
        break;
      }
    }
    const settings = launched?.data.settings ?? {};
    const form = settings.formId === undefined ? undefined : await readForm(eventStore, settings.formId, companyId);
    return {
      ...(form?.status === 'created' ? { form: { formId: form.formId, fields: form.fields } } : {}),
      mappings: settings.crmFieldMappings ?? [],
      completeOnFormComplete: settings.completeOnFormComplete === true,
      ...(launched ? { listId: launched.data.list.listId } : {}),
    };
  };

  /** The contact's case: from the contacts read model, or from the enrolment itself when that model has not seen it yet. */
  const caseIdOf = async (campaignId: string, contactId: string, companyId: string): Promise<string | undefined> => {
    const doc = await collection<CampaignContactDoc>(readStore, CAMPAIGN_CONTACTS).get(
      campaignContactId(campaignId, contactId),
    );
    if (doc && doc.companyId === companyId) return doc.caseId;
    for await (const event of readStreamOf<CampaignEvent>(eventStore, campaignStream(campaignId))) {
      if (event.metadata.companyId !== companyId) return undefined;
      if (event.type !== 'ContactsEnrolled') continue;
      const found = event.data.contacts.find((contact) => contact.contactId === contactId);
      if (found) return found.caseId;
    }
    return undefined;
  };

  /** The contact's latest answer to each field over all its calls in the campaign (the given one too), in the order they were taken. */
  const contactAnswers = async (campaignId: string, contactId: string, callId: string): Promise<FormAnswers> => {
    const callIds = new Set<string>();
    for await (const event of readStreamOf<EnrollmentEvent>(eventStore, enrollmentStream(campaignId, contactId)))
      if (event.type === 'CallRequested') callIds.add(event.data.callId);
    callIds.add(callId);
    const taken: { at: number; position: bigint; answers: FormAnswers }[] = [];
    for (const id of callIds)
      for await (const event of readStreamOf<CallEvent>(eventStore, callStream(id)))
        if (event.type === 'FormAnswersRecorded') {
          const { at, answers } = event.data;
          taken.push({ at: Date.parse(at), position: event.position, answers });
        }
    taken.sort((a, b) => a.at - b.at || (a.position < b.position ? -1 : 1));
    return taken.reduce<FormAnswers>((latest, { answers }) => ({ ...latest, ...answers }), {});
  };

  return { settingsOf, caseIdOf, contactAnswers };
};

export type FormAnswerFacts = ReturnType<typeof formAnswerFacts>;
