import type { ReadStore } from '../../projections/readStore.ts';
import { CALL_RECORDS, type CallRecordDoc } from '../../projections/reports/calls/callRecordDocument.ts';
import type { InboundCallIds } from './campaignLog.ts';

/** The campaign's inbound calls as the Calls report holds them: an inbound call names no contact stream, so the report is their index. */
export const inboundCallIdsOf =
  (readStore: ReadStore): InboundCallIds =>
  async (companyId, campaignId) => {
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const page = await readStore.find(
        CALL_RECORDS,
        { companyId, campaignId, direction: 'inbound' },
        { limit: 500, ...(after ? { after } : {}) },
      );
      for (const doc of page.items as readonly CallRecordDoc[]) if (doc.callId) ids.push(doc.callId);
      after = page.next ?? undefined;
    } while (after);
    return ids;
  };
