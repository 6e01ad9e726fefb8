import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../../shared/host-scope';
import { checkTarget, defaultTarget } from '../../../electron/engine/replay/target';

describe('replay targets', () => {
  it('knows loopback hosts', () => {
    for (const h of [
      'localhost',
      'api.localhost',
      '127.0.0.1',
      '127.8.9.1',
      '[::1]',
      '::ffff:127.0.0.1',
    ]) {
      expect([h, isLoopbackHost(h)]).toEqual([h, true]);
    }
    for (const h of ['example.com', '10.0.0.1', '::2', 'localhost.example.com', '128.0.0.1']) {
      expect([h, isLoopbackHost(h)]).toEqual([h, false]);
    }
  });

  it('defaults to the capture path and query on the receiver', () => {
    expect(defaultTarget('http://127.0.0.1:9000/', { path: '/webhook', query: 'a=1' })).toBe(
      'http://127.0.0.1:9000/webhook?a=1',
    );
  });

  it('refuses non-http schemes, credentials in URLs and unconfirmed remote hosts', () => {
    expect(() => checkTarget('ftp://127.0.0.1/', false)).toThrow(/http/);
    expect(() => checkTarget('http://u:p@127.0.0.1/', false)).toThrow(/credentials/);
    expect(() => checkTarget('nope', false)).toThrow(/not a URL/);
    expect(() => checkTarget('https://hooks.example.com/x', false)).toThrow(
      /tick “The target may be off this machine”/,
    );
    expect(checkTarget('https://hooks.example.com/x', true).host).toBe('hooks.example.com');
  });
});
