import { expect } from 'chai';
import { loggedUrl } from '../../http/loggedUrl.ts';

describe('loggedUrl', () => {
  const cases: [string, string][] = [
    ['/v1/campaigns/c-1/contacts?search=2025550143', '/v1/campaigns/c-1/contacts?search=[redacted]'],
    [
      '/v1/campaigns/c-1/contacts?status=active&search=Jane%20Roe',
      '/v1/campaigns/c-1/contacts?status=active&search=[redacted]',
    ],
    ['/v1/lists?token=oek_0190f0e4_0190f0e5_Zm9vYmFy', '/v1/lists?token=[redacted]'],
    [
      '/v1/lists?apiKey=abc&access_token=def&Signature=x',
      '/v1/lists?apiKey=[redacted]&access_token=[redacted]&Signature=[redacted]',
    ],
    [
      '/v1/lists?note=oek_0190f0e4_0190f0e5_Zm9vYmFy&filter=jane.roe&x',
      '/v1/lists?note=[redacted]&filter=[redacted]&x',
    ],
    ['/v1/lists?status=oek_0190f0e4_0190f0e5_Zm9vYmFy', '/v1/lists?status=oek_[redacted]'],
    ['/v1/lists?status=12025550143', '/v1/lists?status=*********43'],
    ['/v1/lists?status=4420718387', '/v1/lists?status=********87'],
    ['/v1/lists?status=%28202%29%20555-0143', '/v1/lists?status=(***)%20***-**43'],
    ['/v1/lists?status=jane.doe%40example.com', '/v1/lists?status=j***@example.com'],
    ['/v1/lists?status=%252B442071838750', '/v1/lists?status=%2B**********50'],
    ['/v1/lists/%252B13125550111', '/v1/lists/%2B*********11'],
    ['/unsubscribe/u1.eyJjIjoiYSJ9.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXI', '/unsubscribe/u1.[redacted]'],
    ['/v1/lists/2025550143', '/v1/lists/********43'],
    ['/v1/lists/442071838750/cases', '/v1/lists/**********50/cases'],
    ['/v1/lists/020%207183%208750', '/v1/lists/***%20****%20**50'],
    ['/v1/lists/jane.roe/cases', '/v1/lists/[redacted]/cases'],
    ['/v1/lists/Jane%20Roe', '/v1/lists/[redacted]'],
    ['/v1/lists/jane.roe%40example.com', '/v1/lists/j***@example.com'],
    ['/openapi.json', '/openapi.json'],
    [
      '/webhooks/twilio/voice/status?callId=0190f0e4-7b1a-7c3e-9a2b-3c4d5e6f7a8b',
      '/webhooks/twilio/voice/status?callId=0190f0e4-7b1a-7c3e-9a2b-3c4d5e6f7a8b',
    ],
    [
      '/v1/campaigns/c-1?asOf=2026-12-07T04:00:00Z&minPosition=123456789012',
      '/v1/campaigns/c-1?asOf=2026-12-07T04%3A00%3A00Z&minPosition=123456789012',
    ],
    ['/v1/campaigns?limit=50&after=abc', '/v1/campaigns?limit=50&after=abc'],
    ['/v1/lists?status=%E0%A4%A', '/v1/lists?status=%25E0%25A4%25A'],
  ];
  for (const [url, logged] of cases) it(`logs ${url} as ${logged}`, () => expect(loggedUrl(url)).to.equal(logged));
});
