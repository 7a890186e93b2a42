import { collection } from '../../projections/collection.ts';
import type { ReadStore } from '../../projections/readStore.ts';
import { CALL_RECORDS, type CallRecordDoc } from '../../projections/reports/calls/callRecordDocument.ts';
import type { InboundCallIds } from './campaignLog.ts';

/** The campaign's inbound calls as the Calls report holds them: an inbound call names no contact stream, so the report is their index. */
export const inboundCallIdsOf =
  (readStore: ReadStore): InboundCallIds =>
  async (companyId, campaignId) => {
    const records = await collection<CallRecordDoc>(readStore, CALL_RECORDS).findAll({
      companyId,
      campaignId,
      direction: 'inbound',
    });
    return records.flatMap((doc) => (doc.callId ? [doc.callId] : []));
  };
