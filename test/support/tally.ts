import * as t from 'io-ts';
import type { Decider } from '../../domain/decider.ts';
import { IllegalStateError } from '../../domain/errors.ts';
import { eventRegistry, type EventDefinition } from '../../domain/events/eventRegistry.ts';
import type { CommandContext } from '../../commands/commandContext.ts';
import type { NewEvent } from '../../domain/events/event.ts';
import { eventId } from '../../commands/eventIds.ts';

/** A tiny decider the store and handler tests drive: a tally that counts up and can be closed. */
export type TallyEvent =
  | { type: 'TallyOpened'; data: { tallyId: string; companyId: string } }
  | { type: 'TallyIncremented'; data: { tallyId: string; companyId: string; by: number } }
  | { type: 'TallyClosed'; data: { tallyId: string; companyId: string } };

export type TallyCommand =
  | { type: 'Increment'; data: { tallyId: string; companyId: string; by: number } }
  | { type: 'Close'; data: { tallyId: string; companyId: string } };

export type TallyState = { status: 'none' | 'open' | 'closed'; total: number };

const ids = { tallyId: t.string, companyId: t.string };

export const tallyEventDefinitions: EventDefinition[] = [
  { type: 'TallyOpened', codec: t.type(ids), schemaVersion: 1 },
  {
    type: 'TallyIncremented',
    codec: t.type({ ...ids, by: t.number }),
    schemaVersion: 2,
    // Version 1 called the amount `amount`.
    upcasters: {
      1: (data: unknown) => {
        const { amount, ...rest } = data as { amount: number };
        return { ...rest, by: amount };
      },
    },
  },
  { type: 'TallyClosed', codec: t.type(ids), schemaVersion: 1 },
];

export const tallyRegistry = eventRegistry(tallyEventDefinitions);

export const tallyDecider: Decider<TallyState, TallyCommand, TallyEvent> = {
  initialState: () => ({ status: 'none', total: 0 }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'TallyOpened':
        return { ...state, status: 'open' };
      case 'TallyIncremented':
        return { ...state, total: state.total + event.data.by };
      case 'TallyClosed':
        return { ...state, status: 'closed' };
    }
  },
  decide: (command, state) => {
    if (state.status === 'closed') throw new IllegalStateError('TALLY.CLOSED', 'the tally is closed');
    switch (command.type) {
      case 'Increment': {
        const incremented: TallyEvent = { type: 'TallyIncremented', data: command.data };
        if (state.status === 'none') {
          const { tallyId, companyId } = command.data;
          return [{ type: 'TallyOpened', data: { tallyId, companyId } }, incremented];
        }
        return incremented;
      }
      case 'Close':
        return { type: 'TallyClosed', data: command.data };
    }
  },
};

let sequence = 0;

/** A command context with a fresh command id, at a fixed or given time. */
export const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  commandId: `command-${process.pid}-${Date.now()}-${++sequence}`,
  companyId: 'company-1',
  actor: 'test',
  now: new Date('2026-11-30T12:00:00.000Z'),
  ...overrides,
});

/** Ready-to-append tally events for store tests that bypass the handler. */
export const tallyEvents = (
  tallyId: string,
  count: number,
  commandId = `append-${++sequence}-${tallyId}`,
): NewEvent[] =>
  Array.from({ length: count }, (_, i) => ({
    id: eventId(commandId, i, new Date()),
    type: 'TallyIncremented',
    data: { tallyId, companyId: 'company-1', by: i + 1 },
    metadata: {
      companyId: 'company-1',
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: 'test',
      occurredAt: new Date().toISOString(),
      schemaVersion: 2,
    },
  }));

/** A read model of tallies: one document each with its running total. */
export const tallyProjection = (version = 1) => ({
  name: 'tallies',
  version,
  collections: [
    {
      name: 'tallies',
      indexes: [
        {
          fields: [
            ['companyId', 1],
            ['total', -1],
          ] as [string, 1 | -1][],
        },
      ],
    },
  ],
  eventTypes: ['TallyOpened', 'TallyIncremented', 'TallyClosed'],
  project: (event: { type: string; data: unknown; position: bigint }) => {
    const data = event.data as { tallyId: string; companyId: string; by?: number };
    return [
      {
        collection: 'tallies',
        id: data.tallyId,
        apply: (current: Record<string, unknown> | undefined) => {
          const base = {
            _id: data.tallyId,
            companyId: data.companyId,
            total: 0,
            events: 0,
            status: 'open',
            shape: version,
            ...current,
          };
          if (event.type === 'TallyIncremented')
            return { ...base, total: (base.total as number) + (data.by ?? 0), events: (base.events as number) + 1 };
          if (event.type === 'TallyClosed') return { ...base, status: 'closed' };
          return base;
        },
      },
    ];
  },
});
