import { expect } from 'chai';
import { sharedPages } from '../../adapters/eventstore/sqlite/sharedPages.ts';
import type { RecordedEvent } from '../../domain/events/event.ts';

const event = (position: number) => ({ position: BigInt(position) }) as RecordedEvent;

describe('shared subscription pages', () => {
  it('reads a page once for every subscriber, a short page again only after a commit', () => {
    let head = 5;
    const reads: string[] = [];
    const pages = sharedPages((after, limit) => {
      reads.push(`${after}:${limit}`);
      return Array.from({ length: Math.max(0, Math.min(limit, head - Number(after))) }, (_, i) =>
        event(Number(after) + i + 1),
      );
    });
    expect(pages.read(0n, 3).map((e) => e.position)).to.deep.equal([1n, 2n, 3n]);
    expect(pages.read(0n, 3)).to.equal(pages.read(0n, 3));
    expect(pages.read(3n, 3).map((e) => e.position)).to.deep.equal([4n, 5n]);
    pages.read(3n, 3);
    expect(reads).to.deep.equal(['0:3', '3:3']);
    head = 7;
    pages.committed();
    expect(pages.read(3n, 3).map((e) => e.position)).to.deep.equal([4n, 5n, 6n]);
    pages.read(0n, 3);
    expect(reads).to.deep.equal(['0:3', '3:3', '3:3']);
  });

  it('reads a short page again once another process has committed', () => {
    let head = 2;
    let othersCommitted = 0;
    let reads = 0;
    const pages = sharedPages(
      (after, limit) => {
        reads += 1;
        return Array.from({ length: Math.max(0, Math.min(limit, head - Number(after))) }, (_, i) =>
          event(Number(after) + i + 1),
        );
      },
      64,
      () => othersCommitted,
    );
    expect(pages.read(0n, 3).map((e) => e.position)).to.deep.equal([1n, 2n]);
    pages.read(0n, 3);
    expect(reads).to.equal(1);
    head = 4;
    othersCommitted += 1;
    expect(pages.read(0n, 3).map((e) => e.position)).to.deep.equal([1n, 2n, 3n]);
    expect(pages.read(3n, 3).map((e) => e.position)).to.deep.equal([4n]);
    expect(reads).to.equal(3);
  });

  it('keeps a bounded number of pages', () => {
    let reads = 0;
    const pages = sharedPages((after) => {
      reads += 1;
      return [event(Number(after) + 1)];
    }, 2);
    pages.read(0n, 1);
    pages.read(1n, 1);
    pages.read(2n, 1);
    pages.read(0n, 1);
    expect(reads).to.equal(4);
  });

  it('keeps a page cut short by its size across commits, since more events follow it', () => {
    let reads = 0;
    const cut = new WeakSet<readonly RecordedEvent[]>();
    const pages = sharedPages(
      (after) => {
        reads += 1;
        const page = [event(Number(after) + 1)];
        cut.add(page);
        return page;
      },
      64,
      () => 0,
      (page) => cut.has(page),
    );
    pages.read(0n, 3);
    pages.committed();
    expect(pages.read(0n, 3).map((e) => e.position)).to.deep.equal([1n]);
    expect(reads).to.equal(1);
  });
});
