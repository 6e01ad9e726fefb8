// Receiver throughput: autocannon against a bare node:http server answering 200 and against
// Switchboard's receiver (capture + verify HMAC and JWT + durable insert), verifying on the main
// thread and on a worker thread, same payloads, same run: 2,000 tutorial enterprise webhooks,
// each with its own JWT (bench/webhooks.ts), cycled by every connection from its own offset.
// Reports the req/s ratios, latencies, CPU per request (and what the goal's rate leaves per
// request on this machine's cores), and whether the stored captures cover every 2xx answer.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import {
  postAndSettle,
  startTestEngine,
  tempDataDir,
  testSecrets,
} from '../test/helpers/engine-fixture';
import { autocannon, type LoadResult } from './autocannon';
import { cpuBudgetUs, goalRatio } from './goals';
import { startFloorServer } from './receiver-floor';
import { distinctWebhooks } from './webhooks';
import type { BenchResult } from './run';
import { withCpu } from './stats';

const DURATION = Number(process.env['BENCH_SECONDS'] ?? 8);
const CONNECTIONS = 10;
const DISTINCT_WEBHOOKS = 2000;

type Hook = { body: string; headers: Record<string, string> };

export async function run(): Promise<BenchResult> {
  const env = testSecrets();
  const hooks = await distinctWebhooks(DISTINCT_WEBHOOKS, {
    webhookSecret: env.SWITCHBOARD_WEBHOOK_SECRET,
    jwtSecret: env.SWITCHBOARD_JWT_SECRET,
  });
  const hook = hooks[0]!;

  const bare = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"received"}');
    });
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', () => r()));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/webhook`;
  const { load: base, cpuUs: bareUs } = await loadWithCpu(bareUrl, hooks);
  bare.close();

  // The floor: the same HMACs, row and jti record through node:http, node:crypto and SQLite alone.
  const floorDir = tempDataDir();
  const floorServer = await startFloorServer({
    dataDir: floorDir,
    webhookSecret: env.SWITCHBOARD_WEBHOOK_SECRET,
    jwtSecret: env.SWITCHBOARD_JWT_SECRET,
    checksJson: await storedChecksJson({ env }, hook),
  });
  const { load: floor, cpuUs: floorUs } = await loadWithCpu(`${floorServer.url}/webhook`, hooks);
  await floorServer.close();
  rmSync(floorDir, { recursive: true, force: true });

  // Verification on the main thread (the default), then on one worker thread (verify pool).
  const main = await measure({ env }, hooks);
  const pooled = await measure({ env, verifyWorkers: 1 }, hooks);
  const ratio = (r: LoadResult, of = base) => (r.requestsPerSec / of.requestsPerSec).toFixed(2);
  // What both cores leave the receiver per request at the goal's rate, once autocannon has taken
  // its share (measured against the bare server, where its cost per request is lowest).
  const cores = availableParallelism();
  const loadUs = base.cpuUs / Math.max(1, base.total2xx);
  const budgetUs = cpuBudgetUs({
    cores,
    baselinePerSec: base.requestsPerSec,
    ratio: goalRatio('receiver', 'ratio receiver / bare'),
    othersUs: loadUs,
  });
  return {
    name: 'receiver',
    metrics: {
      'bare node:http req/s': Math.round(base.requestsPerSec),
      'receiver req/s': Math.round(main.load.requestsPerSec),
      'ratio receiver / bare': ratio(main.load),
      'floor (node:http + 2 HMAC + same row and jti, group commit) req/s': Math.round(
        floor.requestsPerSec,
      ),
      'ratio floor / bare': ratio(floor),
      'ratio receiver / floor': ratio(main.load, floor),
      'receiver + verify worker req/s': Math.round(pooled.load.requestsPerSec),
      'ratio receiver + verify worker / bare': ratio(pooled.load),
      // CPU of this process (server, store, worker threads) per answered request: less
      // sensitive than req/s to other jobs on the machine.
      'bare CPU µs/request': bareUs,
      'floor CPU µs/request': floorUs,
      'receiver CPU µs/request': main.cpuUs,
      'receiver + verify worker CPU µs/request': pooled.cpuUs,
      'autocannon CPU µs/request (against bare)': Math.round(loadUs),
      'CPU µs/request all cores leave the receiver at the goal (after autocannon)':
        Math.round(budgetUs),
      'ratio floor CPU / that budget': (floorUs / budgetUs).toFixed(2),
      // The floor's work spread perfectly over every core, autocannon beside it: the most any
      // receiver doing that work could reach here, however its threads were arranged.
      'ratio ceiling of the floor on all cores / bare': (
        (cores * 1e6) /
        (floorUs + loadUs) /
        base.requestsPerSec
      ).toFixed(2),
      'bare p50/p99 ms': `${base.p50}/${base.p99}`,
      'receiver p50/p99 ms': `${main.load.p50}/${main.load.p99}`,
      'receiver + verify worker p50/p99 ms': `${pooled.load.p50}/${pooled.load.p99}`,
      'receiver 2xx / stored': `${main.load.total2xx}/${main.stored}`,
      // autocannon stops counting at the deadline: requests still in flight then are stored
      // but their 2xx is not counted, so stored may exceed 2xx by up to the connection count.
      'no loss (2xx <= stored <= 2xx + connections)': String(main.noLoss && pooled.noLoss),
      'errors / non-2xx': `${main.load.errors + pooled.load.errors}/${main.load.non2xx + pooled.load.non2xx}`,
    },
    goals: {
      'ratio receiver + verify worker / bare': '>= 0.7',
      'no loss (2xx <= stored <= 2xx + connections)': 'true',
    },
    notes: `${CONNECTIONS} connections, ${DURATION} s each, ${DISTINCT_WEBHOOKS} distinct payloads of ${hook.body.length} B with HMAC + HS256 JWT; autocannon in a child process on the same 2 cores.`,
  };
}

/** The checks JSON the receiver stores for this webhook (the floor writes the same bytes). */
async function storedChecksJson(
  opts: Parameters<typeof startTestEngine>[0],
  hook: Hook,
): Promise<string> {
  const t = await startTestEngine(opts);
  try {
    const { captureId } = await postAndSettle(t, '/webhook', {
      headers: hook.headers,
      body: hook.body,
    });
    const detail = await t.engine.handlers.getCapture({ id: captureId });
    return JSON.stringify(detail.checks);
  } finally {
    await t.cleanup();
  }
}

async function measure(
  opts: Parameters<typeof startTestEngine>[0],
  hooks: Hook[],
): Promise<{ load: LoadResult; stored: number; noLoss: boolean; cpuUs: number }> {
  const t = await startTestEngine(opts);
  // Warm-up (JIT, and a worker's module loading) outside the measured seconds.
  for (let i = 0; i < 20; i++)
    await Promise.all(
      Array.from({ length: 10 }, (_, k) => {
        const hook = hooks[(i * 10 + k) % hooks.length]!;
        return fetch(`${t.receiverUrl}/webhook`, {
          method: 'POST',
          headers: hook.headers,
          body: hook.body,
        }).then((r) => r.arrayBuffer());
      }),
    );
  const warm = (await t.engine.handlers.countCaptures({})).count;
  const { load, cpuUs } = await loadWithCpu(`${t.receiverUrl}/webhook`, hooks);
  const count = (await t.engine.handlers.countCaptures({})).count - warm;
  await t.stop();
  rmSync(t.dataDir, { recursive: true, force: true });
  const noLoss = count >= load.total2xx && count <= load.total2xx + CONNECTIONS;
  return { load, stored: count, noLoss, cpuUs };
}

/** autocannon against `url`, and the CPU time of this process (server, store and worker
 *  threads) per answered request: less sensitive than req/s to other jobs on the machine. */
async function loadWithCpu(
  url: string,
  hooks: Hook[],
): Promise<{ load: LoadResult; cpuUs: number }> {
  const { value: load, cpuUs } = await withCpu(() =>
    autocannon({ url, requests: hooks, connections: CONNECTIONS, durationSec: DURATION }),
  );
  return { load, cpuUs: Math.round(cpuUs / Math.max(1, load.total2xx)) };
}
