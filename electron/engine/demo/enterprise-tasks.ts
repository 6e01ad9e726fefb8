// The Enterprise Security Agent's four task kinds, step for step as in the tutorial (texts,
// artifact names, delays). Deviations, written down in docs/demo-agents.md: the batch summary's
// processing time is the real 15 s (the tutorial's formula prints 45) and its metadata carries
// the real batch size (2) plus total_items (the tutorial passes the item count as batch_size).
import { createHash } from 'node:crypto';
import type { RequestContext } from '@a2a-js/sdk/server';
import type { PyJson } from '../../../shared/python-json';
import { challengeEndpoint } from './endpoint-challenge';
import { pyIsoformat } from './python-time';
import type { AgentRuntime } from './runtime';
import type { TaskPublisher } from './task-publisher';
import { tutorialPushOf } from './tutorial-push';
import { webhookUrlWarning } from './url-policy';
import { sendTutorialWebhook } from './webhook-sender';

export const FILES = [
  'customer_data.csv',
  'financial_report.pdf',
  'ml_model.pkl',
  'audit_log.json',
];
export const TOTAL_ITEMS = 10;
export const BATCH_SIZE = 2;

async function notify(
  rt: AgentRuntime,
  t: TaskPublisher,
  rc: RequestContext,
  result: string,
  metadata: { [key: string]: PyJson },
): Promise<void> {
  const config = tutorialPushOf(rc.context);
  if (config)
    await sendTutorialWebhook(rt, { config, taskId: t.taskId, result, enterprise: { metadata } });
}

function webhookUrls(rc: RequestContext): string[] {
  const urls = [
    tutorialPushOf(rc.context)?.url,
    rc.request.configuration?.taskPushNotificationConfig?.url,
  ].filter((u): u is string => Boolean(u));
  return [...new Set(urls)];
}

export async function secureTask(
  rt: AgentRuntime,
  t: TaskPublisher,
  rc: RequestContext,
  input: string,
): Promise<void> {
  t.working('🔒 Initializing secure task with enterprise security...');
  const urls = webhookUrls(rc);
  if (urls.length > 0) {
    const failures: string[] = [];
    for (const url of urls) {
      const warning = webhookUrlWarning(url);
      if (warning) rt.log(`warning: ${warning}`);
      const check = await challengeEndpoint(url, { signal: t.signal });
      rt.log(`endpoint challenge ${check.url}: ${check.ok ? 'ok' : 'failed'} (${check.detail})`);
      if (!check.ok) failures.push(`${check.url}: ${check.detail}`);
    }
    // The tutorial lets a failed challenge pass "for development"; we do the same but say so.
    t.working(
      failures.length === 0
        ? '✅ Webhook security validated - proceeding with secure task'
        : `⚠️ Webhook endpoint validation failed (${failures.join('; ')}) - continuing in development mode`,
    );
  }
  for (let i = 0; i < 5; i++) {
    await rt.clock.sleep(3000, t.signal);
    t.working(`🔐 Secure processing step ${i + 1}/5...`);
  }
  const result =
    `🔒 SECURE TASK COMPLETED\n\n` +
    `Input: '${input}'\n` +
    `Security Level: Enterprise\n` +
    `Encryption: AES-256\n` +
    `Audit Log: Generated\n` +
    `Completed: ${pyIsoformat()}`;
  t.artifact('secure_task_result', result);
  await notify(rt, t, rc, result, { security_level: 'enterprise' });
  t.complete();
}

export async function fileTask(
  rt: AgentRuntime,
  t: TaskPublisher,
  rc: RequestContext,
): Promise<void> {
  t.working('📁 Processing multiple files with security validation...');
  for (const [i, filename] of FILES.entries()) {
    await rt.clock.sleep(2000, t.signal);
    t.working(`📄 Processing ${filename}... (${i + 1}/${FILES.length})`);
    const checksum = createHash('sha256').update(filename, 'utf8').digest('hex').slice(0, 16);
    const content =
      `PROCESSED FILE: ${filename}\n` +
      `Processing Time: ${pyIsoformat()}\n` +
      `File Size: ${(i + 1) * 2048} bytes\n` +
      `Security Scan: PASSED\n` +
      `Encryption Status: AES-256 Encrypted\n` +
      `Checksum: sha256-${checksum}`;
    t.artifact(`processed_${filename.replaceAll('.', '_')}`, content);
  }
  const summary =
    `📊 FILE PROCESSING SUMMARY\n\n` +
    `Total Files: ${FILES.length}\n` +
    `Files Processed: ${FILES.join(', ')}\n` +
    `Security Status: All files validated\n` +
    `Encryption Applied: Yes\n` +
    `Completed: ${pyIsoformat()}`;
  t.artifact('processing_summary', summary);
  await notify(rt, t, rc, summary, { artifact_count: FILES.length + 1 });
  t.complete();
}

export async function batchTask(
  rt: AgentRuntime,
  t: TaskPublisher,
  rc: RequestContext,
): Promise<void> {
  t.working('⚙️ Starting batch processing job...');
  for (let start = 0; start < TOTAL_ITEMS; start += BATCH_SIZE) {
    const end = Math.min(start + BATCH_SIZE, TOTAL_ITEMS);
    const items = Array.from({ length: end - start }, (_, k) => start + k + 1);
    t.working(`📦 Processing batch: items [${items.join(', ')}] (${end}/${TOTAL_ITEMS})`);
    await rt.clock.sleep(3000, t.signal);
  }
  const batches = Math.ceil(TOTAL_ITEMS / BATCH_SIZE);
  const result =
    `🔄 BATCH PROCESSING COMPLETED\n\n` +
    `Total Items Processed: ${TOTAL_ITEMS}\n` +
    `Batch Size: ${BATCH_SIZE}\n` +
    `Batches Completed: ${batches}\n` +
    `Processing Time: ${batches * 3} seconds\n` +
    `Completed: ${pyIsoformat()}`;
  t.artifact('batch_processing_result', result);
  await notify(rt, t, rc, result, { batch_size: BATCH_SIZE, total_items: TOTAL_ITEMS });
  t.complete();
}

export async function standardTask(
  rt: AgentRuntime,
  t: TaskPublisher,
  input: string,
): Promise<void> {
  t.working('⚡ Processing standard task...');
  await rt.clock.sleep(2000, t.signal);
  t.artifact(
    'standard_result',
    `✅ Standard task completed: '${input}'\n\nCompleted at: ${pyIsoformat()}`,
  );
  t.complete();
}
