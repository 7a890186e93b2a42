import { expect } from 'chai';
import { engineEventDefinitions } from '../../../domain/engineEvents.ts';
import { EventMetadataCodec } from '../../../domain/events/event.ts';
import { benchEventDefinitions } from '../../../scripts/bench/benchEvents.ts';
import { breachesOf } from '../../support/codecLeaves.ts';

describe('every registered event codec carries only what JSON carries', () => {
  it('has event types to check', () => expect(engineEventDefinitions.length).to.be.above(40));

  for (const definition of [...engineEventDefinitions, ...benchEventDefinitions])
    it(`${definition.type}: every number is finite, every value JSON`, () =>
      expect(breachesOf(definition.codec)).to.deep.equal([]));

  it('event metadata: every number is finite, every value JSON', () =>
    expect(breachesOf(EventMetadataCodec)).to.deep.equal([]));
});
