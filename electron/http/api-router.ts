// The HTTP binding of shared/api.ts: one route per operation, derived from the op table.
// Arguments are merged from query, JSON body and route params, then validated by the op's schema.
import express, { type Router } from 'express';
import { operations, unescapeSegment, type EngineHandlers, type OpSpec } from '../../shared/api';
import { errorInfo } from '../../shared/api/errors';

type AnyHandler = (args: unknown) => Promise<unknown>;

export function createApiRouter(handlers: EngineHandlers): Router {
  const router = express.Router();
  router.use(express.json({ limit: '64mb' }));
  // Static segments must win over `:param` ones (e.g. /captures/count before /captures/:id).
  const entries = Object.entries(operations as Record<string, OpSpec>).sort(
    ([, a], [, b]) => paramCount(a.path) - paramCount(b.path),
  );
  for (const [name, spec] of entries) {
    const handler = (handlers as unknown as Record<string, AnyHandler>)[name];
    if (!handler) throw new Error(`engine has no handler for operation ${name}`);
    const verb = spec.verb.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    router[verb](spec.path.replace(/^\/api/, ''), async (req, res) => {
      try {
        const query = { ...(req.query as Record<string, unknown>) };
        delete query['token'];
        const params = Object.fromEntries(
          Object.entries(req.params).map(([k, v]) => [k, unescapeSegment(String(v))]),
        );
        const raw = { ...query, ...(isObject(req.body) ? req.body : {}), ...params };
        const result = await handler(spec.args.parse(raw));
        if (spec.binary) {
          res.type('application/octet-stream').send(Buffer.from(result as Uint8Array));
        } else {
          res.json(result ?? null);
        }
      } catch (err) {
        sendError(res, err);
      }
    });
  }
  return router;
}

export function sendError(res: express.Response, err: unknown): void {
  const { status, code, message } = errorInfo(err);
  res.status(status).json({ error: { code, message } });
}

function paramCount(path: string): number {
  return (path.match(/:/g) ?? []).length;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
