import { IllegalStateError, NotFoundError } from '../../../domain/errors.ts';
import type { ScheduledReportCommand } from '../../../domain/scheduledReport/commands.ts';
import {
  scheduledReportsDecider,
  REPORT_RUN_CLAIMED,
  REPORT_RUN_NOT_OPEN,
  REPORT_SCHEDULE_NOT_FOUND,
} from '../../../domain/scheduledReport/decider.ts';
import type { ScheduledReport, ScheduledReportEvent } from '../../../domain/scheduledReport/events.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';

const spec = deciderSpecification(scheduledReportsDecider);
const campaignId = 'c1';
const now = '2026-12-01T12:00:00.000Z';
const weekly: ScheduledReport = {
  id: 's1',
  report: 'calls',
  frequency: 'weekly',
  dayOfWeek: 'mon',
  time: '07:00',
  recipients: ['ops@example.com'],
};
const added: ScheduledReportEvent = {
  type: 'ScheduledReportAdded',
  data: { campaignId, schedule: weekly, addedAt: now },
};
const claim = (period: string): ScheduledReportCommand => ({
  type: 'ClaimReportRun',
  data: {
    campaignId,
    reportId: 's1',
    period,
    dueAt: `${period}T12:00:00.000Z`,
    window: {},
    recipients: weekly.recipients,
    now,
  },
});
const claimed = (period: string): ScheduledReportEvent => ({
  type: 'ScheduledReportRunClaimed',
  data: {
    campaignId,
    reportId: 's1',
    runId: `s1/${period}`,
    period,
    dueAt: `${period}T12:00:00.000Z`,
    window: {},
    recipients: weekly.recipients,
    messageId: `report.c1.s1.${period}`,
    claimedAt: now,
  },
});

describe('Scheduled reports of a launched campaign', () => {
  it('given a launched schedule, when it is removed, then it is removed; removing it again is not found', () => {
    spec
      .given([])
      .when({ type: 'RemoveScheduledReport', data: { campaignId, reportId: 'r1', launched: ['r1'], now } })
      .then([{ type: 'ScheduledReportRemoved', data: { campaignId, reportId: 'r1', removedAt: now } }]);
    spec
      .given([{ type: 'ScheduledReportRemoved', data: { campaignId, reportId: 'r1', removedAt: now } }])
      .when({ type: 'RemoveScheduledReport', data: { campaignId, reportId: 'r1', launched: ['r1'], now } })
      .thenThrows(NotFoundError, undefined, REPORT_SCHEDULE_NOT_FOUND);
  });

  it('when an unknown schedule is removed, then it is refused and nothing is recorded', () => {
    spec
      .given([added])
      .when({ type: 'RemoveScheduledReport', data: { campaignId, reportId: 'nope', launched: ['r1'], now } })
      .thenThrows(NotFoundError, /nope/, REPORT_SCHEDULE_NOT_FOUND);
  });

  it('when a run is claimed, then its period and message id are recorded before anything is sent', () => {
    spec
      .given([added])
      .when(claim('2026-12-07'))
      .then([claimed('2026-12-07')]);
  });

  it('given a claimed period, when it is claimed again, then it is refused: a run is never sent twice', () => {
    spec
      .given([
        added,
        claimed('2026-12-07'),
        {
          type: 'ScheduledReportSent',
          data: {
            campaignId,
            reportId: 's1',
            runId: 's1/2026-12-07',
            sentAt: now,
            rows: 3,
            recipients: weekly.recipients,
            messageIds: ['m'],
          },
        },
      ])
      .when(claim('2026-12-07'))
      .thenThrows(IllegalStateError, undefined, REPORT_RUN_CLAIMED);
  });

  it('given a run still waiting for its outcome, when the next period is claimed, then it is refused', () => {
    spec
      .given([added, claimed('2026-12-07')])
      .when(claim('2026-12-14'))
      .thenThrows(IllegalStateError, undefined, REPORT_RUN_CLAIMED);
  });

  it('given a removed schedule, when a run is claimed, then it is refused', () => {
    spec
      .given([added, { type: 'ScheduledReportRemoved', data: { campaignId, reportId: 's1', removedAt: now } }])
      .when(claim('2026-12-07'))
      .thenThrows(NotFoundError);
  });

  it('given a claimed run, when it is sent, then rows, recipients and message ids are recorded; an outcome without a claim is refused', () => {
    spec
      .given([added, claimed('2026-12-07')])
      .when({
        type: 'RecordReportSent',
        data: { campaignId, runId: 's1/2026-12-07', rows: 3, messageIds: ['m1'], now },
      })
      .then([
        {
          type: 'ScheduledReportSent',
          data: {
            campaignId,
            reportId: 's1',
            runId: 's1/2026-12-07',
            sentAt: now,
            rows: 3,
            recipients: ['ops@example.com'],
            messageIds: ['m1'],
          },
        },
      ]);
    spec
      .given([added])
      .when({ type: 'RecordReportFailed', data: { campaignId, runId: 's1/2026-12-07', error: 'x', now } })
      .thenThrows(IllegalStateError, undefined, REPORT_RUN_NOT_OPEN);
  });
});
