// The bench's load generator: autocannon in a child process against a real server on port 0,
// its summary and the CPU time the child reports for itself (from its first connection on).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autocannon } from '../../../bench/autocannon';

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.end('ok'));
});
let url = '';

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('autocannon', () => {
  it('reports the requests answered and the CPU the load generator used for them', async () => {
    const r = await autocannon({ url, connections: 2, durationSec: 1, body: '{}' });
    expect(r.total2xx).toBeGreaterThan(100);
    expect(r.errors).toBe(0);
    // A second of load costs CPU, and one process cannot use more than its wall time per core.
    const perRequest = r.cpuUs / r.total2xx;
    expect(perRequest).toBeGreaterThan(0.5);
    expect(perRequest).toBeLessThan(1_000);
    expect(r.cpuUs).toBeLessThan(1.5e6 * 4);
  }, 20_000);

  it('cycles distinct requests and still reports its CPU', async () => {
    const requests = [1, 2, 3].map((n) => ({ body: `{"n":${n}}`, headers: { 'x-n': String(n) } }));
    const r = await autocannon({ url, connections: 2, durationSec: 1, requests });
    expect(r.total2xx).toBeGreaterThan(100);
    expect(r.cpuUs).toBeGreaterThan(0);
  }, 20_000);
});
