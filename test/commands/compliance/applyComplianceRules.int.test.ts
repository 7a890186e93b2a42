import { expect } from 'chai';
import { applyComplianceRules } from '../../../commands/compliance/applyComplianceRules.ts';
import { complianceRulesStream } from '../../../domain/compliance/appliedRules.ts';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import { tempStores } from '../../support/tempStores.ts';

describe('recording the compliance rules a start runs with', () => {
  let stores: ReturnType<typeof tempStores>;
  beforeEach(() => {
    stores = tempStores(engineRegistry);
  });
  afterEach(() => stores.dispose());

  const widened = {
    callingHours: {
      states: {
        TX: { days: { sun: { start: '10:00', end: '21:00' } }, acknowledgeWider: 'counsel’s opinion of 2026-11-02' },
      },
    },
  };
  const recorded = async () => {
    const events = [];
    for await (const event of stores.eventStore.readStream(complianceRulesStream)) events.push(event);
    return events;
  };

  it('records the overrides and each acknowledged widening with its reason, on the platform stream', async () => {
    const applied = await applyComplianceRules(
      { store: stores.eventStore, registry: engineRegistry },
      widened,
      new Date('2026-12-07T06:00:00Z'),
    );
    expect(applied).to.deep.equal({
      recorded: true,
      widerThanShipped: [
        {
          path: 'callingHours.states.TX.days.sun',
          what: 'starts at 10:00 instead of 12:00 on sun',
          reason: 'counsel’s opinion of 2026-11-02',
        },
      ],
    });
    const [event] = await recorded();
    expect(event?.type).to.equal('ComplianceRulesApplied');
    expect(event?.metadata).to.deep.include({ companyId: 'platform', actor: 'configuration' });
    const data = event?.data as { overrides: string; widerThanShipped: unknown[]; fingerprint: string; at: string };
    expect(JSON.parse(data.overrides)).to.deep.equal(widened);
    expect(data).to.deep.include({ widerThanShipped: applied.widerThanShipped, at: '2026-12-07T06:00:00.000Z' });
    expect(data.fingerprint).to.match(/^[0-9a-f]{64}$/);
  });

  it('a restart on the same rules (fields in any order) records nothing; changed rules are recorded again', async () => {
    const deps = { store: stores.eventStore, registry: engineRegistry };
    await applyComplianceRules(
      deps,
      { smsKeywords: { optOut: ['STOP'] }, ...widened },
      new Date('2026-12-07T06:00:00Z'),
    );
    await stores.reopen();
    const again = await applyComplianceRules(
      { ...deps, store: stores.eventStore },
      { ...widened, smsKeywords: { optOut: ['STOP'] } },
      new Date('2026-12-08T06:00:00Z'),
    );
    expect(again.recorded).to.equal(false);
    expect(await recorded()).to.have.length(1);
    await applyComplianceRules({ ...deps, store: stores.eventStore }, {}, new Date('2026-12-09T06:00:00Z'));
    expect(
      (await recorded()).map((e) => (e.data as { widerThanShipped: unknown[] }).widerThanShipped.length),
    ).to.deep.equal([1, 0]);
  });
});
