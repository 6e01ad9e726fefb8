// Check timestamp: X-A2A-Timestamp or webhook-timestamp within the window of receipt.
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../shared/model';
import { verifyCapture } from '../../../shared/verify/index';
import { NOW_MS, NOW_SEC, inputWith, memoryContext, settingsWith } from './verify-helpers';

async function timestampCheck(headers: HeaderPair[], windowSec = 300) {
  const checks = await verifyCapture(
    inputWith(headers),
    settingsWith({ timestampWindowSec: windowSec }),
    memoryContext(),
  );
  return checks.find((c) => c.id === 'timestamp');
}

describe('timestamp', () => {
  it('passes inside the window and says the skew', async () => {
    const check = await timestampCheck([['X-A2A-Timestamp', String(NOW_SEC - 3)]]);
    expect(check).toMatchObject({ status: 'pass' });
    expect(check?.detail).toBe(
      'X-A2A-Timestamp: received 3 s after it was signed; window is 300 s.',
    );
  });

  it('fails outside the window with the skew in seconds', async () => {
    const check = await timestampCheck([['X-A2A-Timestamp', String(NOW_SEC - 412)]]);
    expect(check?.status).toBe('fail');
    expect(check?.detail).toContain('received 412 s after it was signed; window is 300 s');
    expect(check?.diagnosis).toMatchObject({ header: 'X-A2A-Timestamp', windowSec: '300' });
  });

  it('fails a timestamp from the future beyond the window', async () => {
    const check = await timestampCheck([['x-a2a-timestamp', String(NOW_SEC + 400)]]);
    expect(check?.detail).toContain("signed 400 s in the future (is the sender's clock ahead?)");
  });

  it('uses webhook-timestamp when X-A2A-Timestamp is absent', async () => {
    const check = await timestampCheck([['webhook-timestamp', String(NOW_SEC)]]);
    expect(check?.status).toBe('pass');
    expect(check?.detail).toMatch(/^webhook-timestamp: received the second it was signed/);
  });

  it('fails a non-numeric value, with an example of the right format', async () => {
    const check = await timestampCheck([['X-A2A-Timestamp', '2026-11-25T20:00:00']]);
    expect(check?.status).toBe('fail');
    expect(check?.detail).toContain(`is not a number: it must be unix seconds, e.g. ${NOW_SEC}`);
  });

  it('recognises a millisecond timestamp and says so', async () => {
    const check = await timestampCheck([['X-A2A-Timestamp', String(NOW_MS - 1000)]]);
    expect(check?.status).toBe('fail');
    expect(check?.detail).toContain('looks like milliseconds');
  });

  it('respects the configured window', async () => {
    expect((await timestampCheck([['X-A2A-Timestamp', String(NOW_SEC - 61)]], 60))?.status).toBe(
      'fail',
    );
    expect((await timestampCheck([['X-A2A-Timestamp', String(NOW_SEC - 59)]], 60))?.status).toBe(
      'pass',
    );
  });

  it('skips when no timestamp header is present', async () => {
    const check = await timestampCheck([]);
    expect(check?.status).toBe('skip');
    expect(check?.detail).toMatch(/No X-A2A-Timestamp or webhook-timestamp header/);
  });
});
