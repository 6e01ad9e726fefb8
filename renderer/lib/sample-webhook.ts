// The empty state's "send a signed sample" command: a tutorial-style notification body signed with
// HMAC-SHA256 (X-A2A-Signature: sha256=<hex> over the exact bytes) using the current secret,
// computed in the page by the receiver's own HMAC (shared/verify/hmac.ts, which accepts an empty
// secret like Python's hmac). The timestamp header is filled in by the shell at send time so the
// command stays valid inside the timestamp window, which is why this is not curlCommand's output.
import { shellQuote } from '../../shared/curl';
import { hmacSha256Hex } from '../../shared/verify/hmac';

export interface SampleWebhook {
  body: string;
  taskId: string;
  signature: string;
  command: string;
}

/** Body in the tutorial's shape (sorted keys, Python json.dumps separators). */
export function sampleBody(taskId: string, isoTime: string): string {
  return (
    `{"message": "Sample notification sent from Switchboard", "preview": "Hello from a signed sample", ` +
    `"status": "completed", "taskId": ${JSON.stringify(taskId)}, "timestamp": ${JSON.stringify(isoTime)}}`
  );
}

export async function buildSampleWebhook(opts: {
  receiverUrl: string;
  webhookSecret: string;
  notificationToken?: string;
  taskId: string;
  now: Date;
}): Promise<SampleWebhook> {
  const body = sampleBody(opts.taskId, opts.now.toISOString());
  const signature = `sha256=${await hmacSha256Hex(opts.webhookSecret, body)}`;
  const url = opts.receiverUrl.replace(/\/$/, '') + '/webhook';
  const lines = [
    `curl -X POST ${shellQuote(url)}`,
    `-H 'Content-Type: application/json'`,
    `-H ${shellQuote(`X-A2A-Signature: ${signature}`)}`,
    // Double quotes on purpose: the shell substitutes the current unix time when sent.
    `-H "X-A2A-Timestamp: $(date +%s)"`,
    `-H ${shellQuote(`X-A2A-Task-ID: ${opts.taskId}`)}`,
  ];
  if (opts.notificationToken) {
    lines.push(`-H ${shellQuote(`X-A2A-Notification-Token: ${opts.notificationToken}`)}`);
  }
  lines.push(`--data-binary ${shellQuote(body)}`);
  return { body, taskId: opts.taskId, signature, command: lines.join(' \\\n  ') };
}
