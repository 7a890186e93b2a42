import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * This process in projection leases: the configured name, or its host, pid and a random suffix, which
 * no other process shares, not even a restart of this one that got the same pid.
 */
export const leaseHolder = (configured: string | undefined): string =>
  configured ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

const generated = /^(.+):(\d+):[0-9a-f]{8}$/;

/** Whether a process of this host is running: signal 0 only checks (EPERM: it runs as another user). */
const running = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Whether a generated holder name belongs to a process of this host that has ended: its pid no
 * longer runs, or is this process's own pid under another name (a restart, as in a container). A
 * configured name, or another host's, cannot be told: its lease is left to lapse.
 */
export const endedHolder =
  (self: string, host: string = hostname(), pid: number = process.pid, isRunning: (pid: number) => boolean = running) =>
  (holder: string): boolean => {
    const match = generated.exec(holder);
    if (!match || match[1] !== host || holder === self) return false;
    const theirs = Number(match[2]);
    return theirs === pid || !isRunning(theirs);
  };
