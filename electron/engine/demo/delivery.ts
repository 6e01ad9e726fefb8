// At-least-once webhook delivery for the demo agents: one POST per attempt, retried with
// exponential backoff and jitter on timeouts, network errors, 408, 429 and 5xx, honouring
// Retry-After. Every attempt is recorded (url, status, latency, attempt number, error).
// Invariants: the body is identical on every attempt (headers may be rebuilt, e.g. a fresh JWT);
// redirects are not followed; waits are divided by the demo speed.
import { randomUUID } from 'node:crypto';
import {
  DELIVERY_ATTEMPT_HEADER,
  type DeliveryAttempt,
  type DeliveryOutcome,
  type DemoAgentName,
  type PushDialect,
} from '../../../shared/api/demo';
import { abortError, type DemoClock } from './clock';
import { webhookUrlWarning } from './url-policy';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Each wait is the exponential delay times (1 + jitter * random). */
  jitter: number;
  timeoutMs: number;
  /** Cap on a receiver's Retry-After (a hostile receiver must not park us for days). */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  jitter: 0.25,
  // The tutorial's httpx timeout, inside the spec's 10-30 s advice.
  timeoutMs: 10_000,
  maxRetryAfterMs: 5 * 60_000,
};

export interface WebhookRequest {
  agent: DemoAgentName;
  dialect: PushDialect;
  taskId: string;
  url: string;
  body: string;
  /** Headers for attempt n (1-based); called once per attempt. */
  headers(attempt: number): Promise<Record<string, string>>;
}

export type AttemptRecord = Omit<DeliveryAttempt, 'id'>;

export interface DeliveryDeps {
  clock: DemoClock;
  policy?: RetryPolicy;
  /** Stores/forwards one attempt; returns it with its id. */
  record(attempt: AttemptRecord): DeliveryAttempt;
  log?(line: string): void;
  random?(): number;
  /** Aborts waits and the request in flight (agent stopping). */
  signal?: AbortSignal;
}

/** Wait before attempt n (n >= 2): base * 2^(n-2), capped, stretched by jitter. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 2));
  return Math.round(exp * (1 + policy.jitter * random()));
}

/** Retry-After as delay-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

interface AttemptResult {
  status: number | null;
  error: string | null;
  retryAfterMs: number | null;
  latencyMs: number;
}

async function attemptOnce(
  req: WebhookRequest,
  attempt: number,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<AttemptResult> {
  const started = performance.now();
  const timeout = AbortSignal.timeout(policy.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const res = await fetch(req.url, {
      method: 'POST',
      // The attempt number lets a receiver (Switchboard's timeline) tell retries apart.
      headers: { ...(await req.headers(attempt)), [DELIVERY_ATTEMPT_HEADER]: String(attempt) },
      body: req.body,
      // Why manual: following a redirect would send signed data to a host nobody configured.
      redirect: 'manual',
      signal: combined,
    });
    await res.arrayBuffer().catch(() => undefined);
    return {
      status: res.status,
      error: res.ok ? null : `HTTP ${res.status}`,
      retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
      latencyMs: Math.round(performance.now() - started),
    };
  } catch (err) {
    const timedOut = timeout.aborted && !signal?.aborted;
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const error = timedOut
      ? `timeout after ${policy.timeoutMs} ms`
      : (cause?.code ?? cause?.message ?? (err as Error).message);
    return {
      status: null,
      error,
      retryAfterMs: null,
      latencyMs: Math.round(performance.now() - started),
    };
  }
}

/** Delivers one webhook; resolves with the last attempt (delivered or failed). */
export async function deliverWebhook(
  req: WebhookRequest,
  deps: DeliveryDeps,
): Promise<DeliveryAttempt> {
  const policy = deps.policy ?? DEFAULT_RETRY_POLICY;
  const random = deps.random ?? Math.random;
  const deliveryId = randomUUID();
  const warning = webhookUrlWarning(req.url);
  if (warning) deps.log?.(`warning: ${warning}`);
  let wantedMs = 0;
  for (let attempt = 1; ; attempt++) {
    const delayMs = deps.clock.scale(wantedMs);
    if (delayMs > 0) await deps.clock.sleep(wantedMs, deps.signal);
    if (deps.signal?.aborted) throw abortError(deps.signal);
    const at = Date.now();
    const result = await attemptOnce(req, attempt, policy, deps.signal);
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    const retryable = result.status === null || isRetryableStatus(result.status);
    const outcome: DeliveryOutcome = ok
      ? 'delivered'
      : retryable && attempt < policy.maxAttempts && !deps.signal?.aborted
        ? 'retry'
        : 'failed';
    const recorded = deps.record({
      deliveryId,
      agent: req.agent,
      dialect: req.dialect,
      taskId: req.taskId,
      url: req.url,
      attempt,
      at,
      delayMs,
      status: result.status,
      latencyMs: result.latencyMs,
      error: result.error,
      outcome,
      warning,
    });
    deps.log?.(
      `${req.agent} ${req.dialect} webhook attempt ${attempt} -> ${req.url}: ` +
        `${result.status ?? result.error} (${result.latencyMs} ms) ${outcome}`,
    );
    if (outcome !== 'retry') return recorded;
    wantedMs =
      result.retryAfterMs !== null
        ? Math.min(result.retryAfterMs, policy.maxRetryAfterMs)
        : backoffDelay(attempt + 1, policy, random);
  }
}
