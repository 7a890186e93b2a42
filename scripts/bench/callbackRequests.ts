import twilio from 'twilio';

export const benchAuthToken = 'bench-twilio-auth-token-0123456789';
export const benchCompanyId = '01900000-0000-7000-8000-0000000000c1';
export const benchCallId = (i: number): string => `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`;

/** Call i's "ringing" status callback, form-encoded and signed as Twilio signs it for this URL. */
export const signedStatusCallback = (publicUrl: string, i: number) => {
  const path = `/webhooks/twilio/voice/status?callId=${benchCallId(i)}`;
  const params = {
    AccountSid: 'AC00000000000000000000000000000000',
    CallSid: `CA${String(i).padStart(32, '0')}`,
    CallStatus: 'ringing',
    SequenceNumber: '1',
    Timestamp: new Date().toUTCString(),
  };
  return {
    path,
    body: new URLSearchParams(params).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(benchAuthToken, `${publicUrl}${path}`, params),
    },
  };
};
