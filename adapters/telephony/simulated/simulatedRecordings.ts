import { Readable } from 'node:stream';
import type { Recordings } from '../../../commands/outreach/recordings.ts';

/** Where the simulated carrier says its recordings are. */
export const SIMULATED_RECORDINGS = 'https://recordings.simulated.invalid/';

/** One second of silence, 8 kHz 8-bit mono WAV: a recording any player opens. */
const silence = (): Buffer => {
  const samples = 8000;
  const wav = Buffer.alloc(44 + samples, 0x80);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(8000, 24);
  wav.writeUInt32LE(8000, 28);
  wav.writeUInt16LE(1, 32);
  wav.writeUInt16LE(8, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples, 40);
  return wav;
};

/** The simulated carrier's recordings: every one it reported is a second of silence. */
export const simulatedRecordings = (): Recordings => ({
  fetch: async (url) => {
    if (!url.startsWith(SIMULATED_RECORDINGS)) return undefined;
    const audio = silence();
    return { contentType: 'audio/wav', body: Readable.from([audio]), length: audio.length };
  },
});
