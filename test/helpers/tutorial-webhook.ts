// Builds webhooks the way the tutorial's enterprise agent sends them (HMAC + HS256 JWT), with
// node:crypto and jose, for tests that need a correctly or wrongly signed request.
import { createHmac, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

export interface SignedWebhook {
  body: string;
  headers: Record<string, string>;
  taskId: string;
}

export async function tutorialWebhook(opts: {
  webhookSecret: string;
  jwtSecret?: string;
  taskId?: string;
  body?: string;
  timestamp?: number;
}): Promise<SignedWebhook> {
  const taskId = opts.taskId ?? randomUUID();
  const body =
    opts.body ??
    `{"message": "Enterprise task completed - fetch results with tasks/get", "metadata": {"artifact_count": 5}, "preview": "\\ud83d\\udcca FILE PROCESSING SUMMARY", "status": "completed", "taskId": "${taskId}", "timestamp": "2026-11-25T10:00:00.000000"}`;
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-A2A-Signature':
      'sha256=' + createHmac('sha256', opts.webhookSecret).update(body).digest('hex'),
    'X-A2A-Timestamp': String(ts),
    'X-A2A-Task-ID': taskId,
  };
  if (opts.jwtSecret) {
    const now = Date.now() / 1000;
    const jwt = await new SignJWT({ taskId, jti: randomUUID() })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer('enterprise-a2a-agent')
      .setAudience('client-webhook')
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(new TextEncoder().encode(opts.jwtSecret));
    headers['Authorization'] = `Bearer ${jwt}`;
    headers['X-A2A-Security-Level'] = 'enterprise';
  }
  return { body, headers, taskId };
}
