import { expect } from 'chai';
import { withOurId } from '../../../adapters/telephony/twilio/callbackUrls.ts';
import { closestCall } from '../../../adapters/telephony/twilio/closestCall.ts';
import { rebaseUri } from '../../../adapters/telephony/twilio/twilioApiUrl.ts';

describe('Twilio adapter pieces', () => {
  it('rebases Twilio URIs onto a compatible API, keeping path and query', () => {
    expect(
      rebaseUri(
        'https://api.twilio.com/2010-04-01/Accounts/AC1/Calls.json?To=%2B1',
        'https://space.signalwire.com/api/laml/',
      ),
    ).to.equal('https://space.signalwire.com/api/laml/2010-04-01/Accounts/AC1/Calls.json?To=%2B1');
    expect(
      rebaseUri('https://api.sydney.au1.twilio.com/2010-04-01/Accounts/AC1/Messages.json', 'http://127.0.0.1:9999'),
    ).to.equal('http://127.0.0.1:9999/2010-04-01/Accounts/AC1/Messages.json');
  });

  it('adds our id to a callback URL, keeping its own query', () => {
    expect(withOurId('https://e.example/webhooks/twilio/voice/status?tenant=a', 'callId', 'c 1')).to.equal(
      'https://e.example/webhooks/twilio/voice/status?tenant=a&callId=c+1',
    );
  });

  it('finds the call created closest to the request, within a minute before to five after', () => {
    const at = new Date('2026-03-02T15:00:00Z');
    const listed = (sid: string, iso: string) => ({ sid, status: 'queued', createdAt: new Date(iso) });
    const calls = [
      listed('early', '2026-03-02T14:58:00Z'),
      listed('it', '2026-03-02T15:00:01Z'),
      listed('later', '2026-03-02T15:03:00Z'),
    ];
    expect(closestCall(calls, at)?.sid).to.equal('it');
    expect(closestCall([calls[0]!, calls[2]!], at)?.sid).to.equal('later');
    expect(closestCall([calls[0]!, listed('too late', '2026-03-02T15:05:01Z')], at)).to.equal(undefined);
    expect(closestCall([listed('skewed', '2026-03-02T14:59:30Z')], at)?.sid).to.equal('skewed');
  });
});
