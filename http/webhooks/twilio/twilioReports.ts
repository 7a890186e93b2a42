import type { CallStatusReport, InboundSms, MessageStatusReport } from '../../../commands/outreach/carrierReports.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { answeredByOf, callProgressOf, messageProgressOf } from '../../../adapters/telephony/twilio/twilioStatuses.ts';
import { countParam, optionalParam, reportedAtOf, requiredParam, type TwilioParams } from './twilioParams.ts';

const unknownValue = (name: string, value: string): ValidationError =>
  new ValidationError(
    'TWILIO.UNKNOWN_STATUS',
    `Twilio's ${name} ${JSON.stringify(value.slice(0, 40))} is not one we know.`,
    [{ path: name, message: 'unknown value' }],
  );

/**
 * A call status callback, or a recording callback (it has no `CallStatus`: a recording is ready only
 * once its call has completed, so it reports the completed call with its recording URL).
 */
export const callStatusReportOf = (params: TwilioParams, callId: string, receivedAt: Date): CallStatusReport => {
  const carrierCallId = requiredParam(params, 'CallSid');
  const status =
    optionalParam(params, 'CallStatus') ??
    (optionalParam(params, 'RecordingStatus') ? 'completed' : requiredParam(params, 'CallStatus'));
  const progress = callProgressOf(status);
  if (!progress) throw unknownValue('CallStatus', status);
  const answeredBy = optionalParam(params, 'AnsweredBy');
  const sequence = countParam(params, 'SequenceNumber');
  const durationSeconds = countParam(params, 'CallDuration');
  const recordingUrl = optionalParam(params, 'RecordingUrl');
  return {
    callId,
    carrierCallId,
    progress,
    reportedAt: reportedAtOf(params, receivedAt),
    ...(sequence !== undefined ? { sequence } : {}),
    ...(answeredBy !== undefined ? { answeredBy: answeredByOf(answeredBy) ?? 'unknown' } : {}),
    ...(durationSeconds !== undefined ? { durationSeconds } : {}),
    ...(recordingUrl !== undefined ? { recordingUrl } : {}),
  };
};

export const messageStatusReportOf = (
  params: TwilioParams,
  messageId: string,
  receivedAt: Date,
): MessageStatusReport => {
  const carrierMessageId = optionalParam(params, 'MessageSid') ?? requiredParam(params, 'SmsSid');
  const status = optionalParam(params, 'MessageStatus') ?? requiredParam(params, 'SmsStatus');
  const progress = messageProgressOf(status);
  if (!progress) throw unknownValue('MessageStatus', status);
  const errorCode = optionalParam(params, 'ErrorCode');
  return {
    messageId,
    carrierMessageId,
    progress,
    reportedAt: reportedAtOf(params, receivedAt),
    ...(errorCode !== undefined ? { errorCode } : {}),
  };
};

/** A text a contact sent us; an empty body (a picture alone) is still a message. */
export const inboundSmsOf = (params: TwilioParams, receivedAt: Date): InboundSms => ({
  carrierMessageId: optionalParam(params, 'MessageSid') ?? requiredParam(params, 'SmsSid'),
  from: requiredParam(params, 'From'),
  to: requiredParam(params, 'To'),
  body: typeof params['Body'] === 'string' ? params['Body'] : '',
  receivedAt: receivedAt.toISOString(),
});
