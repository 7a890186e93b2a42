import { expect } from 'chai';
import { isPublicAddress, webhookUrlProblems } from '../../../commands/webhooks/webhookAddresses.ts';

const path = 'externalInvocation.webhookUrl';

describe('the addresses a webhook may reach', () => {
  it('given public unicast addresses, IPv4 and IPv6 (mapped too), then they may be reached', () => {
    for (const address of ['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])
      expect(isPublicAddress(address), address).to.equal(true);
  });

  it('given private, loopback, link-local, unspecified, CGNAT, ULA, multicast, mapped and embedded-IPv4 addresses, then none may be reached', () => {
    const refused = [
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '127.0.0.1',
      '127.8.9.10',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '::ffff:169.254.169.254',
      '64:ff9b::7f00:1',
      '2002:7f00:1::1',
    ];
    for (const address of refused) expect(isPublicAddress(address), address).to.equal(false);
  });

  it('given something that is no address at all, then it is not reachable', () => {
    expect(isPublicAddress('hooks.example.com')).to.equal(false);
  });
});

describe('a webhook URL before launch', () => {
  it('given a public https URL or a name, then there is no problem (a name is judged again when it resolves)', () => {
    expect(webhookUrlProblems(path, 'https://hooks.hartley-vance.example/outreach', false)).to.deep.equal([]);
    expect(webhookUrlProblems(path, 'http://93.184.215.14:8080/hook', false)).to.deep.equal([]);
  });

  it('given a literal private, loopback or link-local address, or localhost, then launch names it, in every spelling the URL parser accepts', () => {
    for (const url of [
      'http://127.0.0.1/hook',
      'http://localhost:3000/',
      'http://api.localhost/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://169.254.169.254/latest',
      'http://0x7f.1/',
      'http://2130706433/',
      'https://10.0.0.5/',
      'http://[fd00::5]/',
    ]) {
      const problems = webhookUrlProblems(path, url, false);
      expect(problems, url).to.have.length(1);
      expect(problems[0]!.path).to.equal(path);
      expect(problems[0]!.message, url).to.match(/private, loopback or link-local/);
    }
  });

  it('given WEBHOOK_ALLOW_PRIVATE, then a private address passes', () => {
    expect(webhookUrlProblems(path, 'http://127.0.0.1:8080/hook', true)).to.deep.equal([]);
  });

  it('given another scheme or credentials in the URL, then it is refused whatever the setting', () => {
    expect(webhookUrlProblems(path, 'ftp://hooks.example.com/', true)[0]!.message).to.equal('expected an http(s) URL');
    expect(webhookUrlProblems(path, 'wss://hooks.example.com/', true)[0]!.message).to.equal('expected an http(s) URL');
    expect(webhookUrlProblems(path, 'https://user:pw@hooks.example.com/', true)[0]!.message).to.match(
      /no user name or password/,
    );
  });
});
