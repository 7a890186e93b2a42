/** Each request's own outcome inside a shared transaction: a value or the error that refused it. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

type Pending<Q, R> = { request: Q; resolve: (value: R) => void; reject: (error: unknown) => void };

/**
 * Gathers the requests made during one tick and hands them to `commit` together, so many callers
 * share one transaction while each still gets its own answer.
 */
export const groupCommit = <Q, R>(
  commit: (requests: readonly Q[]) => readonly Outcome<R>[],
  maxBatch = 10_000,
): ((request: Q) => Promise<R>) => {
  const queue: Pending<Q, R>[] = [];
  let scheduled = false;

  const flush = (): void => {
    scheduled = false;
    const batch = queue.splice(0, maxBatch);
    if (queue.length > 0) schedule();
    let outcomes: readonly Outcome<R>[];
    try {
      outcomes = commit(batch.map((p) => p.request));
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) p.resolve(outcome.value);
      else p.reject(outcome.error);
    });
  };

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };

  return (request) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ request, resolve, reject });
      schedule();
    });
};
