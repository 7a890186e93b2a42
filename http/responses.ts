import type { Response } from 'express';
import type { Doc, Page } from '../projections/readStore.ts';

/** Global positions travel as decimal strings: JSON numbers cannot hold every 64-bit position. */
export const positionJson = (position: bigint): string => String(position);

/** 201 with the new resource (its `id` included) and the position the command wrote. */
export const created = (res: Response, resource: Record<string, unknown>, position: bigint): void => {
  res.status(201).json({ ...resource, position: positionJson(position) });
};

/** 200 (or 202) with the position a command wrote and anything else it answers. */
export const commandDone = (
  res: Response,
  position: bigint,
  body: Record<string, unknown> = {},
  status: 200 | 202 = 200,
): void => {
  res.status(status).json({ ...body, position: positionJson(position) });
};

/** Read-model fields that are the store's business, not the client's. */
const present = ({ _id, ...rest }: Doc): Record<string, unknown> => ({ id: _id, ...rest });

/** A read-model document as clients see it: `id` rather than `_id`. */
export const resource = (doc: Doc): Record<string, unknown> => present(doc);

/** `{items, next}` where `next` is the cursor for `?after=`. */
export const pageJson = <D extends Doc>(res: Response, page: Page<D>, map: (doc: D) => unknown = resource): void => {
  res.json({ items: page.items.map(map), next: page.next });
};

type ObjectSchema = {
  readonly required: readonly string[];
  readonly properties: Record<string, unknown>;
  readonly [key: string]: unknown;
};

/** The `position` a command answers, as documented: the same key's later GETs wait for it; other readers pass it on. */
export const positionProperty = {
  type: 'string',
  description:
    'global position written; later GETs with the same key wait for it, other readers pass it as ?minPosition=',
} as const;

/** A resource's documented schema as a command answers it: with the `position` it wrote. */
export const withPosition = <S extends ObjectSchema>(schema: S) => ({
  ...schema,
  required: [...schema.required, 'position'],
  properties: { ...schema.properties, position: positionProperty },
});
