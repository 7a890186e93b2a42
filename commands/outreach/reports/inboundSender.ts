import { collection } from '../../../projections/collection.ts';
import { LAST_OUTREACH, type LastOutreach } from '../../../projections/outreach/inboundRoutingProjection.ts';
import type { ReadStore } from '../../../projections/readStore.ts';
import { numberCompaniesOf } from './numberCampaign.ts';

/** Which company an inbound text is for, and the campaign contact it answers when the company had reached out to the sender. */
export type InboundSender = { readonly companyId: string; readonly campaignId?: string; readonly contactId?: string };

const answered = (outreach: LastOutreach | null | undefined, companyId: string): InboundSender => ({
  companyId,
  ...(outreach ? { campaignId: outreach.campaignId, contactId: outreach.contactId } : {}),
});

/**
 * The rule: a number only one company's agents call from names that company. Any other number (the
 * engine's shared texting number, or one several companies use) is answered for the company that
 * last called or texted the sender, among those that use the number when it is known.
 */
export const inboundSenderOf =
  (readStore: ReadStore) =>
  async (to: string, from: string): Promise<InboundSender | undefined> => {
    const lastOutreach = collection<LastOutreach>(readStore, LAST_OUTREACH);
    const owners = await numberCompaniesOf(readStore, to);
    if (owners.length === 1) {
      const companyId = owners[0]!;
      return answered(await lastOutreach.get(`${companyId}.${from}`), companyId);
    }
    const recent = (await lastOutreach.find({ address: from }, { sort: [['at', -1]], limit: 20 })).items;
    const latest = recent.find((outreach) => owners.length === 0 || owners.includes(outreach.companyId));
    return latest ? answered(latest, latest.companyId) : undefined;
  };

export type InboundSenderOf = ReturnType<typeof inboundSenderOf>;
