import type { ConsentCommands } from '../../consent/consentCommands.ts';
import { unsubscribeContext, type UnsubscribeTokens } from '../../consent/unsubscribeTokens.ts';

export type UnsubscribeClickOutcome = 'recorded' | 'already_opted_out' | 'refused';

/**
 * A one-click unsubscribe reaching us other than through our route (the simulated mailbox provider):
 * the link's token is checked and honoured with the very opt-out the `/unsubscribe/:token` route records.
 */
export const emailUnsubscribeClick =
  (consent: ConsentCommands, tokens: UnsubscribeTokens, newId: () => string) =>
  async (url: string, at: Date): Promise<UnsubscribeClickOutcome> => {
    const token = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    const check = tokens.check(token, at);
    if (!check.valid) return 'refused';
    const { claims } = check;
    const result = await consent.optOut(
      { address: claims.address, source: 'email_unsubscribe', context: unsubscribeContext(claims) },
      { commandId: newId(), companyId: claims.companyId, actor: 'email-unsubscribe-link', now: at },
    );
    return result.newEvents.length > 0 ? 'recorded' : 'already_opted_out';
  };
