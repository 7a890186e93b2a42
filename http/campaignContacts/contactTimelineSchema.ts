import { MobileAppStatus } from '../../domain/mobileApp/events.ts';
import { campaignContactSchema } from './campaignContactRequests.ts';

const text = { type: ['string', 'null'] };
const time = { type: ['string', 'null'], format: 'date-time' };
const whole = { type: ['integer', 'null'] };

/** Every entry has a kind and the time it began; the rest depends on the kind. */
const timelineEntrySchema = {
  type: 'object',
  required: ['kind', 'at'],
  description:
    '`call`: one attempt from request to end (`requestedAt`, `placedAt`, `answeredAt`, `answeredBy`, `outcome`, `durationSeconds`, `endedAt`, `transferredAt`, `transferredTo`, `summary`, `optOutRequestedAt`, or `releasedAt` for a request the carrier never heard of). ' +
    '`message`: a text or email sent by a workflow step (`channel`, `step`, `to`, `body` of a text, `subject` of an email, `status`: requested, queued, sent, delivered, failed or withheld, with `reason`). ' +
    '`inbound`: a text the contact sent (`body`, `intent`). `opt_out`, `opt_in`: consent heard in this campaign (`channel`, `source`, `keyword`, `matched`, `excerpt`; a reopening names `by` and `reason`). ' +
    '`status`: `change` completed, completed_all_calls, resumed, calls_withheld or invoked (made due now by an external invocation), with `reason`. ' +
    "`app_message`: a message of the in-app conversation (`messageId`, `direction` sent or received, `body`). `app_status`: the mobile app's `appStatus` for the client. " +
    "`case_fields_updated`: case fields this contact's form answers wrote through the campaign's field mappings (`fields`, only those that changed, `null` for a cleared one; `listId`, `caseId`, and the `callId` and `formId` they came from).",
  properties: {
    kind: {
      type: 'string',
      enum: [
        'call',
        'message',
        'inbound',
        'opt_out',
        'opt_in',
        'status',
        'app_message',
        'app_status',
        'case_fields_updated',
      ],
    },
    at: { type: 'string', format: 'date-time', description: 'when the entry began: the timeline is in this order' },
    callId: text,
    attempt: whole,
    run: whole,
    requestedAt: time,
    placedAt: time,
    answeredAt: time,
    answeredBy: text,
    outcome: {
      type: ['string', 'null'],
      description: 'answered, no_answer, busy, voicemail, failed, transferred or opted_out',
    },
    durationSeconds: { type: ['number', 'null'] },
    endedAt: time,
    transferredAt: time,
    transferredTo: text,
    summary: text,
    summaryAt: time,
    optOutRequestedAt: time,
    releasedAt: time,
    releaseReason: text,
    messageId: text,
    channel: text,
    step: text,
    to: text,
    from: text,
    subject: text,
    body: text,
    status: { type: 'string', enum: ['requested', 'queued', 'sent', 'delivered', 'failed', 'withheld'] },
    statusAt: time,
    intent: text,
    address: text,
    source: { type: 'string', description: 'sms_keyword, sms_free_text, agent_reported, email_unsubscribe or admin' },
    keyword: text,
    matched: text,
    excerpt: text,
    by: text,
    reason: text,
    change: text,
    direction: { type: 'string', enum: ['sent', 'received'] },
    appStatus: { type: 'string', enum: Object.keys(MobileAppStatus.keys) },
    listId: text,
    caseId: text,
    formId: text,
    fields: {
      type: 'object',
      additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
      description: 'case field name to its new value',
    },
  },
};

/** One campaign contact with its answers and timeline, as documented in OpenAPI. */
export const contactTimelineSchema = {
  ...campaignContactSchema,
  required: [...campaignContactSchema.required, 'answers', 'timeline', 'timelineTruncated'],
  properties: {
    ...campaignContactSchema.properties,
    answers: {
      type: 'object',
      description: "the agent's form answers: the latest value of each field, when and in which call it was taken down",
      additionalProperties: {
        type: 'object',
        required: ['value', 'at', 'callId'],
        properties: {
          value: { type: ['string', 'number', 'boolean', 'null'] },
          at: { type: 'string', format: 'date-time' },
          callId: { type: 'string' },
        },
      },
    },
    timeline: {
      type: 'array',
      items: timelineEntrySchema,
      description: 'oldest first; the newest 200 entries at most',
    },
    timelineTruncated: { type: 'boolean', description: 'true when older entries exist than the timeline shows' },
  },
};
