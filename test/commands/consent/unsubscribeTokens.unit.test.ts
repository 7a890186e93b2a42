import { expect } from 'chai';
import fc from 'fast-check';
import {
  UNSUBSCRIBE_LINK_DAYS,
  unsubscribeHeaders,
  unsubscribeTokens,
  unsubscribeUrl,
} from '../../../commands/consent/unsubscribeTokens.ts';

const now = new Date('2026-03-02T15:00:00Z');
const day = 86_400_000;
const tokens = unsubscribeTokens('a-secret-of-at-least-thirty-two-characters');
const claims = {
  companyId: 'co-1',
  address: 'jane@example.com',
  campaignId: 'camp-1',
  contactId: 'contact-1',
  messageId: 'msg-1',
};

describe('unsubscribe tokens', () => {
  it('carry company, address, campaign, contact and message, and stay valid for more than 30 days', () => {
    const token = tokens.issue(claims, now);
    expect(UNSUBSCRIBE_LINK_DAYS).to.be.greaterThan(30);
    expect(tokens.check(token, new Date(now.getTime() + 30 * day))).to.deep.equal({
      valid: true,
      claims: { ...claims, expiresAt: new Date(now.getTime() + UNSUBSCRIBE_LINK_DAYS * day).toISOString() },
    });
    expect(tokens.check(token, new Date(now.getTime() + UNSUBSCRIBE_LINK_DAYS * day))).to.deep.equal({
      valid: false,
      reason: 'expired',
    });
  });

  it('refuse a token signed with another secret, and any altered character', () => {
    const token = tokens.issue(claims, now);
    expect(unsubscribeTokens('another-secret-of-thirty-two-characters!').check(token, now)).to.deep.equal({
      valid: false,
      reason: 'forged',
    });
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...'ABCabc012-_'), (at, replacement) => {
        fc.pre(token[at] !== replacement && token[at] !== '.');
        const altered = token.slice(0, at) + replacement + token.slice(at + 1);
        expect(tokens.check(altered, now).valid, altered).to.equal(false);
      }),
    );
  });

  it('refuse anything that is not a token without throwing', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(tokens.check(text, now).valid).to.equal(false);
      }),
    );
    expect(tokens.check('u1.e30.' + 'A'.repeat(43), now)).to.deep.equal({ valid: false, reason: 'forged' });
  });

  it('make the RFC 8058 headers for the email sender', () => {
    const url = unsubscribeUrl('https://outreach.example.com/', 'u1.abc.def');
    expect(url).to.equal('https://outreach.example.com/unsubscribe/u1.abc.def');
    expect(unsubscribeHeaders(url)).to.deep.equal({
      'List-Unsubscribe': '<https://outreach.example.com/unsubscribe/u1.abc.def>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });
});
