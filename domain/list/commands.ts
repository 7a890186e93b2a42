import type { Command } from '../decider.ts';
import type { Case } from './events.ts';

/** Create a list of cases of one case type. The id is chosen by the caller. */
export type CreateList = Command<'CreateList', { listId: string; companyId: string; name: string; caseType: string }>;

/** Add normalised cases; the ones the list cannot take are named, the rest are kept. */
export type AddCases = Command<'AddCases', { listId: string; companyId: string; cases: readonly Case[] }>;

export type ListCommand = CreateList | AddCases;
