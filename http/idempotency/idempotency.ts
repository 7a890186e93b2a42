import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { readStreamOf } from '../../commands/aggregateStream.ts';
import type { EventStore } from '../../commands/eventStore.ts';
import type { EventRegistry } from '../../domain/events/eventRegistry.ts';
import { AppendTooLargeError, ConcurrencyError, IllegalStateError, ValidationError } from '../../domain/errors.ts';
import {
  evolveIdempotency,
  idempotencyStream,
  type IdempotencyEvent,
  type IdempotencyState,
} from '../../domain/idempotency/events.ts';
import { eventId } from '../../commands/eventIds.ts';
import { rememberIdempotency } from './idempotentCommandId.ts';
import { rawBodyOf } from '../rawBody.ts';

export type IdempotencyOptions = {
  readonly eventStore: EventStore;
  readonly registry: EventRegistry;
  readonly clock: () => Date;
  readonly newId: () => string;
  /** Whose keys these are (a company, the platform), or undefined when the caller is not known. */
  readonly scopeOf: (req: Request) => Promise<{ scope: string; actor: string } | undefined>;
  /** An attempt still unanswered after this long is taken to have died, and the key may be used again. */
  readonly abandonAfterMs?: number;
};

const KEY = /^[\x21-\x7e]{1,255}$/;
const hash = (...parts: (string | Buffer)[]) => {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part).update('\u0000');
  return digest.digest('hex');
};

/**
 * `Idempotency-Key` on a POST: the first request with a key runs and its answer is recorded; the
 * same key and body again gets that answer back; the same key with another body is refused, and so
 * is a second request while the first is still running.
 */
export const idempotency = (options: IdempotencyOptions): RequestHandler => {
  const { eventStore, registry } = options;
  const abandonAfterMs = options.abandonAfterMs ?? 60_000;

  const append = (
    stream: string,
    event: IdempotencyEvent,
    expected: bigint | 'no_stream',
    scope: string,
    actor: string,
  ) => {
    const commandId = options.newId();
    const now = options.clock();
    return eventStore.append(
      stream,
      [
        {
          id: eventId(commandId, 0, now),
          type: event.type,
          data: registry.encode(event),
          metadata: {
            companyId: scope,
            commandId,
            correlationId: commandId,
            causationId: commandId,
            actor,
            occurredAt: now.toISOString(),
            schemaVersion: 1,
          },
        },
      ],
      expected,
    );
  };

  const read = async (stream: string) => {
    let state: IdempotencyState = { status: 'unused' };
    let revision: bigint | undefined;
    for await (const event of readStreamOf<IdempotencyEvent>(eventStore, stream)) {
      state = evolveIdempotency(state, event, event.metadata.occurredAt);
      revision = event.revision;
    }
    return { state, revision };
  };

  /** Records the answer as it is sent: 5xx and authentication failures release the key instead. */
  const recordAnswer = (res: Response, stream: string, revision: bigint, scope: string, actor: string) => {
    const send = res.send.bind(res);
    res.send = ((body?: unknown) => {
      // An answer holding a secret shown once (an API key) is recorded as the route withheld it: `res.locals.idempotencyRecord`.
      const withheld: unknown = res.locals['idempotencyRecord'];
      const text =
        withheld !== undefined
          ? JSON.stringify(withheld)
          : typeof body === 'string'
            ? body
            : Buffer.isBuffer(body)
              ? body.toString('utf8')
              : JSON.stringify(body ?? '');
      const status = res.statusCode;
      const event: IdempotencyEvent =
        status >= 500 || status === 401 || status === 403
          ? { type: 'IdempotentRequestReleased', data: { status } }
          : {
              type: 'IdempotentResponseRecorded',
              data: { status, contentType: String(res.getHeader('content-type') ?? 'application/json'), body: text },
            };
      append(stream, event, revision, scope, actor)
        // An answer too large to record frees the key rather than hold it in progress: the request may be sent again.
        .catch((error: unknown) =>
          error instanceof AppendTooLargeError
            ? append(stream, { type: 'IdempotentRequestReleased', data: { status } }, revision, scope, actor)
            : undefined,
        )
        .then(
          () => send(body),
          () => send(body),
        );
      return res;
    }) as Response['send'];
  };

  return async (req, res, next) => {
    const key = req.get('idempotency-key');
    if (req.method !== 'POST' || key === undefined) return next();
    try {
      if (!KEY.test(key))
        throw new ValidationError('IDEMPOTENCY.INVALID_KEY', 'Idempotency-Key must be 1 to 255 printable characters.', [
          { path: 'Idempotency-Key', message: 'expected 1 to 255 printable characters' },
        ]);
      const who = await options.scopeOf(req);
      if (!who) return next();
      const stream = idempotencyStream(
        who.scope,
        createHash('sha256').update(`${who.scope}\u0000${key}`).digest('hex').slice(0, 32),
      );
      // The bytes as sent: hashing a parsed body could overflow on deep nesting, and would hide byte differences.
      const requestHash = hash(req.method, req.originalUrl, req.get('content-type') ?? '', rawBodyOf(req));
      const { state, revision } = await read(stream);
      if (state.status === 'answered') {
        if (state.requestHash !== requestHash)
          throw new IllegalStateError('IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was used with another request.', [
            { path: 'Idempotency-Key', message: 'already used with a different request' },
          ]);
        res
          .status(state.answer.status)
          .set('Content-Type', state.answer.contentType)
          .set('Idempotent-Replayed', 'true')
          .send(state.answer.body);
        return;
      }
      const stale =
        state.status === 'in_progress' && options.clock().getTime() - Date.parse(state.startedAt) > abandonAfterMs;
      if (state.status === 'in_progress' && !stale)
        throw new IllegalStateError(
          'IDEMPOTENCY.IN_PROGRESS',
          'A request with this Idempotency-Key is still being handled; retry later.',
        );
      const started = await append(
        stream,
        { type: 'IdempotentRequestStarted', data: { method: req.method, path: req.originalUrl, requestHash } },
        revision ?? 'no_stream',
        who.scope,
        who.actor,
      ).catch((error: unknown) => {
        if (error instanceof ConcurrencyError)
          throw new IllegalStateError(
            'IDEMPOTENCY.IN_PROGRESS',
            'A request with this Idempotency-Key is still being handled; retry later.',
          );
        throw error;
      });
      rememberIdempotency(req, who.scope, key);
      recordAnswer(res, stream, started.nextExpectedRevision, who.scope, who.actor);
      next();
    } catch (error) {
      next(error);
    }
  };
};
