import { workflowDecider, type PlanWorkflowSteps } from '../../../domain/workflow/decider.ts';
import type { ScheduledStep, WorkflowEvent } from '../../../domain/workflow/events.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';

const spec = deciderSpecification(workflowDecider);
const base = { campaignId: 'campaign-1', contactId: 'contact-1', plannedAt: '2026-03-02T15:00:00.000Z' };
const step = (id: string, dueAt = '2026-03-02T15:00:00.000Z'): ScheduledStep => ({
  step: id,
  messageId: `m-${id}`,
  channel: 'sms',
  dueAt,
});
const plan = (factsSeen: number, steps: ScheduledStep[]): PlanWorkflowSteps => ({
  type: 'PlanWorkflowSteps',
  data: { ...base, factsSeen, steps },
});
const planned = (factsSeen: number, steps: ScheduledStep[]): WorkflowEvent => ({
  type: 'WorkflowStepsPlanned',
  data: { ...base, factsSeen, steps },
});

describe('workflow: planning a contact steps', () => {
  it('plans the steps a review found', () =>
    spec
      .given([])
      .when(plan(1, [step('w1.s1'), step('w1.s2')]))
      .then([planned(1, [step('w1.s1'), step('w1.s2')])]));

  it('plans each step once: a later review keeps only new steps', () =>
    spec
      .given([planned(1, [step('w1.s1')])])
      .when(plan(2, [step('w1.s1'), step('w2.s1')]))
      .then([planned(2, [step('w2.s1')])]));

  it('records a review that found new facts but no step, so the contact is not woken for them again', () =>
    spec
      .given([planned(1, [step('w1.s1')])])
      .when(plan(2, [step('w1.s1')]))
      .then([planned(2, [])]));

  it('records a step again when it moved later, never earlier', () => {
    spec
      .given([planned(1, [step('w1.s1')])])
      .when(plan(1, [step('w1.s1', '2026-03-03T14:00:00.000Z')]))
      .then([planned(1, [step('w1.s1', '2026-03-03T14:00:00.000Z')])]);
    spec
      .given([planned(1, [step('w1.s1', '2026-03-03T14:00:00.000Z')])])
      .when(plan(1, [step('w1.s1')]))
      .then([]);
  });

  it('records nothing for a review that learnt nothing new (a second runner, a repeat)', () => {
    spec
      .given([planned(2, [step('w1.s1')])])
      .when(plan(2, [step('w1.s1')]))
      .then([]);
    spec
      .given([planned(2, [step('w1.s1')])])
      .when(plan(1, []))
      .then([]);
  });
});
