/**
 * The layer table of the architecture, enforced: dependencies point inward, and nothing imports in a
 * circle. Type-only imports count (a port's interface is still a dependency). Tests may import anything.
 * Run with `npm run lint:deps`; `npm test` runs it too, and any violation fails it.
 */
const source = ['domain', 'commands', 'projections', 'schedulers', 'adapters', 'http', 'scripts'];

/** A rule that forbids a layer from importing any of the given folders, but for the named exception (a path). */
const layer = (name, from, forbidden, comment, exception) => ({
  name,
  comment,
  severity: 'error',
  from: { path: `^${from}/` },
  to: { path: `^(${forbidden.join('|')})/`, ...(exception ? { pathNot: exception } : {}) },
});

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'domain/ imports only domain/ plus io-ts, fp-ts and luxon: no node built-in (no I/O, no clock, no randomness), no other package, no outer layer.',
      severity: 'error',
      from: { path: '^domain/' },
      to: {
        pathNot: ['^domain/', '(^|/)node_modules/(io-ts|fp-ts|luxon|@types/luxon)/'],
      },
    },
    layer(
      'commands-inward',
      'commands',
      ['adapters', 'http', 'scripts', 'schedulers'],
      'commands/ is the application layer: it sees domain/ and ports (interfaces beside their users), never an adapter, the HTTP app, a scheduler or the composition root.',
    ),
    layer(
      'projections-inward',
      'projections',
      ['adapters', 'http', 'scripts', 'schedulers', 'commands'],
      'projections/ are read models over domain/ events plus their ports; adapters implement those ports and are chosen in scripts/. Named exception: the EventStore and Scheduler ports, which live in commands/ and which the projection runner uses too.',
      '^commands/(eventStore|scheduler)\\.ts$',
    ),
    layer(
      'schedulers-inward',
      'schedulers',
      ['adapters', 'http', 'scripts'],
      'schedulers/ issue commands and read the read side through ports; the composition root hands them adapters.',
    ),
    layer(
      'adapters-inward',
      'adapters',
      ['http', 'scripts'],
      'adapters/ may import anything but http/ and the composition root.',
    ),
    {
      name: 'http-adapters-via-composition-root',
      comment:
        "http/ gets adapters from the composition root, never by import. Named exception: the Twilio webhook routes share the Twilio adapter's wire vocabulary (status names, the callback URL's call id), because both ends speak Twilio.",
      severity: 'error',
      from: { path: '^http/', pathNot: '^http/webhooks/(twilio/|twilioWebhooks\\.ts$)' },
      to: { path: '^(adapters|scripts)/' },
    },
    {
      name: 'http-twilio-vocabulary-only',
      comment:
        'The Twilio webhook routes may import the Twilio wire vocabulary from the adapter, and nothing else of adapters/.',
      severity: 'error',
      from: { path: '^http/webhooks/(twilio/|twilioWebhooks\\.ts$)' },
      to: {
        path: '^(adapters|scripts)/',
        pathNot: '^adapters/telephony/twilio/(twilioStatuses|callbackUrls)\\.ts$',
      },
    },
    {
      name: 'no-cycles',
      comment: 'No module imports itself through others: a cycle couples its members into one.',
      severity: 'error',
      from: { path: `^(${[...source, 'test'].join('|')})/` },
      to: { circular: true },
    },
    {
      name: 'resolvable',
      comment:
        'Every import resolves to a file or an installed package (a typo fails here before it fails at run time).',
      severity: 'error',
      from: { path: `^(${[...source, 'test'].join('|')})/` },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.cjs', '.mjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
