// Browser mode: the engine's API over HTTP + SSE on 127.0.0.1, plus the renderer build, behind
// the token/Host/Origin checks of http/access.ts. Used by `npm run serve`, `npm start` where
// Electron cannot run, and by the end-to-end tests.
import express from 'express';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Engine } from './engine/engine';
import { accessControl } from './http/access';
import { CSP } from './security';
import { createApiRouter } from './http/api-router';
import { eventsRoute } from './http/events-route';

export interface ServeOptions {
  engine: Engine;
  port: number;
  token: string;
  /** Folder of the renderer build (vite outDir). */
  staticDir: string;
  /** Backlog after which a stalled /api/events client is dropped (default 4 MiB). */
  eventsBufferBytes?: number;
}

export interface BrowserMode {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startBrowserMode(opts: ServeOptions): Promise<BrowserMode> {
  let port = opts.port;
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.set('Content-Security-Policy', CSP);
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('Referrer-Policy', 'no-referrer');
    next();
  });
  app.use(accessControl({ token: opts.token, port: () => port }));
  app.get('/api/events', eventsRoute(opts.engine, opts.eventsBufferBytes));
  app.use('/api', createApiRouter(opts.engine.handlers));
  app.use('/api', (_req, res) => {
    res
      .status(404)
      .json({ error: { code: 'not_found', message: 'No such API route. See docs/api.md.' } });
  });
  app.get('/', (req, res, next) => {
    // The token has just been moved into an HttpOnly cookie; drop it from the address bar.
    if (typeof req.query['token'] === 'string') res.redirect(302, '/');
    else next();
  });
  if (existsSync(join(opts.staticDir, 'index.html'))) {
    app.use(express.static(opts.staticDir, { index: 'index.html' }));
  } else {
    app.get('/', (_req, res) => {
      res
        .type('text/plain')
        .send(
          'Switchboard API is running, but the UI is not built. Run `npm run build:renderer`, then reload.',
        );
    });
  }

  const server: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(
              `Port ${opts.port} is already in use. Start with --port <n> (0 picks a free port).`,
            )
          : err,
      ),
    );
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
