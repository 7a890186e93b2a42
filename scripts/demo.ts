// `npm run demo`: a company, 500 clients over US time zones and states, a form, an AI agent and a
// multi-channel campaign, launched and played out on the simulated carriers on an accelerated clock.
import cliProgress from 'cli-progress';
import { adminToken } from '../adapters/config/adminToken.ts';
import { unsubscribeSecret } from '../adapters/config/unsubscribeSecret.ts';
import { virtualClock } from '../adapters/clock/virtualClock.ts';
import { engineRegistry } from '../domain/engineEvents.ts';
import { ConfigurationError } from '../domain/errors.ts';
import { createLogger } from '../http/logging.ts';
import { listen } from '../http/server.ts';
import { engineApp } from './engine/engineApp.ts';
import { openStores } from './engine/openStores.ts';
import { scriptArgs, scriptFailed } from './engine/scriptArgs.ts';
import { complianceRules } from '../domain/compliance/complianceRules.ts';
import { applyComplianceRules } from '../commands/compliance/applyComplianceRules.ts';
import { demoCompany, demoTimezone, setUpDemoCampaign } from './demo/demoCampaign.ts';
import { campaignContactDocs, contactsDone, contactsLeft, contactsLeftText } from './demo/contactsLeft.ts';
import { etaText, localTime } from './demo/demoProgress.ts';
import { demoCompanyName, demoStart, earlierData, earlierDataText } from './demo/earlierData.ts';
import { demoClient } from './demo/demoClient.ts';
import { demoTally } from './demo/demoTally.ts';
import { simulatedOutreach } from './demo/simulatedOutreach.ts';
import {
  browseText,
  demoReportNames,
  summaryText,
  writeContactReport,
  writeRegisteredReport,
} from './demo/demoReport.ts';

const MINUTE = 60_000;

const spec = {
  usage: 'npm run demo -- [flags]',
  summary:
    'Plays a whole campaign on the embedded stores: a company, its clients over US time zones and states, an intake form, an AI agent and a multi-channel campaign, ' +
    "launched and played out on the simulated carriers on a virtual clock, with a progress bar. It ends with a summary, the campaign's reports as CSV under <data dir>/reports/, " +
    "the company's API key in <data dir>/demo-api-key and the commands to browse the campaign with npm start. Earlier data in the directory is kept.",
  flags: {
    contacts: { value: 'n', description: 'clients to import and reach, 1 to 100000', default: '500' },
    seed: {
      value: 'n',
      description: 'seed of the simulated carriers and of the generated clients: the same seed plays the same campaign',
      default: '7',
    },
    days: {
      value: 'n',
      description: 'most simulated days to play, 1 to 60; the demo ends sooner once every contact is done',
      default: '14',
    },
    start: {
      value: 'time',
      description: 'ISO instant the virtual clock starts at',
      default: '2026-12-07T14:00:00Z, a Monday 08:00 in Chicago; after the earlier data when there is some',
    },
  },
  notes: ['Exit codes: 0 done, 2 bad flags or settings, 1 anything else.'],
} as const;

const main = async () => {
  const { flags, config } = scriptArgs(process.argv.slice(2), spec);
  const contacts = Number(flags.contacts ?? 500);
  const seed = Number(flags.seed ?? 7);
  const days = Number(flags.days ?? 14);
  if (!Number.isInteger(contacts) || contacts < 1 || contacts > 100_000)
    throw new ConfigurationError('--contacts', 'expected a whole number from 1 to 100000');
  if (!Number.isInteger(seed)) throw new ConfigurationError('--seed', `expected a whole number, got ${flags.seed}`);
  if (!Number.isInteger(days) || days < 1 || days > 60)
    throw new ConfigurationError('--days', 'expected a whole number of simulated days from 1 to 60');
  // Monday 08:00 in Chicago: the campaign starts with a working week ahead of it.
  const requestedStart = new Date(flags.start ?? '2026-12-07T14:00:00.000Z');
  if (Number.isNaN(requestedStart.getTime())) throw new ConfigurationError('--start', 'expected an ISO instant');

  const logger = createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const { eventStore, readStore } = await openStores(config, engineRegistry);
  // Earlier runs' data is kept, never removed: this run adds a company of its own beside it, later on the clock.
  const earlier = await earlierData(eventStore);
  const companyName = demoCompanyName(demoCompany, earlier);
  const start = flags.start ? requestedStart : demoStart(requestedStart, earlier);
  if (earlier.events > 0)
    console.log(
      earlierDataText(
        config.eventStore.engine === 'sqlite' ? config.dataDir : 'the configured event store',
        earlier,
        companyName,
        start,
      ),
    );
  const clock = virtualClock(start);
  // One rules value for outreach and the API alike.
  const compliance = complianceRules(config.compliance);
  const applied = await applyComplianceRules(
    { store: eventStore, registry: engineRegistry },
    config.compliance,
    clock.now(),
  );
  for (const widening of applied.widerThanShipped)
    logger.warn(widening, 'compliance rule wider than shipped, acknowledged');
  const admin = adminToken(config.adminToken, config.dataDir);
  const secret = unsubscribeSecret(config.unsubscribeSecret, config.dataDir);
  // The outreach side waits on the projections the engine app starts: bound once both exist.
  let waitFor: (position: bigint) => Promise<unknown> = async () => undefined;
  const outreach = simulatedOutreach({
    eventStore,
    readStore,
    clock,
    seed,
    unsubscribeSecret: secret,
    waitForReadModels: (position) => waitFor(position),
    log: logger,
    compliance,
  });
  const { app, runner } = await engineApp({
    eventStore,
    readStore,
    logger,
    adminToken: admin.token,
    clock: () => clock.now(),
    unsubscribeSecret: secret,
    outreach,
    compliance,
  });
  waitFor = (position) => runner.waitFor(position, { timeoutMs: 60_000 });
  const server = await listen(app, { port: 0, host: '127.0.0.1' });
  const settle = async () => runner.waitFor(await eventStore.headPosition(), { timeoutMs: 60_000 });

  const startedAt = performance.now();
  const before = await eventStore.headPosition();
  const client = demoClient(server.url);
  console.log(`Setting up: company '${companyName}', ${contacts} cases, form, AI agent, multi-channel campaign...`);
  const setup = await setUpDemoCampaign(client, admin.token, { contacts, seed, now: clock.now(), companyName });
  console.log(
    `Imported ${setup.imported.added} cases (${setup.imported.rejected.length} rejected); launched campaign ${setup.campaignId} with ${setup.launched.enrolledContacts} contacts.`,
  );
  await settle();

  const end = start.getTime() + days * 24 * 60 * MINUTE;
  const local = localTime(demoTimezone);
  const { companyId } = setup.launched;
  const enrolled: number = setup.launched.enrolledContacts;
  // The bar's whole is the campaign's own end, every contact done; the --days limit only bounds the ETA.
  const bar = new cliProgress.SingleBar(
    {
      format:
        'outreach {bar} {percentage}% of {total} contacts done | {time} | {calls} calls, {messages} messages | ETA {remaining}',
      noTTYOutput: true,
      notTTYSchedule: 3000,
    },
    cliProgress.Presets.shades_classic,
  );
  const playStarted = performance.now();
  bar.start(enrolled, 0, { time: local(clock.now()), calls: 0, messages: 0, remaining: 'estimating' });
  let completed = false;
  for (let minute = 0; clock.now().getTime() < end && !completed; minute++) {
    await outreach.dispatcher.tick();
    await outreach.workflows.tick();
    await settle();
    if (minute % 15 === 0) await outreach.completion.tick();
    await clock.advance(MINUTE);
    if (minute % 60 === 0) {
      const campaign = await client.get(
        `/v1/campaigns/${setup.campaignId}?minPosition=${await eventStore.headPosition()}`,
        setup.key,
      );
      completed = campaign.status === 'COMPLETED';
      const now = clock.now();
      const done = await contactsDone(readStore, companyId, setup.campaignId, enrolled);
      const remaining = etaText({
        done,
        enrolled,
        simulatedMs: now.getTime() - start.getTime(),
        limitMs: end - start.getTime(),
        wallMs: performance.now() - playStarted,
      });
      bar.update(done, {
        time: local(now),
        calls: outreach.simulated?.calls() ?? 0,
        messages: outreach.simulated?.messages() ?? 0,
        remaining,
      });
    }
  }
  await settle();
  bar.update(await contactsDone(readStore, companyId, setup.campaignId, enrolled), { remaining: '0s' });
  bar.stop();
  const left = contactsLeftText(contactsLeft(await campaignContactDocs(readStore, companyId, setup.campaignId)), local);
  console.log(
    completed
      ? `The campaign completed on its own at ${local(clock.now())}. ${left}`
      : `The campaign was still running at ${local(clock.now())}, after the ${days} simulated days --days allows. ${left}`,
  );
  await outreach.stop();
  await clock.advance(60 * MINUTE);
  await settle();

  // The summary is counted from the events alone, in order, as an auditor would count it.
  const tally = demoTally(setup.campaignId, setup.launched.companyId);
  for await (const event of eventStore.readAll({ after: before })) tally.apply(event);
  const { summary, contacts: rows } = tally.finish();
  const report = writeContactReport(config.dataDir, setup.campaignId, rows);
  const hours = (clock.now().getTime() - start.getTime()) / 3_600_000;
  console.log(summaryText(summary, rows.length, hours, (performance.now() - startedAt) / 1000));
  console.log(`Every contact's outcome: ${report}`);
  for (const name of demoReportNames)
    console.log(
      `Report ${name}: ${await writeRegisteredReport(config.dataDir, readStore, { companyId: setup.launched.companyId, campaignId: setup.campaignId }, name)}`,
    );
  console.log(browseText(config.dataDir, setup.key, setup.campaignId));
  await server.close(100);
  await runner.stop();
  await readStore.close();
  await eventStore.close();
};

main().catch(scriptFailed('demo'));
