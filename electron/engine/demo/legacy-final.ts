// v0.3 streams of the demo agents mark an interrupted state (input-required, auth-required) with
// `final: true`, as v0.3 says (the stream ends there) and the Python SDK does. @a2a-js/sdk 1.3's
// compat layer sets `final` only on terminal states, so this middleware corrects the one flag
// in the SSE frames it writes; everything else passes through byte for byte.
import type { RequestHandler } from 'express';

const INTERRUPTED = new Set(['input-required', 'auth-required']);
const STREAM_METHODS = new Set(['message/stream', 'tasks/resubscribe']);

/** The frame with `final: true` when it is an interrupted status-update; null to keep it. */
export function finalizeInterrupted(frame: string): string | null {
  if (!frame.startsWith('data: ') || !frame.endsWith('\n\n')) return null;
  let env: { result?: { kind?: unknown; final?: unknown; status?: { state?: unknown } } };
  try {
    env = JSON.parse(frame.slice(6, -2)) as typeof env;
  } catch {
    return null;
  }
  const r = env.result;
  if (r?.kind !== 'status-update' || r.final === true) return null;
  if (!INTERRUPTED.has(String(r.status?.state))) return null;
  r.final = true;
  return `data: ${JSON.stringify(env)}\n\n`;
}

export const legacyFinalMiddleware: RequestHandler = (req, res, next) => {
  const version = req.header('A2A-Version');
  const method = (req.body as { method?: unknown } | undefined)?.method;
  if ((version && !version.startsWith('0.')) || !STREAM_METHODS.has(String(method))) return next();
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    const fixed = typeof chunk === 'string' ? finalizeInterrupted(chunk) : null;
    return write(fixed ?? chunk, ...rest);
  }) as typeof res.write;
  next();
};
