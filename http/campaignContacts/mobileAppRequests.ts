import * as t from 'io-ts';
import { IsoInstant, refined } from '../../domain/values.ts';
import { InAppDirection, MobileAppStatus } from '../../domain/mobileApp/events.ts';
import { positionProperty } from '../responses.ts';

/** Longest in-app message kept: ten SMS segments' worth, enough for any chat line. */
export const MAX_IN_APP_BODY = 1600;

const Body = refined(
  `a message of 1 to ${MAX_IN_APP_BODY} characters`,
  t.string,
  (s) => s.trim().length > 0 && s.length <= MAX_IN_APP_BODY,
);

export const InAppMessageRequest = t.exact(
  t.intersection([t.type({ direction: InAppDirection, body: Body }), t.partial({ at: IsoInstant })]),
);

export const MobileAppStatusRequest = t.exact(t.type({ status: MobileAppStatus }));

export const inAppMessageSchema = {
  type: 'object',
  required: ['messageId', 'campaignId', 'contactId', 'direction', 'body', 'at', 'recordedAt', 'position'],
  properties: {
    messageId: { type: 'string' },
    campaignId: { type: 'string' },
    contactId: { type: 'string' },
    direction: {
      type: 'string',
      enum: ['sent', 'received'],
      description: 'sent by the company, or received from the client',
    },
    body: { type: 'string' },
    at: { type: 'string', format: 'date-time', description: "the app's time for the message" },
    recordedAt: { type: 'string', format: 'date-time', description: 'when the engine recorded it' },
    position: positionProperty,
  },
};

export const mobileAppStatusSchema = {
  type: 'object',
  required: ['status', 'changed', 'position'],
  properties: {
    status: { type: 'string', enum: Object.keys(MobileAppStatus.keys) },
    changed: { type: 'boolean', description: 'false when the app already had this status' },
    position: positionProperty,
  },
};
