import { assertNever, type Command, type Decider } from '../decider.ts';
import type { ScheduledStep, WorkflowEvent } from './events.ts';

export type PlanWorkflowSteps = Command<
  'PlanWorkflowSteps',
  { campaignId: string; contactId: string; factsSeen: number; steps: readonly ScheduledStep[]; plannedAt: string }
>;

/** Facts reviewed so far, and each planned step with the instant it is due. */
export type WorkflowState = { readonly factsSeen: number; readonly planned: ReadonlyMap<string, string> };

const initialState = (): WorkflowState => ({ factsSeen: 0, planned: new Map() });

/** A step is recorded when new, or when it moved later (a text held back to the next window opening). */
const isNews = (state: WorkflowState, step: ScheduledStep): boolean => {
  const planned = state.planned.get(step.step);
  return planned === undefined || Date.parse(step.dueAt) > Date.parse(planned);
};

/** Keeps only new or postponed steps; a review that learnt nothing new records nothing. */
const decide = (command: PlanWorkflowSteps, state: WorkflowState): WorkflowEvent[] => {
  switch (command.type) {
    case 'PlanWorkflowSteps': {
      const steps = command.data.steps.filter((s) => isNews(state, s));
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
        planned: new Map([...state.planned, ...event.data.steps.map((s) => [s.step, s.dueAt] as const)]),
      };
    default:
      return assertNever(event.type);
  }
};

/** A campaign contact's workflow: each step planned once, however many runners review the contact. */
export const workflowDecider: Decider<WorkflowState, PlanWorkflowSteps, WorkflowEvent> = {
  decide,
  evolve,
  initialState,
};
