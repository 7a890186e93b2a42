// An engine process for the lease takeover test: follows every projection it can take the lease of,
// prints `following` once it follows them all, and runs until it is killed.
import { leasedRunner } from './leasedRunner.ts';

const [dir, holder] = process.argv.slice(2) as [string, string];
const view = leasedRunner(dir, holder);
await view.runner.start();
while ((await view.following()) !== 'all') await new Promise((resolve) => setTimeout(resolve, 10));
process.stdout.write('following\n');
setInterval(() => undefined, 60_000);
