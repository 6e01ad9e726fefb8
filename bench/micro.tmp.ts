import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testSecrets } from '../test/helpers/engine-fixture';
import { tutorialWebhook } from '../test/helpers/tutorial-webhook';
import { verifyUnsaved } from '../electron/engine/captures/verify-and-save';
import { openDatabase } from '../electron/engine/store/open-store';
import { createCapturesRepo } from '../electron/engine/store/captures-repo';
import { createJtiRepo } from '../electron/engine/store/jti-repo';
import { DEFAULT_SETTINGS } from '../electron/engine/settings';
import { extractTaskId } from '../shared/verify/index';
const env = testSecrets();
const hook = await tutorialWebhook({ webhookSecret: env.SWITCHBOARD_WEBHOOK_SECRET, jwtSecret: env.SWITCHBOARD_JWT_SECRET });
const settings = { ...DEFAULT_SETTINGS, webhookSecret: env.SWITCHBOARD_WEBHOOK_SECRET, jwtSecret: env.SWITCHBOARD_JWT_SECRET };
const headers = Object.entries(hook.headers) as [string,string][];
const body = new TextEncoder().encode(hook.body);
const input = { method: 'POST', path: '/webhook', headers, body, receivedAt: Date.now(), taskId: extractTaskId(headers, body) };
const N = 20000;
if (!process.env.NOVERIFY) for (let i = 0; i < 2000; i++) await verifyUnsaved({ settings: () => settings }, input);
let t0 = performance.now();
if (!process.env.NOVERIFY) for (let i = 0; i < N; i++) await verifyUnsaved({ settings: () => settings }, input);
console.log('verify us/op', ((performance.now() - t0) * 1000 / N).toFixed(1));
const db = openDatabase(mkdtempSync(join(tmpdir(), 'm-')));
if (process.env.CKPT) db.pragma('wal_autocheckpoint = ' + process.env.CKPT);
console.log(db.pragma('synchronous'), db.pragma('wal_autocheckpoint'));
const cap = createCapturesRepo(db); const jti = createJtiRepo(db);
const v = await verifyUnsaved({ settings: () => settings }, input);
const c = { source: 'receiver' as const, receivedAt: Date.now(), method: 'POST', path: '/webhook', query: '', headers, body, remoteAddress: '127.0.0.1', taskId: input.taskId, contentType: 'application/json' };
for (const batch of [1, 10]) {
  t0 = performance.now();
  for (let i = 0; i < N / batch; i++) db.transaction(() => { for (let j = 0; j < batch; j++) { const id = cap.insert({ ...c, checks: v.checks, verdict: 'valid' }); jti.record('x' + i + '-' + j, id); } })();
  console.log(`insert batch ${batch} us/capture`, ((performance.now() - t0) * 1000 / N).toFixed(1));
}
console.log('checks json bytes', JSON.stringify(v.checks).length, 'headers', JSON.stringify(headers).length);
for (const sp of [true, false, true, false]) {
  t0 = performance.now();
  for (let i = 0; i < N / 10; i++) db.transaction(() => { for (let j = 0; j < 10; j++) { const w = () => { const id = cap.insert({ ...c, checks: v.checks, verdict: 'valid' }); jti.record('y' + sp + i + '-' + j, id); }; if (sp) db.transaction(w)(); else w(); } })();
  console.log(`savepoint ${sp} us/capture`, ((performance.now() - t0) * 1000 / N).toFixed(1));
}
