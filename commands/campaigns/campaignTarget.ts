import { expectedAt } from '../expectedRevision.ts';
import type { HandleOptions } from '../handleCommand.ts';

/** The campaign a request addresses, with the revision its If-Match names, if any. */
export type Target = { readonly campaignId: string; readonly expectedRevision?: number };

/** The handler's expectation for a target: its If-Match revision, or none. */
export const expectedBy = ({ expectedRevision }: Target): HandleOptions =>
  expectedRevision === undefined ? {} : { expectedRevision: expectedAt(expectedRevision) };
