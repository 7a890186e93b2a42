import { expect } from 'chai';
import { endedHolder, leaseHolder } from '../../../adapters/config/leaseHolder.ts';

describe('projection lease holders', () => {
  const self = 'worker-7:42:0a1b2c3d';
  const alive = new Set([42, 100]);
  const ended = endedHolder(self, 'worker-7', 42, (pid) => alive.has(pid));

  it('are named by host, pid and a random suffix unless configured', () => {
    expect(leaseHolder(undefined)).to.match(new RegExp(`:${process.pid}:[0-9a-f]{8}$`));
    expect(leaseHolder(undefined)).to.not.equal(leaseHolder(undefined));
    expect(leaseHolder('engine-a')).to.equal('engine-a');
  });

  it('have ended when they ran on this host under a pid that no longer runs, or under this pid with another name', () => {
    expect(ended('worker-7:99:ffffffff')).to.equal(true);
    expect(ended('worker-7:42:ffffffff')).to.equal(true);
  });

  it('cannot be told ended when they run, are this process, ran on another host or were configured', () => {
    expect(ended('worker-7:100:ffffffff')).to.equal(false);
    expect(ended(self)).to.equal(false);
    expect(ended('worker-8:99:ffffffff')).to.equal(false);
    expect(ended('engine-a')).to.equal(false);
  });

  it('ask the operating system whether a pid runs', () => {
    const real = endedHolder('host:1:00000000', 'host', 1);
    expect(real(`host:${process.pid}:ffffffff`)).to.equal(false);
    expect(real('host:2147483646:ffffffff')).to.equal(true);
  });
});
