import { Router } from 'express';
import * as t from 'io-ts';
import { loadCompany } from '../../commands/company/loadCompany.ts';
import { updateCampaignSettings } from '../../commands/company/updateCampaignSettings.ts';
import { updateEmailSettings } from '../../commands/company/updateEmailSettings.ts';
import { MAX_POSTAL_ADDRESS, MAX_POSTAL_ADDRESS_LINES } from '../../domain/company/postalAddress.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { FiniteNumber } from '../../domain/values.ts';
import { COMPANY_SETTINGS } from '../../projections/company/companySettingsProjection.ts';
import { companyScope } from '../../projections/companyScope.ts';
import type { ResourceRouter } from '../engineContext.ts';
import { callerOf } from '../caller.ts';
import { commandContextOf } from '../commandContextOf.ts';
import { decodeBody } from '../decodeBody.ts';
import { problemResponse } from '../openapi.ts';
import { commandDone, resource } from '../responses.ts';
import { documentedRoute } from '../routeRegistry.ts';
import { named } from '../../domain/namedValue.ts';

/** Shapes only: the rules (ranges, zone, slot bounds, overlaps) are the decider's, reported all at once. */
const CampaignSettingsBody = t.type({
  concurrencyRate: FiniteNumber,
  outboundLines: FiniteNumber,
  timezone: t.string,
  defaultBusinessHours: t.array(t.type({ days: t.array(t.string), start: t.string, end: t.string })),
});

const SlotAnswer = t.type({ days: t.array(t.string), start: t.string, end: t.string });
const SettingsAnswer = t.type({
  concurrencyRate: FiniteNumber,
  outboundLines: FiniteNumber,
  timezone: t.string,
  defaultBusinessHours: t.array(SlotAnswer),
  isDefault: t.boolean,
});
const CampaignsAnswer = t.intersection([SettingsAnswer, t.type({ updatedAt: t.union([t.string, t.null]) })]);

/** Shapes only: the address's rules (lines, length) are the decider's. */
const EmailSettingsBody = t.type({ postalAddress: t.string }, 'EmailSettings');
const EmailAnswer = t.type({ postalAddress: t.union([t.string, t.null]), updatedAt: t.union([t.string, t.null]) });

const tags = ['Company'];
const unauthorized = problemResponse('No API key, or a revoked one');

/** The caller's company settings: read from the read model, changed through the company stream. */
export const settingsRouter: ResourceRouter = (ctx) => {
  const router = Router();
  const federal = ctx.compliance.callingHours.federal;
  const update = updateCampaignSettings({ store: ctx.eventStore, registry: ctx.registry, federalHours: federal });
  const updateEmail = updateEmailSettings({ store: ctx.eventStore, registry: ctx.registry });

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'get',
      path: '/v1/settings',
      summary: 'Company settings',
      description:
        'Until the company sets its own, campaigns use the defaults (`isDefault: true`): 100 % of 1 outbound line, America/New_York, Monday to Friday 09:00-17:00. ' +
        '`email.postalAddress` is null until set; campaigns with email steps cannot launch without it.',
      tags,
      security: 'apiKey',
      responses: {
        200: {
          description: 'The settings',
          schema: t.type({
            id: t.string,
            companyId: t.string,
            name: t.string,
            campaigns: CampaignsAnswer,
            email: EmailAnswer,
          }),
        },
        401: unauthorized,
      },
    },
    async (req, res) => {
      const { companyId } = callerOf(req);
      const doc = await companyScope(ctx.readStore, companyId).get(COMPANY_SETTINGS, companyId);
      if (doc) return void res.json(resource(doc));
      // The read model has not seen the company yet: its own stream answers.
      const company = await loadCompany(ctx.eventStore, companyId);
      if (company.status === 'None') throw new NotFoundError('COMPANY.NOT_FOUND', `No company ${named(companyId)}.`);
      res.json({
        id: companyId,
        companyId,
        name: company.name,
        campaigns: { ...company.campaignSettings, isDefault: !company.settingsCustomised, updatedAt: null },
        email: { postalAddress: company.postalAddress ?? null, updatedAt: null },
      });
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'put',
      path: '/v1/settings/campaigns',
      summary: "Replace the company's campaign defaults",
      description:
        'concurrencyRate: whole percent 1-100 of the outbound lines campaigns may use (the rest stays free for inbound calls); outboundLines: 1-10000; ' +
        'timezone: IANA zone; defaultBusinessHours: 1-50 slots `{days: [mon..sun], start, end}` (HH:mm), ' +
        `each inside the federal calling window in force (${federal.start}-${federal.end}), start before end, ` +
        'no two slots overlapping on a weekday (touching is fine). Every broken rule is reported at once. Campaigns in "company times" mode copy these.',
      tags,
      security: 'apiKey',
      requestBody: {
        schema: CampaignSettingsBody,
        example: {
          concurrencyRate: 50,
          outboundLines: 10,
          timezone: 'America/Chicago',
          defaultBusinessHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }],
        },
      },
      responses: {
        200: {
          description: 'The settings now in force and the position written',
          schema: t.type({ campaigns: SettingsAnswer, position: t.string }),
        },
        400: problemResponse('Every broken rule, each with its path (e.g. defaultBusinessHours.1.end)'),
        401: unauthorized,
      },
    },
    async (req, res) => {
      const body = decodeBody(CampaignSettingsBody, req.body);
      const context = commandContextOf(req, ctx);
      const { settings, position } = await update(body, context);
      commandDone(res, position, { campaigns: { ...settings, isDefault: false } });
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'put',
      path: '/v1/settings/email',
      summary: "Replace the company's email settings",
      description:
        `postalAddress: the company's valid physical postal address (street address or post office box), which CAN-SPAM requires in every commercial email (15 USC 7704(a)(5)); ` +
        `printed in the footer of every email next to the unsubscribe link. Lines separated by newlines, each trimmed, blank lines dropped; 1-${MAX_POSTAL_ADDRESS_LINES} lines, at most ${MAX_POSTAL_ADDRESS} characters. ` +
        'Campaigns with email steps cannot launch until it is set.',
      tags,
      security: 'apiKey',
      requestBody: {
        schema: EmailSettingsBody,
        example: { postalAddress: 'Hartley & Vance LLP\n100 N LaSalle St\nChicago, IL 60602' },
      },
      responses: {
        200: {
          description: 'The email settings now in force and the position written',
          schema: t.type({ email: t.type({ postalAddress: t.string }), position: t.string }),
        },
        400: problemResponse('The address is missing, too long or not plain text (path postalAddress)'),
        401: unauthorized,
      },
    },
    async (req, res) => {
      const body = decodeBody(EmailSettingsBody, req.body);
      const { settings, position } = await updateEmail(body, commandContextOf(req, ctx));
      commandDone(res, position, { email: settings });
    },
  );

  return router;
};
