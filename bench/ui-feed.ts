// What the UI bench feeds the app: a store seeded with captures, and live webhooks sent at a
// steady rate while the page is measured (bench/ui.bench.ts).
import { createHmac } from 'node:crypto';
import type { Verdict } from '../shared/model';
import { createCapturesRepo } from '../electron/engine/store/captures-repo';
import { openDatabase } from '../electron/engine/store/open-store';

/** Inserts `stored` captures with verdicts straight through the captures repo. */
export function seed(dataDir: string, stored: number): void {
  const db = openDatabase(dataDir);
  const repo = createCapturesRepo(db);
  const verdicts: Verdict[] = ['valid', 'valid', 'valid', 'invalid', 'unverified'];
  const t0 = Date.now() - stored * 1000;
  db.transaction(() => {
    for (let i = 0; i < stored; i++) {
      const taskId = `task-${(i % 997).toString(36)}-${i}`;
      const body = new TextEncoder().encode(
        JSON.stringify({
          taskId,
          status: 'completed',
          preview: `stored webhook number ${i}`,
          timestamp: new Date(t0 + i * 1000).toISOString(),
        }),
      );
      const id = repo.insert({
        receivedAt: t0 + i * 1000,
        method: 'POST',
        path: `/webhook/${i % 7 === 0 ? 'enterprise' : 'tasks'}`,
        query: '',
        headers: [
          ['Content-Type', 'application/json'],
          ['X-A2A-Task-ID', taskId],
        ],
        body,
        remoteAddress: '127.0.0.1',
        taskId,
        contentType: 'application/json',
        source: 'receiver',
      });
      const verdict = verdicts[i % verdicts.length] ?? 'valid';
      repo.saveVerification(
        id,
        [
          {
            id: 'hmac-sha256',
            status: verdict === 'valid' ? 'pass' : verdict === 'invalid' ? 'fail' : 'skip',
            detail: 'seeded',
          },
        ],
        verdict,
      );
    }
  })();
  db.close();
}

/** Sends HMAC-signed webhooks at `rate`/s for `seconds` (task ids `prefix-N`); resolves with
 *  task id → 2xx time. A send that fails is written to `failures`, not thrown. */
export async function sendWebhooks(
  o: { receiver: string; secret: string; rate: number; prefix: string; failures: string[] },
  seconds: number,
): Promise<Map<string, number>> {
  const { receiver, secret, rate, prefix, failures } = o;
  const done = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const total = rate * seconds;
  const start = Date.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const taskId = `${prefix}-${i}`;
    const body = JSON.stringify({ taskId, status: 'working', preview: 'live' });
    const sig = createHmac('sha256', secret).update(body).digest('hex');
    pending.push(
      fetch(`${receiver}/webhook`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-a2a-task-id': taskId,
          'x-a2a-signature': `sha256=${sig}`,
          'x-a2a-timestamp': String(Math.floor(Date.now() / 1000)),
        },
      }).then(
        async (res) => {
          await res.arrayBuffer();
          if (res.ok) done.set(taskId, Date.now());
        },
        (err: unknown) => {
          failures.push(err instanceof Error ? String(err.cause ?? err.message) : String(err));
        },
      ),
    );
  }
  await Promise.all(pending);
  return done;
}
