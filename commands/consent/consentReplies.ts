/** Who the texts come from, as the contact knows them: the company's name, and where to ask for help. */
export type ReplySender = { readonly name: string; readonly helpContact?: string };

/**
 * The texts the engine may send about consent. After an opt-out exactly one confirmation is allowed
 * (47 CFR 64.1200(a)(12)), so it says everything and offers nothing to buy.
 */
export const consentReplies = (sender: ReplySender) => ({
  optOutConfirmation: `${sender.name}: you are unsubscribed and will get no more calls or texts from us at this number. Reply START to get texts again.`,
  optInConfirmation: `${sender.name}: you will get texts from us again. Reply STOP to opt out, HELP for help.`,
  help: `${sender.name}: messages about your case.${sender.helpContact ? ` Help: ${sender.helpContact}.` : ''} Reply STOP to opt out. Msg & data rates may apply.`,
});
