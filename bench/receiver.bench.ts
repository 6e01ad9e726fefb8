// Receiver throughput: autocannon against a bare node:http server answering 200 and against
// Switchboard's receiver (capture + verify HMAC and JWT + durable insert), same payload (the
// tutorial's enterprise webhook), same run. Reports the req/s ratio, latencies and whether the
// number of stored captures covers every 2xx answer.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { startTestEngine, testSecrets } from '../test/helpers/engine-fixture';
import { tutorialWebhook } from '../test/helpers/tutorial-webhook';
import { autocannon } from './autocannon';
import type { BenchResult } from './run';

const DURATION = Number(process.env['BENCH_SECONDS'] ?? 8);
const CONNECTIONS = 10;

export async function run(): Promise<BenchResult> {
  const env = testSecrets();
  const hook = await tutorialWebhook({
    webhookSecret: env.SWITCHBOARD_WEBHOOK_SECRET,
    jwtSecret: env.SWITCHBOARD_JWT_SECRET,
  });

  const bare = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"received"}');
    });
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', () => r()));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/webhook`;
  const base = await autocannon({
    url: bareUrl,
    body: hook.body,
    headers: hook.headers,
    connections: CONNECTIONS,
    durationSec: DURATION,
  });
  bare.close();

  const t = await startTestEngine({ env });
  const ours = await autocannon({
    url: `${t.receiverUrl}/webhook`,
    body: hook.body,
    headers: hook.headers,
    connections: CONNECTIONS,
    durationSec: DURATION,
  });
  const { count } = await t.engine.handlers.countCaptures({});
  await t.stop();
  rmSync(t.dataDir, { recursive: true, force: true });

  const ratio = ours.requestsPerSec / base.requestsPerSec;
  return {
    name: 'receiver',
    metrics: {
      'bare node:http req/s': Math.round(base.requestsPerSec),
      'receiver req/s': Math.round(ours.requestsPerSec),
      'ratio (goal >= 0.7)': ratio.toFixed(2),
      'bare p50/p99 ms': `${base.p50}/${base.p99}`,
      'receiver p50/p99 ms': `${ours.p50}/${ours.p99}`,
      'receiver 2xx': ours.total2xx,
      'stored captures': count,
      // autocannon stops counting at the deadline: requests still in flight then are stored
      // but their 2xx is not counted, so stored may exceed 2xx by up to the connection count.
      'no loss (2xx <= stored <= 2xx + connections)': String(
        count >= ours.total2xx && count <= ours.total2xx + CONNECTIONS,
      ),
      'errors / non-2xx': `${ours.errors}/${ours.non2xx}`,
    },
    notes: `${CONNECTIONS} connections, ${DURATION} s each, payload ${hook.body.length} B with HMAC + HS256 JWT; autocannon in a child process on the same 2 cores.`,
  };
}
