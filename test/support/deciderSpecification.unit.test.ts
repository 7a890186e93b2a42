import { expect } from 'chai';
import { IllegalStateError } from '../../domain/errors.ts';
import { deciderSpecification } from './deciderSpecification.ts';
import { tallyDecider } from './tally.ts';

const spec = deciderSpecification(tallyDecider);
const ids = { tallyId: 't', companyId: 'c' };

describe('decider specifications', () => {
  it('given events, when a command, then the events it decides', () => {
    spec
      .given([{ type: 'TallyOpened', data: ids }])
      .when({ type: 'Increment', data: { ...ids, by: 2 } })
      .then([{ type: 'TallyIncremented', data: { ...ids, by: 2 } }]);
  });

  it('fails when the decided events differ from the expected ones', () => {
    expect(() =>
      spec
        .given([])
        .when({ type: 'Increment', data: { ...ids, by: 2 } })
        .then([{ type: 'TallyIncremented', data: { ...ids, by: 2 } }]),
    ).to.throw();
  });

  it('then the error a refused command throws, and fails when none is thrown', () => {
    const closed = spec.given([
      { type: 'TallyOpened', data: ids },
      { type: 'TallyClosed', data: ids },
    ]);
    closed.when({ type: 'Increment', data: { ...ids, by: 1 } }).thenThrows(IllegalStateError, /closed/, 'TALLY.CLOSED');
    expect(() => spec.given([]).when({ type: 'Close', data: ids }).thenThrows(IllegalStateError)).to.throw(/refused/);
  });

  it('then the state the decided events lead to', () => {
    spec
      .given([{ type: 'TallyOpened', data: ids }])
      .when({ type: 'Increment', data: { ...ids, by: 4 } })
      .thenState((state) => expect(state).to.deep.equal({ status: 'open', total: 4 }));
  });
});
