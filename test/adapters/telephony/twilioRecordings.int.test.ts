import { expect } from 'chai';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { twilioRecordings } from '../../../adapters/telephony/twilio/twilioRecordings.ts';

const accountSid = 'AC0123456789abcdef0123456789abcdef';
const authToken = 'token-for-tests';
const recordingSid = 'RE0123456789abcdef0123456789abcdef';

describe('Twilio recordings fetched for the recording link', () => {
  let server: Server;
  let apiUrl: string;
  const seen: IncomingMessage[] = [];

  before(async () => {
    server = createServer((req, res) => {
      seen.push(req);
      if (req.url === `/2010-04-01/Accounts/${accountSid}/Recordings/${recordingSid}.mp3`) {
        res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': '3' }).end('ID3');
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (seen.length = 0));

  const recordings = () => twilioRecordings({ accountSid, authToken, apiUrl });

  it("given the account's recording URL, then its MP3 is fetched from the configured API with the account's credentials", async () => {
    const audio = await recordings().fetch(
      `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Recordings/${recordingSid}`,
    );
    expect(audio?.contentType).to.equal('audio/mpeg');
    expect(audio?.length).to.equal(3);
    expect(await text(audio!.body)).to.equal('ID3');
    expect(seen[0]!.headers.authorization).to.equal(
      `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
    );
  });

  it('given a recording the carrier no longer has, then none', async () => {
    expect(
      await recordings().fetch(
        `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Recordings/RE${'f'.repeat(32)}`,
      ),
    ).to.equal(undefined);
  });

  it("given an address that is not the account's own recording, then none, and the credentials go nowhere", async () => {
    for (const url of [
      `https://api.twilio.com/2010-04-01/Accounts/AC${'9'.repeat(32)}/Recordings/${recordingSid}`,
      `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Calls/CA${'1'.repeat(32)}`,
      'not a url',
    ])
      expect(await recordings().fetch(url), url).to.equal(undefined);
    expect(seen).to.have.length(0);
  });
});
