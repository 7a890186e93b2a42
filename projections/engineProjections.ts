import type { Projection } from './projection.ts';
import { companySettingsProjection } from './company/companySettingsProjection.ts';
import { apiKeysProjection } from './company/apiKeysProjection.ts';

/** The read models the engine keeps; each one's runner follows the event store from its checkpoint. */
export const engineProjections: readonly Projection[] = [
  companySettingsProjection as Projection,
  apiKeysProjection as Projection,
];
