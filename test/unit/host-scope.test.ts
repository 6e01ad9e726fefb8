// Host scopes: loopback, private networks and public hosts, in IPv4, IPv6 and names.
import { describe, expect, it } from 'vitest';
import { hostScope, urlScope } from '../../shared/host-scope';

describe('hostScope', () => {
  it('classifies addresses and names', () => {
    const cases: [string, string][] = [
      ['localhost', 'loopback'],
      ['127.0.0.1', 'loopback'],
      ['[::1]', 'loopback'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['10.0.0.1', 'private'],
      ['172.16.0.1', 'private'],
      ['172.32.0.1', 'public'],
      ['192.168.1.1', 'private'],
      ['169.254.169.254', 'private'],
      ['fd00::1', 'private'],
      ['fe80::1', 'private'],
      ['printer.local', 'private'],
      ['intranet', 'private'],
      ['8.8.8.8', 'public'],
      ['2001:db8::1', 'public'],
      ['localhost.example.com', 'public'],
    ];
    for (const [host, scope] of cases) expect([host, hostScope(host)]).toEqual([host, scope]);
  });

  it('reads URLs and rejects non-URLs', () => {
    expect(urlScope('https://[fd12::3]:8443/x')).toBe('private');
    expect(urlScope('not a url')).toBeNull();
  });
});
