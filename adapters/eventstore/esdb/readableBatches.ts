import type { Readable } from 'node:stream';

/** What a paused Readable holds, up to `max` at a time: nothing beyond its highWaterMark is read ahead of the consumer. */
export async function* readableBatches<T>(readable: Readable, max: number, signal: AbortSignal): AsyncGenerator<T[]> {
  let failure: { error: unknown } | undefined = readable.errored ? { error: readable.errored } : undefined;
  let ended = readable.readableEnded || readable.destroyed;
  let wake: (() => void) | undefined;
  const onReadable = () => wake?.();
  // The client emits 'error' without destroying the stream, so errors are kept here, not read from it.
  const onError = (error: unknown) => {
    failure ??= { error };
    wake?.();
  };
  const onEnd = () => {
    ended = true;
    wake?.();
  };
  readable.on('readable', onReadable);
  readable.on('error', onError);
  readable.on('end', onEnd);
  readable.on('close', onEnd);
  signal.addEventListener('abort', onReadable);
  try {
    while (!signal.aborted) {
      if (failure) throw failure.error;
      const batch: T[] = [];
      while (batch.length < max) {
        const item = readable.read() as T | null;
        if (item === null) break;
        batch.push(item);
      }
      if (batch.length > 0) {
        yield batch;
        continue;
      }
      if (ended) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  } finally {
    readable.off('readable', onReadable);
    readable.off('error', onError);
    readable.off('end', onEnd);
    readable.off('close', onEnd);
    signal.removeEventListener('abort', onReadable);
  }
}
