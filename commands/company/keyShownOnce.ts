import { IllegalStateError } from '../../domain/errors.ts';

/**
 * A repeated command finds its key already issued, but only the first attempt ever knew the secret:
 * showing a freshly made one would hand out a key that does not work.
 */
export const keyShownOnce = (keyId: string): IllegalStateError =>
  new IllegalStateError(
    'API_KEY.ALREADY_SHOWN',
    `API key ${keyId} was issued by an earlier attempt of this request and is shown only once; revoke it and issue another.`,
  );
