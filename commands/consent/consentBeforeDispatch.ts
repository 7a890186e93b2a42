import { consentOf, type ConsentReader } from './consentOf.ts';
import { honourUnroutedRevocations, type UnroutedTextDeps } from './unroutedTexts.ts';

/**
 * Consent as a dispatch must read it: the address's consent stream, after any revocation the person
 * texted before a company could be found for it has been recorded there. Deciding it here, right
 * before every call and text, is what cannot miss: whenever a company comes to use the number the
 * person texted, its first dispatch to them records the opt-out first and is withheld.
 */
export const consentBeforeDispatch = (deps: UnroutedTextDeps & { readonly clock: () => Date }): ConsentReader => {
  const honour = honourUnroutedRevocations(deps);
  return async (companyId, address) => {
    const consent = await consentOf(deps.eventStore, companyId, address);
    // Already blocked on both phone channels: nothing an unrouted text could add.
    if (consent.address.kind !== 'phone' || (consent.blocked.voice && consent.blocked.sms)) return consent;
    return (await honour(companyId, address, deps.clock())) > 0
      ? consentOf(deps.eventStore, companyId, address)
      : consent;
  };
};
