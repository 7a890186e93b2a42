export type ListedCall = { readonly sid: string; readonly status: string; readonly createdAt: Date };

/** A call created this long before the request still counts: the carrier's clock may run ahead of ours. */
const EARLIEST_MS = 60_000;
/** The carrier creates the call while we wait for its answer, so well within this. */
const LATEST_MS = 5 * 60_000;

/**
 * The call the carrier created for a request made at `requestedAt`, among the calls to the same number:
 * the one created closest to the request inside its window; another call to the number minutes away is not it.
 */
export const closestCall = (calls: readonly ListedCall[], requestedAt: Date): ListedCall | undefined => {
  const at = requestedAt.getTime();
  const inWindow = calls.filter((call) => {
    const created = call.createdAt.getTime();
    return created >= at - EARLIEST_MS && created <= at + LATEST_MS;
  });
  return inWindow.sort((a, b) => Math.abs(a.createdAt.getTime() - at) - Math.abs(b.createdAt.getTime() - at))[0];
};
