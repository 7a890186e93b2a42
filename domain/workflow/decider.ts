import { assertNever, type Command, type Decider } from '../decider.ts';
import type { ScheduledStep, WorkflowEvent } from './events.ts';

export type PlanWorkflowSteps = Command<
  'PlanWorkflowSteps',
  { campaignId: string; contactId: string; factsSeen: number; steps: readonly ScheduledStep[]; plannedAt: string }
>;

export type WorkflowState = { readonly factsSeen: number; readonly planned: ReadonlySet<string> };

const initialState = (): WorkflowState => ({ factsSeen: 0, planned: new Set() });

/** Keeps only steps never planned; a review that learnt nothing new records nothing. */
const decide = (command: PlanWorkflowSteps, state: WorkflowState): WorkflowEvent[] => {
  switch (command.type) {
    case 'PlanWorkflowSteps': {
      const steps = command.data.steps.filter((s) => !state.planned.has(s.step));
      if (steps.length === 0 && command.data.factsSeen <= state.factsSeen) return [];
      const factsSeen = Math.max(command.data.factsSeen, state.factsSeen);
      return [{ type: 'WorkflowStepsPlanned', data: { ...command.data, factsSeen, steps } }];
    }
    default:
      return assertNever(command.type);
  }
};

const evolve = (state: WorkflowState, event: WorkflowEvent): WorkflowState => {
  switch (event.type) {
    case 'WorkflowStepsPlanned':
      return {
        factsSeen: Math.max(state.factsSeen, event.data.factsSeen),
        planned: new Set([...state.planned, ...event.data.steps.map((s) => s.step)]),
      };
    default:
      return assertNever(event.type);
  }
};

/** A campaign contact's workflow: each step planned once, however many runners review the contact. */
export const workflowDecider: Decider<WorkflowState, PlanWorkflowSteps, WorkflowEvent> = { decide, evolve, initialState };
