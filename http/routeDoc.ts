import type * as t from 'io-ts';
import type { JsonSchema } from './codecSchema.ts';

/** What a route documents about itself: the OpenAPI document and the body check are both built from it. */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A JSON Schema, or the io-ts codec that decodes the value (documented through `codecSchema`). */
export type Schema = JsonSchema | t.Any;

export type ResponseDoc = {
  readonly description: string;
  /** `application/json` unless said otherwise. */
  readonly contentType?: string;
  readonly schema?: Schema;
  /** The same answer in other media types the caller may ask for (a report as `text/csv`). */
  readonly alternatives?: readonly { readonly contentType: string; readonly schema: Schema }[];
};

export type ParameterDoc = {
  readonly name: string;
  readonly in: 'query' | 'header' | 'path';
  readonly description?: string;
  readonly required?: boolean;
  readonly schema?: Schema;
};

/** How a caller proves who it is; matches the security schemes of the OpenAPI document. */
export type Security = 'none' | 'apiKey' | 'adminToken' | 'twilioSignature';

export type RouteDoc = {
  readonly method: HttpMethod;
  /** The full express path (`/v1/campaigns/:id`); its `:params` are documented as path parameters. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly operationId?: string;
  readonly security?: Security;
  readonly parameters?: readonly ParameterDoc[];
  /** `contentType` is what the route accepts (`application/json` when absent); any other body is refused with 415. */
  readonly requestBody?: {
    readonly contentType?: string | readonly string[];
    /** False when the route also takes no body at all (`{}` is read then); a body is required otherwise. */
    readonly required?: boolean;
    readonly schema: Schema;
    readonly description?: string;
    /** A body the route takes, as OpenAPI's `example` of the media type; every body documents one (or `examples`). */
    readonly example?: unknown;
    /** Named example bodies, as OpenAPI's `examples` of the media type. */
    readonly examples?: { readonly [name: string]: { readonly summary: string; readonly value: unknown } };
  };
  readonly responses: { readonly [status: number]: ResponseDoc };
};
