// Proof that the SDK drops the tutorial's non-standard params.pushNotificationConfig and that
// our raw-body capture restores it: a recording executor behind the SDK's own JSON-RPC handler
// (legacy mode) sees no trace of the URL in its parsed request, but finds the config in the
// call context when createTutorialPushCapture sits in front.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { A2A_PROTOCOL_VERSION, TaskState, type AgentCard } from '@a2a-js/sdk';
import {
  AgentEvent,
  DefaultRequestHandler,
  InMemoryTaskStore,
  type AgentExecutor,
  type RequestContext,
} from '@a2a-js/sdk/server';
import { jsonRpcHandler, UserBuilder } from '@a2a-js/sdk/server/express';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createTutorialPushCapture,
  tutorialPushOf,
} from '../../electron/engine/demo/tutorial-push';
import { collect, tutorialRequest } from './demo-helpers';

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function recordingAgent(withCapture: boolean) {
  const seen: RequestContext[] = [];
  const executor: AgentExecutor = {
    async execute(rc, bus) {
      seen.push(rc);
      bus.publish(
        AgentEvent.task({
          id: rc.taskId,
          contextId: rc.contextId,
          status: {
            state: TaskState.TASK_STATE_COMPLETED,
            message: undefined,
            timestamp: new Date().toISOString(),
          },
          artifacts: [],
          history: [],
          metadata: undefined,
        }),
      );
    },
    async cancelTask() {},
  };
  const iface = (protocolVersion: string) => ({
    url: 'http://127.0.0.1/',
    protocolBinding: 'JSONRPC',
    tenant: '',
    protocolVersion,
  });
  const card: AgentCard = {
    name: 'recorder',
    description: 'records request contexts',
    supportedInterfaces: [iface(A2A_PROTOCOL_VERSION), iface('0.3')],
    provider: undefined,
    version: '0',
    capabilities: { streaming: true, pushNotifications: true, extensions: [] },
    securitySchemes: {},
    securityRequirements: [],
    defaultInputModes: ['text/plain'],
    defaultOutputModes: ['text/plain'],
    skills: [],
    signatures: [],
  };
  const handler = new DefaultRequestHandler(card, new InMemoryTaskStore(), executor);
  const capture = createTutorialPushCapture();
  const rpc = jsonRpcHandler({
    requestHandler: handler,
    userBuilder: UserBuilder.noAuthentication,
    legacyCompat: { enabled: true },
    ...(withCapture ? { contextBuilder: capture.contextBuilder } : {}),
  });
  const app = express();
  if (withCapture) app.use('/', capture.middleware, rpc);
  else app.use('/', rpc);
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen };
}

const config = { url: 'http://127.0.0.1:9/tutorial-hook-marker', secret: 'client-given' };

describe("the tutorial's params.pushNotificationConfig", () => {
  it('is dropped by the SDK: the parsed request has no trace of it', async () => {
    const agent = await recordingAgent(false);
    await collect(agent.url, tutorialRequest('Run a long task', config));
    const [rc] = agent.seen;
    expect(rc).toBeDefined();
    expect(JSON.stringify(rc!.request)).not.toContain('tutorial-hook-marker');
    expect(rc!.request.configuration?.taskPushNotificationConfig).toBeUndefined();
    expect(tutorialPushOf(rc!.context)).toBeNull();
  });

  it('is restored from the raw body by createTutorialPushCapture', async () => {
    const agent = await recordingAgent(true);
    await collect(agent.url, tutorialRequest('Run a long task', config));
    await collect(agent.url, tutorialRequest('no webhook here'));
    const [withConfig, without] = agent.seen;
    expect(JSON.stringify(withConfig!.request)).not.toContain('tutorial-hook-marker');
    expect(tutorialPushOf(withConfig!.context)).toEqual({ ...config, authorization: null });
    expect(tutorialPushOf(without!.context)).toBeNull();
  });

  it('answers a JSON-RPC parse error for a broken body', async () => {
    const agent = await recordingAgent(true);
    const res = await fetch(agent.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"jsonrpc":',
    });
    expect(await res.json()).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32700 } });
  });
});
