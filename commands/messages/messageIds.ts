import { createHash } from 'node:crypto';
import { uuidV7Layout } from '../eventIds.ts';

/**
 * The id of one workflow step's message to one contact: the same for every runner that plans it, so
 * the message stream can only ever be started once. Time-ordered by the contact's enrolment.
 */
export const workflowMessageId = (campaignId: string, contactId: string, step: string, enrolledAt: string): string =>
  uuidV7Layout(
    Date.parse(enrolledAt),
    createHash('sha256').update(`message\u0000${campaignId}\u0000${contactId}\u0000${step}`).digest(),
  );
