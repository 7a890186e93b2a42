import type { CaseEvent } from '../../domain/case/events.ts';
import type { RecordedEvent } from '../../domain/events/event.ts';
import type { CaseFieldsEntry } from './timelineEntry.ts';

/** The case fields a contact's answers wrote, on that contact's timeline in the campaign the answers were taken in. */
export const caseFieldsEntry = (event: RecordedEvent<CaseEvent>): CaseFieldsEntry => {
  const { listId, caseId, fields, source, at } = event.data;
  const { campaignId, contactId, callId, formId } = source;
  return {
    _id: `case-${event.id}`,
    companyId: event.metadata.companyId,
    kind: 'case_fields_updated',
    campaignId,
    contactId,
    at,
    listId,
    caseId,
    callId,
    formId,
    fields,
  };
};
