import type { Projection } from './projection.ts';
import { campaignsProjection } from './campaigns/campaignsProjection.ts';
import { formsProjection } from './forms/formsProjection.ts';
import { agentsProjection } from './agents/agentsProjection.ts';
import { companySettingsProjection } from './company/companySettingsProjection.ts';
import { apiKeysProjection } from './company/apiKeysProjection.ts';
import { listsProjection } from './lists/listsProjection.ts';
import { listCasesProjection } from './lists/listCasesProjection.ts';
import { dueQueueProjection } from './outreach/dueQueueProjection.ts';
import { dispatchCampaignsProjection } from './outreach/dispatchCampaignsProjection.ts';
import { dispatchedCallsProjection } from './outreach/dispatchedCallsProjection.ts';
import { optOutsProjection } from './consent/optOutsProjection.ts';
import { dueMessagesProjection } from './outreach/dueMessagesProjection.ts';
import { campaignContactsProjection } from './campaignContacts/campaignContactsProjection.ts';
import { inboundRoutingProjection } from './outreach/inboundRoutingProjection.ts';
import { sentTextsProjection } from './outreach/sentTextsProjection.ts';
import { scheduledReportsProjection } from './scheduledReports/scheduledReportsProjection.ts';
import { contactTimelineProjection } from './contactTimeline/contactTimelineProjection.ts';
import { campaignOptOutsProjection } from './consent/campaignOptOutsProjection.ts';
import { contactEngagementProjection } from './reports/engagement/contactEngagementProjection.ts';
import { callRecordsProjection } from './reports/calls/callRecordsProjection.ts';
import { webhookDeliveriesProjection } from './webhooks/webhookDeliveriesProjection.ts';

/** The read models the engine keeps; each one's runner follows the event store from its checkpoint. */
export const engineProjections: readonly Projection[] = [
  formsProjection as Projection,
  agentsProjection as Projection,
  companySettingsProjection as Projection,
  apiKeysProjection as Projection,
  listsProjection as Projection,
  listCasesProjection as Projection,
  campaignsProjection as Projection,
  dueQueueProjection as Projection,
  dispatchCampaignsProjection as Projection,
  dispatchedCallsProjection as Projection,
  optOutsProjection as Projection,
  dueMessagesProjection as Projection,
  campaignContactsProjection as Projection,
  inboundRoutingProjection as Projection,
  sentTextsProjection as Projection,
  scheduledReportsProjection as Projection,
  contactTimelineProjection as Projection,
  campaignOptOutsProjection as Projection,
  contactEngagementProjection as Projection,
  callRecordsProjection as Projection,
  webhookDeliveriesProjection as Projection,
];
