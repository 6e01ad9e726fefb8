// The demo agents over gRPC: their cards list GRPC interfaces (v1.0 and 0.3) on a port of their
// own; a task sent over gRPC with a v1.0 push config streams to completion and its webhooks
// land in Switchboard's receiver (push is HTTP whatever the transport); the SDK's own gRPC
// clients (v1.0, and v0.3 through its compat layer) talk to the same endpoint.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientFactory } from '@a2a-js/sdk/client';
import { GrpcTransportFactory } from '@a2a-js/sdk/client/grpc';
import { Role, type AgentCard } from '@a2a-js/sdk';
import { composeMessage } from '../../electron/engine/a2a/dialect';
import { openGrpcStream, type GrpcMessage } from '../../electron/engine/a2a/grpc/grpc-stream';
import { callGrpc } from '../../electron/engine/a2a/grpc/grpc-unary';
import type { AgentTarget } from '../../electron/engine/a2a/rpc-client';
import { createA2aWireRepo, type A2aWireRepo } from '../../electron/engine/store/a2a-wire-repo';
import { cardInterfaces } from '../../shared/a2a/card-info';
import { normalizeResult } from '../../shared/a2a/normalize';
import { validateCard } from '../../shared/a2a/validate-card';
import { startTestEngine, type TestEngine } from '../helpers/engine-fixture';
import { waitFor } from '../helpers/wait-for';

let t: TestEngine;
let wire: A2aWireRepo;
let card: AgentCard;
let grpcAddress: string;
let target: AgentTarget;

beforeAll(async () => {
  t = await startTestEngine();
  wire = createA2aWireRepo(t.engine.context.db);
  const started = await t.engine.handlers.startDemoAgent({ name: 'long', port: 0, speed: 50 });
  const view = await t.engine.handlers.addAgent({ url: started.url! });
  card = view.card as AgentCard;
  grpcAddress = cardInterfaces(card).find((i) => i.binding === 'GRPC')!.url;
  target = {
    agentId: view.id,
    transport: 'GRPC',
    rpcUrl: grpcAddress,
    version: '1.0',
    headers: {},
  };
});
afterAll(async () => {
  await t?.engine.handlers.stopDemoAgent({ name: 'long' });
  await t?.cleanup();
});

describe('demo agents serve gRPC', () => {
  it('the card lists GRPC (1.0 and 0.3) after JSON-RPC and HTTP+JSON, on its own port, and stays valid', () => {
    const bindings = cardInterfaces(card).map((i) => `${i.binding} ${i.version}`);
    expect(bindings).toEqual([
      'JSONRPC 1.0',
      'JSONRPC 0.3',
      'HTTP+JSON 1.0',
      'HTTP+JSON 0.3',
      'GRPC 1.0',
      'GRPC 0.3',
    ]);
    expect(grpcAddress).toMatch(/^127\.0\.0\.1:\d+$/);
    const httpPort = new URL(cardInterfaces(card)[0]!.url).port;
    expect(grpcAddress.split(':')[1]).not.toBe(httpPort);
    const validation = validateCard(card);
    expect(validation.errors).toEqual([]);
    expect(validation.warnings.filter((w) => /gRPC|http\(s\)/.test(w.message))).toEqual([]);
  });

  it('a gRPC-driven task with v1.0 push streams to completion; its webhooks land in the receiver', async () => {
    const token = randomUUID();
    const call = composeMessage('1.0', {
      text: 'Process this quickly',
      stream: true,
      push: { dialect: 'v1.0', url: `${t.receiverUrl}/webhook`, token, secret: '' },
    });
    const stream = await openGrpcStream(wire, target, call, 'send', {
      taskId: null,
      redactInBody: [token],
    });
    const messages: GrpcMessage[] = [];
    for await (const m of stream.messages) messages.push(m);
    const taskId = normalizeResult(messages[0]!.json).taskId!;
    expect(normalizeResult(messages.at(-1)!.json).state).toBe('completed');
    const ex = wire.exchange(stream.exchangeId)!;
    expect(ex.requestBody).not.toContain(token);
    expect(ex.grpc!.requestHex).toContain('«redacted»');

    const bodyOf = async (id: number) =>
      new TextDecoder().decode(await t.engine.handlers.getCaptureBody({ id }));
    // Wait until the completion webhook is in (the agent sends one per event).
    const captures = await waitFor(
      async () => {
        const page = await t.engine.handlers.listCaptures({ limit: 100, taskId });
        const bodies = await Promise.all(page.items.map((c) => bodyOf(c.id)));
        return bodies.some((b) => b.includes('TASK_STATE_COMPLETED')) ? page.items : null;
      },
      { what: `completion webhook of task ${taskId}` },
    );
    // The receiver names the task from the body: the webhooks are this gRPC-driven task's.
    expect(captures.length).toBeGreaterThanOrEqual(2);
    expect(captures.every((c) => c.taskId === taskId)).toBe(true);
  });

  it('the SDK gRPC client (v1.0) gets the same task back', async () => {
    const sent = await callGrpc(
      wire,
      target,
      composeMessage('1.0', { text: 'quick', stream: false, push: null }),
      { taskId: null },
    );
    const id = normalizeResult(sent.result).taskId!;
    const client = await new ClientFactory({
      transports: [new GrpcTransportFactory()],
    }).createFromAgentCard({
      ...card,
      supportedInterfaces: card.supportedInterfaces.filter((i) => i.protocolBinding === 'GRPC'),
    });
    const task = await client.getTask({ id, historyLength: undefined, tenant: '' });
    expect(task.id).toBe(id);
  });

  it('the SDK gRPC client in v0.3 compat reaches the same endpoint (a2a.v1.A2AService)', async () => {
    const legacyOnly = {
      ...card,
      supportedInterfaces: card.supportedInterfaces.filter(
        (i) => i.protocolBinding === 'GRPC' && i.protocolVersion === '0.3',
      ),
    };
    const client = await new ClientFactory({
      transports: [new GrpcTransportFactory({ legacyCompat: { enabled: true } })],
    }).createFromAgentCard(legacyOnly);
    const answer = await client.sendMessage({
      message: {
        messageId: randomUUID(),
        contextId: '',
        taskId: '',
        role: Role.ROLE_USER,
        parts: [
          {
            content: { $case: 'text', value: 'quick' },
            metadata: undefined,
            filename: '',
            mediaType: '',
          },
        ],
        metadata: undefined,
        extensions: [],
        referenceTaskIds: [],
      },
      configuration: undefined,
      metadata: undefined,
      tenant: '',
    });
    expect('id' in answer && answer.id).toBeTruthy();
  });

  it('Switchboard refuses v0.3 over gRPC with a sentence (it speaks the v1.0 service only)', async () => {
    const err = await callGrpc(
      wire,
      { ...target, version: '0.3' },
      composeMessage('0.3', { text: 'quick', stream: false, push: null }),
      { taskId: null },
    ).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toContain('Switchboard speaks gRPC with A2A v1.0 agents only');
  });
});
