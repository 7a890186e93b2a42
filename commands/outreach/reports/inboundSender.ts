import { LAST_OUTREACH, SENDER_NUMBERS, type LastOutreach, type SenderNumber } from '../../../projections/outreach/inboundRoutingProjection.ts';
import type { ReadStore } from '../../../projections/readStore.ts';

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
    const owners = ((await readStore.get(SENDER_NUMBERS, to)) as SenderNumber | null)?.companyIds ?? [];
    if (owners.length === 1) {
      const companyId = owners[0]!;
      return answered((await readStore.get(LAST_OUTREACH, `${companyId}.${from}`)) as LastOutreach | null, companyId);
    }
    const recent = (await readStore.find(LAST_OUTREACH, { address: from }, { sort: [['at', -1]], limit: 20 })).items as LastOutreach[];
    const latest = recent.find((outreach) => owners.length === 0 || owners.includes(outreach.companyId));
    return latest ? answered(latest, latest.companyId) : undefined;
  };

export type InboundSenderOf = ReturnType<typeof inboundSenderOf>;
