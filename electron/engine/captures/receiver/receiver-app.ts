// The webhook receiver: capture of POST/PUT/PATCH on any path, and an express app for the rest:
// health on GET /, the tutorial's endpoint challenge on GET <any path>/validate.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import express, { type Express } from 'express';
import { captureRequest, type ReceiverDeps } from './capture-request';

const CAPTURED_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export interface ReceiverHandler {
  handle: RequestListener;
  /** Resolves when every capture in flight has been stored, answered and verified. */
  drain(): Promise<void>;
}

/** The receiver's request handler: captures go straight to captureRequest (no middleware on the
 *  hot path); everything else goes through the express app. */
export function createReceiverHandler(deps: ReceiverDeps & { version: string }): ReceiverHandler {
  const app = createReceiverApp(deps);
  const inflight = new Set<Promise<void>>();
  const fail = (req: IncomingMessage, res: ServerResponse, err: Error) => {
    try {
      const entry = deps.audit.insert({
        at: Date.now(),
        kind: 'error',
        method: req.method ?? '',
        path: req.url ?? '',
        status: 500,
        reason: err.message,
        remoteAddress: req.socket.remoteAddress ?? '',
      });
      deps.emit({ type: 'audit', entry });
    } catch {
      // the store itself is failing (e.g. closing): the 500 below is all we can still do
    }
    if (!res.headersSent) {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'internal', message: err.message }));
    }
  };
  return {
    handle(req, res) {
      // HTTP/1.1 requires Host; Node's own check would answer 400 without a trace.
      if (req.httpVersion === '1.1' && !req.headers.host) {
        refuse(deps, req, 400, 'HTTP/1.1 request without a Host header');
        res.writeHead(400, { 'Content-Type': 'application/json', Connection: 'close' });
        res.end(JSON.stringify({ error: 'missing_host', message: 'A Host header is required.' }));
        return;
      }
      if (!CAPTURED_METHODS.has(req.method ?? '')) return void app(req, res);
      const work = captureRequest(deps, req, res).catch((err: Error) => fail(req, res, err));
      inflight.add(work);
      void work.finally(() => inflight.delete(work));
    },
    async drain() {
      await Promise.allSettled([...inflight]);
    },
  };
}

/** Records a request the receiver turns away (audit + live event). */
function refuse(deps: ReceiverDeps, req: IncomingMessage, status: number, reason: string): void {
  const entry = deps.audit.insert({
    at: Date.now(),
    kind: 'rejected',
    method: req.method ?? '',
    path: (req.url ?? '').split('?')[0] ?? '',
    status,
    reason,
    remoteAddress: req.socket.remoteAddress ?? '',
  });
  deps.emit({ type: 'audit', entry });
}

function createReceiverApp(deps: ReceiverDeps & { version: string }): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.get('/', (_req, res) => {
    res.json({
      service: 'Switchboard webhook receiver',
      status: 'ready',
      version: deps.version,
      captures: deps.captures.count(),
      timestamp: new Date().toISOString(),
    });
  });

  app.get(/\/validate$/, (req, res) => {
    const challenge = req.query['challenge'];
    const remoteAddress = req.socket.remoteAddress ?? '';
    if (typeof challenge !== 'string' || challenge.length === 0) {
      const entry = deps.audit.insert({
        at: Date.now(),
        kind: 'rejected',
        method: 'GET',
        path: req.path,
        status: 400,
        reason: 'validation request without ?challenge=',
        remoteAddress,
      });
      deps.emit({ type: 'audit', entry });
      res.status(400).json({ error: 'missing_challenge', message: 'Expected ?challenge=<value>' });
      return;
    }
    const entry = deps.audit.insert({
      at: Date.now(),
      kind: 'challenge',
      method: 'GET',
      path: req.path,
      status: 200,
      reason: `answered challenge ${challenge.slice(0, 200)}`,
      remoteAddress,
    });
    deps.emit({ type: 'audit', entry });
    res.json({ challenge, status: 'validated' });
  });

  app.use((req, res) => {
    refuse(deps, req, 404, `${req.method} is not captured (only POST, PUT and PATCH are)`);
    res.status(404).json({
      error: 'not_found',
      message: `Switchboard's receiver captures POST, PUT and PATCH on any path; ${req.method} ${req.path} is not handled.`,
    });
  });

  app.use(
    (err: Error, req: express.Request, res: express.Response, _next: express.NextFunction) => {
      const entry = deps.audit.insert({
        at: Date.now(),
        kind: 'error',
        method: req.method,
        path: req.path,
        status: 500,
        reason: err.message,
        remoteAddress: req.socket.remoteAddress ?? '',
      });
      deps.emit({ type: 'audit', entry });
      if (!res.headersSent) res.status(500).json({ error: 'internal', message: err.message });
    },
  );
  return app;
}
