// Host and Origin rules of the local API, as pure functions.
import { describe, expect, it } from 'vitest';
import { checkHost, checkOrigin } from '../../../electron/http/access';

describe('checkHost', () => {
  it('accepts loopback names with our port only', () => {
    expect(checkHost('127.0.0.1:5170', 5170)).toBe(true);
    expect(checkHost('LOCALHOST:5170', 5170)).toBe(true);
    expect(checkHost('127.0.0.1:5171', 5170)).toBe(false);
    expect(checkHost('attacker.example:5170', 5170)).toBe(false);
    expect(checkHost('127.0.0.1', 5170)).toBe(false);
    expect(checkHost(undefined, 5170)).toBe(false);
  });
});

describe('checkOrigin', () => {
  it('accepts no Origin and our own origin only', () => {
    expect(checkOrigin(undefined, 5170)).toBe(true);
    expect(checkOrigin('http://127.0.0.1:5170', 5170)).toBe(true);
    expect(checkOrigin('http://localhost:5170', 5170)).toBe(true);
    expect(checkOrigin('https://127.0.0.1:5170', 5170)).toBe(false);
    expect(checkOrigin('http://127.0.0.1:9000', 5170)).toBe(false);
    expect(checkOrigin('null', 5170)).toBe(false);
  });
});
