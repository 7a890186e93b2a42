import { expect } from 'chai';
import { loadConfig } from '../../../adapters/config/loadConfig.ts';
import { describeConfig } from '../../../adapters/config/describeConfig.ts';
import { configUsage, settingNames, flagOf } from '../../../adapters/config/settings.ts';
import { ConfigurationError } from '../../../domain/errors.ts';

const sid = `AC${'0123456789abcdef'.repeat(2)}`;

const failure = (env: Record<string, string>, argv: string[] = []): ConfigurationError => {
  try {
    loadConfig(env, argv);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  expect.fail('expected a ConfigurationError');
};

describe('loadConfig', () => {
  it('runs embedded with defaults when nothing is set', () => {
    expect(loadConfig({}, [])).to.deep.equal({
      port: 3000,
      dataDir: './data',
      adminToken: undefined,
      publicUrl: undefined,
      eventStore: { engine: 'sqlite', maxAppendBytes: 1024 ** 2 },
      readStore: { engine: 'sqlite' },
      projectionLeases: { leaseMs: 15_000, holder: undefined },
      telephony: { carrier: 'simulated', smsFrom: '+15550100000' },
      email: { carrier: 'simulated' },
      logLevel: 'info',
      http: { jsonLimitBytes: 1024 ** 2, csvLimitBytes: 10 * 1024 ** 2, readyMaxLag: 1000 },
      commandCacheBytes: 128 * 1024 ** 2,
      compliance: {},
      webhooks: { allowPrivate: false },
    });
  });

  it('reads every setting from the environment', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        DATA_DIR: '/var/lib/outreach',
        ADMIN_TOKEN: 'a-long-enough-admin-token',
        PUBLIC_URL: 'https://outreach.example.com/',
        EVENTSTORE_URL: 'esdb://db1:2113,db2:2113?tls=false',
        EVENTSTORE_MAX_APPEND_BYTES: '4mb',
        MONGODB_URL: 'mongodb+srv://user:pw@cluster.example.net/outreach',
        PROJECTION_LEASE_MS: '30000',
        PROJECTION_LEASE_HOLDER: 'engine-7',
        TWILIO_ACCOUNT_SID: sid,
        TWILIO_AUTH_TOKEN: 'twilio-token',
        TWILIO_API_URL: 'http://127.0.0.1:4010',
        SMS_FROM: '+13125550100',
        AWS_REGION: 'eu-west-1',
        SES_FROM: 'Example Law <notices@example.com>',
        SES_ENDPOINT: 'http://127.0.0.1:8005',
        LOG_LEVEL: 'debug',
        READY_MAX_LAG: '50',
        COMMAND_CACHE_MB: '16',
        JSON_BODY_LIMIT: '512kb',
        CSV_BODY_LIMIT: '20mb',
        COMPLIANCE_RULES: '{"smsKeywords": {"help": ["HELP", "AIDE"]}}',
        WEBHOOK_ALLOW_PRIVATE: 'true',
      },
      [],
    );
    expect(config).to.deep.equal({
      port: 8080,
      dataDir: '/var/lib/outreach',
      adminToken: 'a-long-enough-admin-token',
      publicUrl: 'https://outreach.example.com',
      eventStore: {
        engine: 'esdb',
        connectionString: 'esdb://db1:2113,db2:2113?tls=false',
        maxAppendBytes: 4 * 1024 ** 2,
      },
      readStore: { engine: 'mongodb', url: 'mongodb+srv://user:pw@cluster.example.net/outreach' },
      projectionLeases: { leaseMs: 30_000, holder: 'engine-7' },
      telephony: {
        carrier: 'twilio',
        accountSid: sid,
        authToken: 'twilio-token',
        apiUrl: 'http://127.0.0.1:4010',
        smsFrom: '+13125550100',
      },
      email: {
        carrier: 'ses',
        region: 'eu-west-1',
        from: 'Example Law <notices@example.com>',
        endpoint: 'http://127.0.0.1:8005',
      },
      logLevel: 'debug',
      http: { jsonLimitBytes: 512 * 1024, csvLimitBytes: 20 * 1024 ** 2, readyMaxLag: 50 },
      commandCacheBytes: 16 * 1024 ** 2,
      compliance: { smsKeywords: { help: ['HELP', 'AIDE'] } },
      webhooks: { allowPrivate: true },
    });
  });

  it('given WEBHOOK_ALLOW_PRIVATE other than true or false, then the start is refused naming it', () => {
    for (const value of ['yes', '1', 'TRUE'])
      expect(() => loadConfig({ WEBHOOK_ALLOW_PRIVATE: value }, [])).to.throw(
        /WEBHOOK_ALLOW_PRIVATE.*expected true or false/,
      );
  });

  it('given CLOCK_START and CLOCK_SPEED, then the service runs on a simulated clock from that instant at that speed', () => {
    expect(
      loadConfig({ CLOCK_START: '2027-01-11T12:00:00-05:00', CLOCK_SPEED: '60' }, []).simulatedClock,
    ).to.deep.equal({ start: new Date('2027-01-11T17:00:00Z'), speed: 60 });
    expect(loadConfig({}, ['--clock-start', '2027-01-11T17:00:00Z']).simulatedClock).to.deep.equal({
      start: new Date('2027-01-11T17:00:00Z'),
      speed: 1,
    });
    expect(loadConfig({ CLOCK_SPEED: '2.5' }, []).simulatedClock).to.deep.equal({ start: undefined, speed: 2.5 });
    expect(loadConfig({}, [])).not.to.have.property('simulatedClock');
  });

  it('given a CLOCK_START without offset or a CLOCK_SPEED out of 1-3600, then the start is refused naming it', () => {
    expect(failure({ CLOCK_START: '2027-01-11T17:00:00' }).message).to.equal(
      'CLOCK_START: expected an ISO-8601 time with offset such as 2027-01-11T17:00:00Z, got "2027-01-11T17:00:00"',
    );
    for (const speed of ['0.5', '3601', 'fast', ' '])
      expect(failure({ CLOCK_SPEED: speed }).message).to.match(/^CLOCK_SPEED: expected a number from 1 to 3600/);
  });

  it('given a real carrier or a shared store, then a simulated clock is refused naming both settings', () => {
    const clock = { CLOCK_START: '2027-01-11T17:00:00Z' };
    expect(
      failure({
        ...clock,
        TWILIO_ACCOUNT_SID: sid,
        TWILIO_AUTH_TOKEN: 't',
        PUBLIC_URL: 'https://x.example',
        SMS_FROM: '+13125550100',
      }).message,
    ).to.equal(
      'CLOCK_START: a simulated clock runs on the simulated carriers and embedded stores only; unset it or TWILIO_ACCOUNT_SID',
    );
    expect(failure({ CLOCK_SPEED: '60', AWS_REGION: 'eu-west-1', SES_FROM: 'a@b.example' }).message)
      .to.contain('CLOCK_SPEED: a simulated clock')
      .and.contain('unset it or SES_FROM');
    expect(failure({ ...clock, EVENTSTORE_URL: 'esdb://db:2113' }).message).to.contain('unset it or EVENTSTORE_URL');
    expect(failure({ ...clock, MONGODB_URL: 'mongodb://db/outreach' }).message).to.contain('unset it or MONGODB_URL');
  });

  it('lets flags win over the environment, in both --flag value and --flag=value forms', () => {
    const config = loadConfig({ PORT: '8080', DATA_DIR: '/env' }, [
      '--port',
      '9090',
      '--data-dir=/flag',
      '--log-level',
      'warn',
    ]);
    expect(config.port).to.equal(9090);
    expect(config.dataDir).to.equal('/flag');
    expect(config.logLevel).to.equal('warn');
  });

  it('has a flag for every setting', () => {
    for (const name of settingNames)
      expect(configUsage())
        .to.contain(`--${flagOf(name)}`)
        .and.contain(name);
    const config = loadConfig({}, [
      '--eventstore-url',
      'kurrentdb://localhost:2113?tls=false',
      '--mongodb-url',
      'mongodb://localhost/outreach',
    ]);
    expect(config.eventStore).to.deep.equal({
      engine: 'esdb',
      connectionString: 'esdb://localhost:2113?tls=false',
      maxAppendBytes: 1024 ** 2,
    });
    expect(config.readStore).to.deep.equal({ engine: 'mongodb', url: 'mongodb://localhost/outreach' });
  });

  it('accepts the discover schemes of EventStoreDB and KurrentDB', () => {
    expect(loadConfig({ EVENTSTORE_URL: 'esdb+discover://cluster:2113' }, []).eventStore).to.deep.include({
      engine: 'esdb',
      connectionString: 'esdb+discover://cluster:2113',
    });
    expect(loadConfig({ EVENTSTORE_URL: 'kurrentdb+discover://cluster:2113' }, []).eventStore).to.deep.include({
      engine: 'esdb',
      connectionString: 'esdb+discover://cluster:2113',
    });
  });

  it('treats an empty value as unset, so an empty flag switches back to the embedded store', () => {
    expect(loadConfig({ PORT: '' }, []).port).to.equal(3000);
    expect(loadConfig({ EVENTSTORE_URL: 'esdb://db:2113' }, ['--eventstore-url=']).eventStore).to.deep.equal({
      engine: 'sqlite',
      maxAppendBytes: 1024 ** 2,
    });
  });

  it('rejects an event store URL of another scheme, naming the setting', () => {
    const error = failure({ EVENTSTORE_URL: 'http://x' });
    expect(error.setting).to.equal('EVENTSTORE_URL');
    expect(error.message).to.equal('EVENTSTORE_URL: expected an esdb:// or kurrentdb:// URL, got "http://x"');
  });

  it('given a MongoDB URL naming no database, then it is refused saying to add one rather than letting the driver use "test"', () => {
    for (const url of [
      'mongodb://localhost:27017',
      'mongodb://localhost:27017/',
      'mongodb://a:27017,b:27017/?replicaSet=rs0',
      'mongodb+srv://user:hunter2@cluster.example.net',
    ]) {
      const error = failure({ MONGODB_URL: url });
      expect(error.setting).to.equal('MONGODB_URL');
      expect(error.message).to.contain(
        'names no database: add its name after the hosts, as in mongodb://localhost:27017/outreach',
      );
      expect(error.message).not.to.contain('hunter2');
    }
    expect(
      loadConfig({ MONGODB_URL: 'mongodb://a:27017,b:27017/outreach?replicaSet=rs0' }, []).readStore,
    ).to.deep.equal({
      engine: 'mongodb',
      url: 'mongodb://a:27017,b:27017/outreach?replicaSet=rs0',
    });
  });

  it('rejects a MongoDB URL of another scheme without echoing its password', () => {
    const error = failure({ MONGODB_URL: 'postgres://admin:hunter2@db/x' });
    expect(error.setting).to.equal('MONGODB_URL');
    expect(error.message).to.contain('expected a mongodb:// or mongodb+srv:// URL');
    expect(error.message).not.to.contain('hunter2');
  });

  for (const port of ['0', '65536', 'abc', '80.5', '-1', '3000x']) {
    it(`rejects PORT=${port}`, () => {
      const error = failure({ PORT: port });
      expect(error.setting).to.equal('PORT');
      expect(error.message).to.match(/^PORT: expected an integer 1-65535/);
    });
  }

  it('rejects a projection lease shorter than a second or longer than ten minutes, naming the setting', () => {
    for (const leaseMs of ['999', '600001', '15s']) {
      const error = failure({ PROJECTION_LEASE_MS: leaseMs });
      expect(error.setting).to.equal('PROJECTION_LEASE_MS');
      expect(error.message).to.match(/^PROJECTION_LEASE_MS: expected an integer 1000-600000/);
    }
  });

  it('given EVENTSTORE_MAX_APPEND_BYTES, then both event stores take it, in bytes or with a unit', () => {
    expect(loadConfig({ EVENTSTORE_MAX_APPEND_BYTES: '65536' }, []).eventStore).to.deep.equal({
      engine: 'sqlite',
      maxAppendBytes: 65536,
    });
    expect(
      loadConfig({}, ['--eventstore-max-append-bytes', '512kb', '--eventstore-url', 'esdb://db:2113']).eventStore,
    ).to.deep.equal({
      engine: 'esdb',
      connectionString: 'esdb://db:2113',
      maxAppendBytes: 512 * 1024,
    });
  });

  it('given an EVENTSTORE_MAX_APPEND_BYTES that is not a size from 4kb to 16mb, then the start is refused naming it', () => {
    for (const value of ['4095', '17mb', 'huge', '-1', '0']) {
      const error = failure({ EVENTSTORE_MAX_APPEND_BYTES: value });
      expect(error.setting).to.equal('EVENTSTORE_MAX_APPEND_BYTES');
      expect(error.message).to.equal(
        `EVENTSTORE_MAX_APPEND_BYTES: expected a size from 4096 to 16777216 bytes such as 1mb, 512kb or 1048576, got ${JSON.stringify(value)}`,
      );
    }
  });

  it('rejects a bad port given as a flag, naming the setting', () => {
    expect(failure({}, ['--port', 'eighty']).setting).to.equal('PORT');
  });

  it('rejects unknown flags, flags without a value and positional arguments', () => {
    expect(failure({}, ['--prot', '80']).message).to.contain('--prot');
    expect(failure({}, ['--port']).message).to.contain('--port');
    expect(failure({}, ['serve']).setting).to.equal('command line');
  });

  it('rejects a short admin token without echoing it', () => {
    const error = failure({ ADMIN_TOKEN: 'letmein' });
    expect(error.setting).to.equal('ADMIN_TOKEN');
    expect(error.message).to.contain('at least 16 characters').and.not.contain('letmein');
  });

  it('rejects a public URL that is not http(s) or carries a query', () => {
    expect(failure({ PUBLIC_URL: 'ftp://example.com' }).setting).to.equal('PUBLIC_URL');
    expect(failure({ PUBLIC_URL: 'https://example.com/?a=1' }).setting).to.equal('PUBLIC_URL');
    expect(failure({ PUBLIC_URL: 'not a url' }).setting).to.equal('PUBLIC_URL');
  });

  it('rejects malformed Twilio, AWS, SES and logging settings, each by name', () => {
    const base = { PUBLIC_URL: 'https://x.example', TWILIO_AUTH_TOKEN: 't' };
    expect(failure({ ...base, TWILIO_ACCOUNT_SID: 'SK123' }).setting).to.equal('TWILIO_ACCOUNT_SID');
    expect(failure({ SES_FROM: 'a@b.example', AWS_REGION: 'Europe' }).setting).to.equal('AWS_REGION');
    expect(failure({ SES_FROM: 'not an address', AWS_REGION: 'us-east-1' }).setting).to.equal('SES_FROM');
    expect(failure({ LOG_LEVEL: 'verbose' }).setting).to.equal('LOG_LEVEL');
    expect(failure({ READY_MAX_LAG: '-5' }).setting).to.equal('READY_MAX_LAG');
    expect(failure({ COMMAND_CACHE_MB: '0' }).setting).to.equal('COMMAND_CACHE_MB');
    expect(failure({ JSON_BODY_LIMIT: 'lots' }).setting).to.equal('JSON_BODY_LIMIT');
  });

  it('requires the settings that only work together', () => {
    expect(
      failure({ TWILIO_ACCOUNT_SID: sid, PUBLIC_URL: 'https://x.example', SMS_FROM: '+13125550100' }).message,
    ).to.equal('TWILIO_AUTH_TOKEN: required when TWILIO_ACCOUNT_SID is set');
    expect(
      failure({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 't', PUBLIC_URL: 'https://x.example' }).setting,
    ).to.equal('SMS_FROM');
    expect(failure({ SMS_FROM: '3125550100' }).setting).to.equal('SMS_FROM');
    expect(failure({ TWILIO_AUTH_TOKEN: 't', PUBLIC_URL: 'https://x.example' }).setting).to.equal('TWILIO_ACCOUNT_SID');
    expect(failure({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 't' }).setting).to.equal('PUBLIC_URL');
    expect(failure({ TWILIO_API_URL: 'http://127.0.0.1:4010' }).setting).to.equal('TWILIO_ACCOUNT_SID');
    expect(failure({ SES_FROM: 'a@b.example' }).setting).to.equal('AWS_REGION');
    expect(failure({ SES_ENDPOINT: 'http://127.0.0.1:8005' }).setting).to.equal('SES_FROM');
  });

  it('names every invalid setting at once', () => {
    const error = failure({ PORT: 'x', EVENTSTORE_URL: 'http://x', SES_FROM: 'a@b.example' });
    expect(error.setting).to.equal('PORT');
    expect(error.message)
      .to.contain('PORT: expected')
      .and.contain('EVENTSTORE_URL: expected')
      .and.contain('AWS_REGION: required');
  });

  it('describes the configuration with secrets and URL passwords masked', () => {
    const config = loadConfig(
      {
        ADMIN_TOKEN: 'a-long-enough-admin-token',
        MONGODB_URL: 'mongodb://user:hunter2@db/x',
        TWILIO_ACCOUNT_SID: sid,
        TWILIO_AUTH_TOKEN: 'twilio-secret-token',
        PUBLIC_URL: 'https://x.example',
        SMS_FROM: '+13125550100',
      },
      [],
    );
    const text = JSON.stringify(describeConfig(config));
    expect(text)
      .not.to.contain('a-long-enough-admin-token')
      .and.not.contain('hunter2')
      .and.not.contain('twilio-secret-token');
    expect(text).to.contain('mongodb://user:***@db/x');
  });
});
