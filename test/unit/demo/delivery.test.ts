// Retry policy pieces of the demo webhook sender: backoff growth with bounded jitter,
// Retry-After parsing, which statuses are retried, the demo clock and URL warnings.
import { describe, expect, it } from 'vitest';
import { createClock, parseSpeed, speedFromEnv } from '../../../electron/engine/demo/clock';
import {
  DEFAULT_RETRY_POLICY,
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
} from '../../../electron/engine/demo/delivery';
import { isLoopbackHost } from '../../../shared/host-scope';
import { parseWebhookUrl, webhookUrlWarning } from '../../../electron/engine/demo/url-policy';

describe('backoff', () => {
  it('doubles per attempt within +jitter, capped', () => {
    const p = DEFAULT_RETRY_POLICY;
    expect(backoffDelay(2, p, () => 0)).toBe(1000);
    expect(backoffDelay(3, p, () => 0)).toBe(2000);
    expect(backoffDelay(4, p, () => 0)).toBe(4000);
    expect(backoffDelay(3, p, () => 1)).toBe(2500);
    expect(backoffDelay(20, p, () => 0)).toBe(p.maxDelayMs);
    for (let n = 2; n < 6; n++) {
      // Whatever the jitter, a later wait is never shorter than an earlier one.
      expect(backoffDelay(n + 1, p, () => 0)).toBeGreaterThanOrEqual(backoffDelay(n, p, () => 1));
    }
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('retries 408, 429 and 5xx only', () => {
    expect([408, 429, 500, 502, 503].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 301].some(isRetryableStatus)).toBe(false);
  });
});

describe('demo clock', () => {
  it('divides delays by the speed and validates it', async () => {
    const clock = createClock(100);
    expect(clock.scale(5000)).toBe(50);
    expect(() => parseSpeed('0')).toThrow(/above 0/);
    expect(() => parseSpeed('fast')).toThrow();
    expect(speedFromEnv({ SWITCHBOARD_DEMO_SPEED: '25' })).toBe(25);
    expect(speedFromEnv({})).toBeUndefined();
    const abort = new AbortController();
    const sleeping = clock.sleep(1_000_000, abort.signal);
    abort.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
  });
});

describe('webhook URL policy', () => {
  it('accepts http(s) only', () => {
    expect(() => parseWebhookUrl('file:///etc/passwd')).toThrow(/http or https/);
    expect(() => parseWebhookUrl('not a url')).toThrow(/not a valid URL/);
  });

  it('warns about plain HTTP outside loopback', () => {
    expect(webhookUrlWarning('http://127.0.0.1:9000/webhook')).toBeNull();
    expect(webhookUrlWarning('http://localhost/webhook')).toBeNull();
    expect(webhookUrlWarning('http://[::1]:1/x')).toBeNull();
    expect(webhookUrlWarning('https://hooks.example.com/x')).toBeNull();
    expect(webhookUrlWarning('http://hooks.example.com/x')).toMatch(
      /plain HTTP to hooks.example.com/,
    );
    expect(webhookUrlWarning('http://10.0.0.5/x')).toMatch(/use HTTPS/);
    expect(isLoopbackHost('127.8.9.10')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });
});
