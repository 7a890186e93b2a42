import { expect } from 'chai';
import { engineRegistry } from '../../domain/engineEvents.ts';
import { engineProjections } from '../../projections/engineProjections.ts';

describe('the engine projections', () => {
  for (const projection of engineProjections)
    it(`${projection.name}: reads exactly the event types it has handlers for, each one the engine records`, () => {
      expect(projection, 'defined by its handlers (projectionOf)').to.have.property('handlers');
      const handled = Object.keys((projection as unknown as { handlers: object }).handlers);
      expect([...projection.eventTypes].sort()).to.deep.equal([...handled].sort());
      expect(new Set(projection.eventTypes).size, 'each event type once').to.equal(projection.eventTypes.length);
      for (const type of projection.eventTypes) expect(engineRegistry.types.has(type), type).to.equal(true);
    });

  it('have names of their own', () => {
    const names = engineProjections.map((p) => p.name);
    expect(new Set(names).size).to.equal(names.length);
  });
});
