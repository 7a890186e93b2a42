import { expect } from 'chai';
import { systemScheduler } from '../../../adapters/clock/scheduler.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('system scheduler', () => {
  it('runs a task after its delay, never a cancelled one, and hands a failing task to onError', async () => {
    const errors: unknown[] = [];
    const scheduler = systemScheduler((error) => errors.push(error));
    const ran: string[] = [];
    const started = Date.now();
    scheduler.after(20, () => void ran.push(`late after ${Date.now() - started >= 19 ? 'its delay' : 'too little'}`));
    scheduler.after(5, () => void ran.push('early'));
    scheduler.after(10, () => void ran.push('cancelled')).cancel();
    scheduler.after(1, async () => {
      throw new Error('handler down');
    });
    await sleep(60);
    expect(ran).to.deep.equal(['early', 'late after its delay']);
    expect(errors.map((e) => (e as Error).message)).to.deep.equal(['handler down']);
    expect(Math.abs(scheduler.now().getTime() - Date.now())).to.be.lessThan(5);
  });
});
