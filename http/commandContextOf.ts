import type { Request } from 'express';
import type { CommandContext } from '../commands/commandContext.ts';
import { callerOf } from './caller.ts';
import type { EngineContext } from './engineContext.ts';
import { idempotentCommandId } from './idempotency/idempotentCommandId.ts';

/** The command context of a request: its caller, the time now, and a command id (stable under Idempotency-Key). */
export const commandContextOf = (req: Request, ctx: Pick<EngineContext, 'clock' | 'newId'>): CommandContext => {
  const caller = callerOf(req);
  return {
    commandId: idempotentCommandId(req) ?? ctx.newId(),
    companyId: caller.companyId,
    actor: caller.actor,
    now: ctx.clock(),
  };
};
