// One demo agent as a real A2A server: the SDK's DefaultRequestHandler behind its express
// JSON-RPC handler (v1.0, and v0.3 in legacy mode) at "/", its HTTP+JSON handler (v1.0, and
// v0.3 under /rest/v1 in legacy mode) at "/rest" and its gRPC services on a port of their own
// (grpc-endpoint.ts), the agent card at
// /.well-known/agent-card.json (and the older agent.json), our tutorial push-config capture in
// front, and our signing/retrying push sender.
// Why 127.0.0.1 only: the agents POST to any URL a client names; only local clients may ask.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { AgentCard } from '@a2a-js/sdk';
import { InMemoryPushNotificationStore, InMemoryTaskStore } from '@a2a-js/sdk/server';
import {
  agentCardHandler,
  jsonRpcHandler,
  restHandler,
  UserBuilder,
} from '@a2a-js/sdk/server/express';
import { buildCard, type CardSpec } from './agent-card';
import { createDemoExecutor, type TaskBody } from './demo-executor';
import { bindGrpcEndpoint } from './grpc-endpoint';
import { legacyFinalMiddleware } from './legacy-final';
import { createSignedPushSender } from './push-sender';
import { DemoRequestHandler } from './request-handler';
import type { AgentRuntime } from './runtime';
import { createTutorialPushCapture } from './tutorial-push';

/** Where the HTTP+JSON binding is mounted (the card's HTTP+JSON interface URL). */
export const REST_PATH = '/rest';

export interface AgentServerOptions {
  spec: CardSpec;
  port: number;
  /** The gRPC endpoint's port; 0 or absent = any free port. */
  grpcPort?: number | undefined;
  host?: string;
  runtime: Omit<AgentRuntime, 'signal'>;
  task(rt: AgentRuntime): TaskBody;
  enterprise: boolean;
}

export interface AgentServer {
  url: string;
  port: number;
  /** host:port of the gRPC endpoint (the card's GRPC interfaces). */
  grpcAddress: string;
  card: AgentCard;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`port ${port} is already in use: stop what runs there or choose another port`)
          : err,
      );
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

export async function startAgentServer(opts: AgentServerOptions): Promise<AgentServer> {
  const host = opts.host ?? '127.0.0.1';
  const stopping = new AbortController();
  const rt: AgentRuntime = { ...opts.runtime, signal: stopping.signal };
  const server = createServer();
  const port = await listen(server, opts.port, host);
  const url = `http://${host}:${port}/`;
  const grpcEndpoint = await bindGrpcEndpoint(host, opts.grpcPort ?? 0).catch((err: Error) => {
    server.close();
    throw err;
  });
  const card = buildCard(opts.spec, {
    jsonrpc: url,
    rest: `${url}${REST_PATH.slice(1)}`,
    grpc: grpcEndpoint.address,
  });

  const pushStore = new InMemoryPushNotificationStore();
  const handler = new DemoRequestHandler(
    card,
    new InMemoryTaskStore(),
    createDemoExecutor(rt, opts.task(rt)),
    undefined,
    pushStore,
    createSignedPushSender(rt, pushStore, { enterprise: opts.enterprise }),
  );
  const capture = createTutorialPushCapture();
  const app = express();
  app.disable('x-powered-by');
  // The v1.0 card (no v0.3 fields: it validates against the v1.0 schema) unless a client asks
  // for 0.3 with `A2A-Version`; the SDK's compat card then adds `url`/`protocolVersion`. The
  // pre-0.3 path agent.json always gets the compat card. v0.3 requests work either way: the
  // card's supportedInterfaces lists the 0.3 endpoint and the RPC handler runs legacyCompat.
  const v1Card = agentCardHandler({ agentCardProvider: handler });
  const compatCard = agentCardHandler({
    agentCardProvider: handler,
    legacyCompat: { enabled: true },
  });
  app.use('/.well-known/agent-card.json', (req, res, next) =>
    (req.header('A2A-Version') ? compatCard : v1Card)(req, res, next),
  );
  app.use('/.well-known/agent.json', compatCard);
  app.use(
    REST_PATH,
    restHandler({
      requestHandler: handler,
      userBuilder: UserBuilder.noAuthentication,
      legacyCompat: { enabled: true },
    }),
  );
  app.use(
    '/',
    capture.middleware,
    legacyFinalMiddleware,
    jsonRpcHandler({
      requestHandler: handler,
      userBuilder: UserBuilder.noAuthentication,
      legacyCompat: { enabled: true },
      contextBuilder: capture.contextBuilder,
    }),
  );
  server.on('request', app);
  grpcEndpoint.serve(handler);

  let closed: Promise<void> | null = null;
  return {
    url,
    port,
    grpcAddress: grpcEndpoint.address,
    card,
    close() {
      closed ??= new Promise<void>((resolve) => {
        stopping.abort(new Error('agent stopped'));
        grpcEndpoint.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
