import { randomUUID } from 'node:crypto';
import { EngineError } from '../../domain/errors.ts';
import type { EnrolledContact } from '../../domain/campaign/events.ts';
import type { MessageChannel } from '../../domain/message/events.ts';
import type { Email } from '../outreach/email.ts';
import type { Telephony } from '../outreach/telephony.ts';
import { unsubscribeHeaders } from '../consent/unsubscribeTokens.ts';
import type { MessageCommands } from './messageCommands.ts';
import { renderHtml, renderText, type TemplateFields } from './messageTemplates.ts';
import { emailFooter } from './emailFooter.ts';

/** Whether the address may still be reached on the channel, read from its consent stream right before sending. */
export type ConsentCheck = (companyId: string, address: string, channel: MessageChannel) => Promise<boolean>;

/** Where messages come from and where their callbacks and unsubscribe links lead. */
export type MessageRouting = {
  readonly smsFrom: string;
  readonly emailFrom: string;
  readonly smsStatusCallbackUrl: (messageId: string) => string;
  /** An RFC 8058 one-click unsubscribe link for this address. */
  readonly unsubscribeUrl: (
    claims: { companyId: string; address: string; campaignId: string; contactId: string; messageId: string },
    now: Date,
  ) => string;
};

export type SendDeps = {
  readonly messages: MessageCommands;
  readonly telephony: Telephony;
  readonly email: Email;
  readonly consent: ConsentCheck;
  readonly routing: MessageRouting;
};

export type StepToSend = {
  readonly companyId: string;
  readonly campaignId: string;
  readonly campaignName: string;
  readonly caseType: string;
  readonly companyName: string;
  /** The company's postal address, printed in every email; an email without one is withheld. */
  readonly postalAddress?: string;
  readonly contact: EnrolledContact;
  readonly messageId: string;
  readonly step: string;
  readonly channel: MessageChannel;
  readonly to: string;
  readonly subject?: string;
  readonly body: string;
};

/**
 * A fresh command id for each attempt to start a message stream: two runners sending the same step
 * must conflict on the stream (one loses), which identical event ids would hide as a harmless repeat.
 */
const claim = (): string => `message-claim/${randomUUID()}`;

export type SendOutcome = 'sent' | 'withheld' | 'failed' | 'already_handled';

const fieldsOf = (step: StepToSend): TemplateFields => ({
  contact: {
    name: step.contact.name,
    firstName: step.contact.name?.trim().split(/\s+/)[0],
    phone: step.contact.phone,
    email: step.contact.email,
    state: step.contact.state,
    timezone: step.contact.timezone,
  },
  case: { id: step.contact.caseId, externalId: step.contact.externalId, caseType: step.caseType },
  campaign: { id: step.campaignId, name: step.campaignName },
  company: { name: step.companyName },
});

/** The carrier's own words can hold the address; the record keeps the error's kind only. */
const failureReason = (error: unknown): string =>
  `carrier refused: ${error instanceof Error ? error.name : 'unknown error'}`;

/** Why a due step is withheld rather than sent, if it is. */
const withholding = async (deps: SendDeps, step: StepToSend): Promise<string | undefined> => {
  if (!(await deps.consent(step.companyId, step.to, step.channel))) return 'opted_out';
  // Launch refuses email steps without it; a campaign launched before that rule must not send email without it either.
  if (step.channel === 'email' && step.postalAddress === undefined) return 'no_postal_address';
  return undefined;
};

/**
 * Sends one due step: consent is read right before, the message is requested (on a stream that must
 * not exist) before the carrier is asked, and what the carrier answered is recorded after.
 */
export const sendWorkflowStep = async (deps: SendDeps, step: StepToSend, now: Date): Promise<SendOutcome> => {
  const { messages, routing } = deps;
  const context = { companyId: step.companyId, now };
  const origin = {
    messageId: step.messageId,
    campaignId: step.campaignId,
    contactId: step.contact.contactId,
    channel: step.channel,
    step: step.step,
  };
  try {
    const reason = await withholding(deps, step);
    if (reason !== undefined) {
      const withheld = await messages.run(
        { type: 'WithholdMessage', data: { ...origin, to: step.to, reason, at: now.toISOString() } },
        claim(),
        context,
      );
      return withheld.repeated ? 'already_handled' : 'withheld';
    }
    const fields = fieldsOf(step);
    const from = step.channel === 'sms' ? routing.smsFrom : routing.emailFrom;
    const unsubscribe =
      step.channel === 'email'
        ? routing.unsubscribeUrl(
            {
              companyId: step.companyId,
              address: step.to,
              campaignId: step.campaignId,
              contactId: step.contact.contactId,
              messageId: step.messageId,
            },
            now,
          )
        : undefined;
    const footer =
      unsubscribe !== undefined && step.postalAddress !== undefined
        ? emailFooter(step.postalAddress, unsubscribe)
        : undefined;
    const text = renderText(step.body, fields) + (footer?.text ?? '');
    const html = footer ? `${renderHtml(step.body, fields)}${footer.html}` : undefined;
    const subject = step.channel === 'email' ? renderText(step.subject ?? step.campaignName, fields) : undefined;
    const requested = await messages.run(
      {
        type: 'RequestMessage',
        data: {
          ...origin,
          to: step.to,
          from,
          body: text,
          requestedAt: now.toISOString(),
          ...(subject === undefined ? {} : { subject }),
          ...(html === undefined ? {} : { html }),
        },
      },
      claim(),
      context,
    );
    if (requested.repeated) return 'already_handled';
    try {
      const { carrierMessageId } =
        step.channel === 'sms'
          ? await deps.telephony.sendSms({
              messageId: step.messageId,
              to: step.to,
              from,
              body: text,
              statusCallbackUrl: routing.smsStatusCallbackUrl(step.messageId),
            })
          : await deps.email
              .send({
                messageId: step.messageId,
                from,
                to: step.to,
                subject: subject ?? '',
                text,
                ...(html === undefined ? {} : { html }),
                headers: unsubscribe ? unsubscribeHeaders(unsubscribe) : {},
              })
              .then((sent) => ({ carrierMessageId: sent.providerMessageId }));
      await messages.run(
        { type: 'RecordMessageSent', data: { messageId: step.messageId, carrierMessageId, sentAt: now.toISOString() } },
        `sent/${step.messageId}`,
        context,
      );
      return 'sent';
    } catch (error) {
      await messages.run(
        {
          type: 'RecordMessageFailure',
          data: { messageId: step.messageId, reason: failureReason(error), at: now.toISOString() },
        },
        `failed/${step.messageId}`,
        context,
      );
      return 'failed';
    }
  } catch (error) {
    // Another runner requested or withheld this step first.
    if (error instanceof EngineError && error.code === 'MESSAGE.ALREADY_DECIDED') return 'already_handled';
    throw error;
  }
};
