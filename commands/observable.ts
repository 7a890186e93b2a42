import { Observable } from 'rxjs';
import type { RecordedEvent } from '../domain/events/event.ts';
import type { Subscription } from './eventStore.ts';

/**
 * A subscription as an rxjs Observable of batches, for pipelines that read better as operators.
 * Unsubscribing closes the subscription; the next batch is read only after the last was emitted.
 */
export const observeSubscription = (open: () => Subscription): Observable<readonly RecordedEvent[]> =>
  new Observable((subscriber) => {
    const subscription = open();
    void (async () => {
      try {
        for await (const batch of subscription) {
          if (subscriber.closed) break;
          subscriber.next(batch);
        }
        subscriber.complete();
      } catch (error) {
        subscriber.error(error);
      }
    })();
    return () => void subscription.close();
  });
