import type { Readable } from 'node:stream';

/** A call's recording as the carrier serves it. */
export type RecordingAudio = { readonly contentType: string; readonly body: Readable; readonly length?: number };

/** Fetches a recording from the carrier that made it, with the carrier's own credentials. */
export interface Recordings {
  /** The recording at the address the carrier reported; undefined when the carrier has none there (or the address is not its own). */
  fetch(url: string): Promise<RecordingAudio | undefined>;
}
