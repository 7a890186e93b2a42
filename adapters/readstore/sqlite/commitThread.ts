import { Worker } from 'node:worker_threads';
import type { EncodedBatch } from './commitBatch.ts';

// Worker threads do not inherit the TypeScript loader, so the thread registers it before loading.
const loader = import.meta.resolve('tsx/esm/api');
const script = new URL('./commitWorker.ts', import.meta.url).href;
const bootstrap = `import(${JSON.stringify(loader)}).then(({ register }) => { register(); return import(${JSON.stringify(script)}); })`;

/** Commits batches on the writer thread, answering each in the order it was sent. */
export const commitThread = (path: string) => {
  const worker = new Worker(bootstrap, { eval: true, workerData: { path } });
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let sequence = 0;
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on('message', (answer: { id: number; ok: boolean; message?: string }) => {
    const waiting = pending.get(answer.id);
    pending.delete(answer.id);
    if (answer.ok) waiting?.resolve();
    else waiting?.reject(new Error(`read store commit failed: ${answer.message}`));
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the read store writer thread has stopped')));
  worker.unref();

  return {
    commit: (batch: EncodedBatch): Promise<void> =>
      failure
        ? Promise.reject(failure)
        : new Promise<void>((resolve, reject) => {
            const id = ++sequence;
            pending.set(id, { resolve, reject });
            worker.ref();
            worker.postMessage({ id, batch });
          }).finally(() => {
            if (pending.size === 0) worker.unref();
          }),
    close: async (): Promise<void> => {
      if (failure) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
};
