import type { Request } from 'express';
import { NotFoundError } from '../../domain/errors.ts';
import { Id } from '../../domain/values.ts';
import { companyScope } from '../../projections/companyScope.ts';
import { LISTS } from '../../projections/lists/listsProjection.ts';
import type { Doc } from '../../projections/readStore.ts';
import { callerOf } from '../caller.ts';
import type { EngineContext } from '../engineContext.ts';

/** The `:id` of a list route; an id that cannot be a list's is no list at all. */
export const listIdOf = (req: Request): string => {
  const id = String(req.params['id']);
  if (!Id.is(id)) throw new NotFoundError('LIST.NOT_FOUND', 'No such list.');
  return id;
};

/** The caller's list as the read model has it; another company's list is as good as missing. */
export const listOfCaller = async (ctx: EngineContext, req: Request): Promise<Doc> => {
  const doc = await companyScope(ctx.readStore, callerOf(req).companyId).get(LISTS, listIdOf(req));
  if (!doc) throw new NotFoundError('LIST.NOT_FOUND', 'No such list.');
  return doc;
};
