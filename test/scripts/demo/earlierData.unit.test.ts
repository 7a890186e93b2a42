import { expect } from 'chai';
import { demoCompanyName, demoStart, earlierDataText, type EarlierData } from '../../../scripts/demo/earlierData.ts';

const monday = new Date('2026-12-07T14:00:00.000Z');
const fresh: EarlierData = { events: 0, companies: [], lastAt: undefined };
const afterOneRun: EarlierData = {
  events: 1776,
  companies: ['Hartley & Vance LLP'],
  lastAt: new Date('2026-12-11T03:01:00.000Z'),
};

describe('the demo on earlier data', () => {
  it('on a fresh store: the plain company name, and the clock starts when asked', () => {
    expect(demoCompanyName('Hartley & Vance LLP', fresh)).to.equal('Hartley & Vance LLP');
    expect(demoStart(monday, fresh)).to.deep.equal(monday);
  });

  it('after earlier runs: the next run number, and the clock starts on the next Monday at the same hour after their last event', () => {
    expect(demoCompanyName('Hartley & Vance LLP', afterOneRun)).to.equal('Hartley & Vance LLP (run 2)');
    expect(
      demoCompanyName('Hartley & Vance LLP', {
        ...afterOneRun,
        companies: ['Hartley & Vance LLP', 'Other Firm', 'Hartley & Vance LLP (run 2)'],
      }),
    ).to.equal('Hartley & Vance LLP (run 3)');
    expect(demoStart(monday, afterOneRun)).to.deep.equal(new Date('2026-12-14T14:00:00.000Z'));
    expect(demoStart(monday, { ...afterOneRun, lastAt: new Date('2026-12-14T14:00:00.000Z') })).to.deep.equal(
      new Date('2026-12-21T14:00:00.000Z'),
    );
  });

  it('says where the data is, what it holds, what this run adds and how to start afresh', () => {
    const text = earlierDataText(
      './data',
      afterOneRun,
      'Hartley & Vance LLP (run 2)',
      new Date('2026-12-14T14:00:00.000Z'),
    );
    expect(text).to.contain("Found earlier data in ./data: 1776 events, company 'Hartley & Vance LLP'.");
    expect(text).to.contain(
      "adds the company 'Hartley & Vance LLP (run 2)' beside it, its clock starting 2026-12-14T14:00:00.000Z",
    );
    expect(text).to.contain('To start afresh, give --data-dir an empty directory');
  });
});
