// The gRPC client against a real @a2a-js/sdk agent serving its own server/grpc next to JSON-RPC
// with the same handler: unary answers equal the JSON-RPC answers (same v1.0 JSON), streams
// yield every message with its bytes, and the wire log keeps path, metadata, hex + JSON per
// message, status and trailers; the view offers a grpcurl command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A2AService } from '@a2a-js/sdk/server/grpc';
import { createAgentService, type AgentService } from '../../electron/engine/a2a/agent-service';
import { composeMessage, pushCalls, taskCalls } from '../../electron/engine/a2a/dialect';
import { callGrpc } from '../../electron/engine/a2a/grpc/grpc-unary';
import { openGrpcStream, type GrpcMessage } from '../../electron/engine/a2a/grpc/grpc-stream';
import { GrpcRpcError } from '../../electron/engine/a2a/grpc/grpc-errors';
import { openGrpcFrames, type GrpcFrame } from '../../electron/engine/a2a/grpc/grpc-frames';
import { NO_LIMITS } from '../../electron/engine/a2a/sse-frames';
import { callRpc, type AgentTarget } from '../../electron/engine/a2a/rpc-client';
import { toWireExchange } from '../../electron/engine/a2a/wire-view';
import { createA2aWireRepo, type A2aWireRepo } from '../../electron/engine/store/a2a-wire-repo';
import { normalizeResult } from '../../shared/a2a/normalize';
import { startSdkAgent, type SdkAgent } from '../fixtures/sdk-agent';
import { startTestEngine, type TestEngine } from '../helpers/engine-fixture';
import { waitFor } from '../helpers/wait-for';

let t: TestEngine;
let agent: SdkAgent;
let svc: AgentService;
let wire: A2aWireRepo;
let grpcTarget: AgentTarget;
let rpcTarget: AgentTarget;

beforeAll(async () => {
  t = await startTestEngine();
  agent = await startSdkAgent('1.0', { grpc: true });
  svc = createAgentService(t.engine.context);
  wire = createA2aWireRepo(t.engine.context.db);
  const view = await svc.handlers.addAgent({ url: agent.url });
  rpcTarget = {
    agentId: view.id,
    transport: 'JSONRPC',
    rpcUrl: view.rpcUrl,
    version: '1.0',
    headers: {},
  };
  grpcTarget = { ...rpcTarget, transport: 'GRPC', rpcUrl: agent.grpcAddress! };
});
afterAll(async () => {
  await svc.stop();
  await agent.close();
  await t.cleanup();
});

const opts = { taskId: null };
const send = (text: string, stream = false) => composeMessage('1.0', { text, stream, push: null });

async function drain(messages: AsyncIterable<GrpcMessage>): Promise<GrpcMessage[]> {
  const out: GrpcMessage[] = [];
  for await (const m of messages) out.push(m);
  return out;
}

describe('unary calls over gRPC', () => {
  it('SendMessage answers {task} as JSON-RPC does, and the wire log keeps bytes, JSON and status', async () => {
    const answer = await callGrpc(wire, grpcTarget, send('quick'), opts);
    const task = (answer.result as { task: { id: string; status: { state: string } } }).task;
    expect(task.id).toMatch(/[0-9a-f-]{36}/);
    expect(JSON.parse(answer.text)).toEqual(answer.result);

    const ex = wire.exchange(answer.exchangeId)!;
    expect(ex.rpcMethod).toBe('SendMessage');
    expect(ex.url).toBe(`http://${agent.grpcAddress}/lf.a2a.v1.A2AService/SendMessage`);
    expect(ex.requestHeaders).toContainEqual(['a2a-version', '1.0']);
    expect(JSON.parse(ex.requestBody)).toMatchObject({
      message: { role: 'ROLE_USER', parts: [{ text: 'quick' }] },
      configuration: { returnImmediately: true },
    });
    expect(ex.responseHeaders.map(([n]) => n)).toContain('content-type');
    expect(JSON.parse(ex.responseBody)).toEqual(answer.result);
    const g = ex.grpc!;
    expect(g.path).toBe('/lf.a2a.v1.A2AService/SendMessage');
    expect(g.status).toEqual({ code: 0, name: 'OK', details: 'OK' });
    expect(g.trailers).toEqual([]);
    // The hex is the real bytes: decoding it gives the logged JSON.
    const decoded = A2AService.sendMessage.requestDeserialize(Buffer.from(g.requestHex, 'hex'));
    expect(decoded.message?.parts[0]?.content).toEqual({ $case: 'text', value: 'quick' });
    const res = A2AService.sendMessage.responseDeserialize(Buffer.from(g.responseHex!, 'hex'));
    expect(res.payload?.$case).toBe('task');

    const view = toWireExchange(wire, ex, true);
    expect(view.grpc?.path).toBe(g.path);
    expect(view.curl).toMatch(
      new RegExp(
        `^grpcurl -plaintext -proto 'a2a.proto' -H 'a2a-version: 1.0' -d '\\{.*\\}' '${agent.grpcAddress}' 'lf.a2a.v1.A2AService/SendMessage'$`,
      ),
    );
  });

  it('GetTask, ListTasks and CancelTask answer the same JSON as JSON-RPC', async () => {
    const started = await callGrpc(wire, grpcTarget, send('long 2 60000'), opts);
    const id = (started.result as { task: { id: string } }).task.id;
    const viaGrpc = await callGrpc(wire, grpcTarget, taskCalls.get('1.0', id), opts);
    const viaRpc = await callRpc(wire, rpcTarget, taskCalls.get('1.0', id), opts);
    expect(viaGrpc.result).toEqual(viaRpc.result);
    expect(normalizeResult(viaGrpc.result).taskId).toBe(id);

    const listG = await callGrpc(wire, grpcTarget, taskCalls.list(), opts);
    const listR = await callRpc(wire, rpcTarget, taskCalls.list(), opts);
    expect(Object.keys(listG.result as object).sort()).toEqual(
      Object.keys(listR.result as object).sort(),
    );
    expect((listG.result as { tasks: { id: string }[] }).tasks.map((x) => x.id)).toContain(id);

    const canceled = await callGrpc(wire, grpcTarget, taskCalls.cancel('1.0', id), opts);
    expect(normalizeResult(canceled.result).state).toBe('canceled');
    const after = await callRpc(wire, rpcTarget, taskCalls.get('1.0', id), opts);
    expect(canceled.result).toEqual(after.result);
  });

  it('push-config Create/Get/List/Delete round-trip; the token never reaches the wire log', async () => {
    const started = await callGrpc(wire, grpcTarget, send('long 2 60000'), opts);
    const id = (started.result as { task: { id: string } }).task.id;
    const token = 'tok-' + 'b'.repeat(24);
    const redact = { taskId: id, redactInBody: [token] };
    const url = `${t.receiverUrl}/webhook`;
    const created = await callGrpc(wire, grpcTarget, pushCalls.set('1.0', id, url, token), redact);
    const config = created.result as { id: string; url: string; taskId: string };
    expect(config).toMatchObject({ taskId: id, url });
    const ex = wire.exchange(created.exchangeId)!;
    for (const logged of [
      ex.requestBody,
      ex.responseBody,
      ex.grpc!.requestHex,
      ex.grpc!.responseHex!,
    ]) {
      expect(logged).not.toContain(token);
      expect(logged).not.toContain(Buffer.from(token).toString('hex'));
      expect(logged).toContain('«redacted»');
    }
    expect(created.text).not.toContain(token);

    const got = await callGrpc(wire, grpcTarget, pushCalls.get('1.0', id, config.id), redact);
    const gotRpc = await callRpc(wire, rpcTarget, pushCalls.get('1.0', id, config.id), redact);
    expect(got.result).toEqual(gotRpc.result);
    const listed = await callGrpc(wire, grpcTarget, pushCalls.list('1.0', id), redact);
    expect((listed.result as { configs: unknown[] }).configs).toHaveLength(1);
    const deleted = await callGrpc(
      wire,
      grpcTarget,
      pushCalls.delete('1.0', id, config.id),
      redact,
    );
    expect(deleted.result).toBeNull();
    const empty = await callGrpc(wire, grpcTarget, pushCalls.list('1.0', id), redact);
    expect(empty.result).toEqual(
      (await callRpc(wire, rpcTarget, pushCalls.list('1.0', id), redact)).result,
    );
    await callGrpc(wire, grpcTarget, taskCalls.cancel('1.0', id), opts);
  });

  it('an unknown task is NOT_FOUND: a 404 RpcError (-32001) naming gRPC, status and reason in the log', async () => {
    const err = await callGrpc(wire, grpcTarget, taskCalls.get('1.0', 'no-such-task'), opts).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GrpcRpcError);
    const e = err as GrpcRpcError;
    expect(e.status).toBe(404);
    expect(e.rpcCode).toBe(-32001);
    expect(e.message).toContain(
      `GetTask over gRPC at ${agent.grpcAddress} failed with status NOT_FOUND`,
    );
    expect(e.message).toContain('TASK_NOT_FOUND');
    const ex = wire.exchanges({ agentId: grpcTarget.agentId }, 1000).at(-1)!;
    expect(ex.grpc?.status).toMatchObject({ code: 5, name: 'NOT_FOUND' });
    expect(ex.grpc?.reason).toBe('TASK_NOT_FOUND');
    expect(ex.grpc?.trailers.map(([n]) => n)).toContain('grpc-status-details-bin');
    expect(ex.error).toBe(e.message);
  });
});

describe('server-streaming calls over gRPC', () => {
  it('SendStreamingMessage yields every message as v1.0 JSON with its bytes and arrival time', async () => {
    const stream = await openGrpcStream(wire, grpcTarget, send('long 3 5', true), 'send', opts);
    const messages = await drain(stream.messages);
    const kinds = messages.map((m) => normalizeResult(m.json).kind);
    expect(kinds[0]).toBe('task');
    expect(kinds).toContain('artifact-update');
    expect(normalizeResult(messages.at(-1)!.json).state).toBe('completed');
    for (const m of messages) {
      expect(JSON.parse(m.text)).toEqual(m.json);
      expect(m.hex).toMatch(/^[0-9a-f]+$/);
      const pb = A2AService.sendStreamingMessage.responseDeserialize(Buffer.from(m.hex, 'hex'));
      expect(pb.payload).toBeDefined();
      expect(m.at).toBeGreaterThan(0);
    }
    const ex = wire.exchange(stream.exchangeId)!;
    expect(ex.streamKind).toBe('send');
    expect(ex.streamEnd).toBe('complete');
    expect(ex.grpc?.status?.name).toBe('OK');
    expect(ex.grpc?.path).toBe('/lf.a2a.v1.A2AService/SendStreamingMessage');
  });

  it('SubscribeToTask follows a running task to its end, starting with the Task', async () => {
    const started = await callGrpc(wire, grpcTarget, send('long 4 20'), opts);
    const id = (started.result as { task: { id: string } }).task.id;
    const stream = await openGrpcStream(
      wire,
      grpcTarget,
      taskCalls.subscribe('1.0', id),
      'subscribe',
      {
        taskId: id,
      },
    );
    const messages = await drain(stream.messages);
    expect(normalizeResult(messages[0]!.json)).toMatchObject({ kind: 'task', taskId: id });
    expect(normalizeResult(messages.at(-1)!.json).state).toBe('completed');
    expect(wire.exchange(stream.exchangeId)!.taskId).toBe(id);
  });

  it('cancel() stops reading: the exchange ends disconnected and the task goes on', async () => {
    const stream = await openGrpcStream(wire, grpcTarget, send('long 2 60000', true), 'send', opts);
    const it = stream.messages[Symbol.asyncIterator]();
    const first = await it.next();
    const id = normalizeResult((first.value as GrpcMessage).json).taskId!;
    stream.cancel();
    await drain({ [Symbol.asyncIterator]: () => it });
    await waitFor(() => wire.exchange(stream.exchangeId)?.streamEnd === 'disconnected', {
      what: 'disconnected',
    });
    const task = await callGrpc(wire, grpcTarget, taskCalls.get('1.0', id), opts);
    expect(normalizeResult(task.result).state).toBe('working');
    await callGrpc(wire, grpcTarget, taskCalls.cancel('1.0', id), opts);
  });

  it('as frames for the stream session: raw = bytes in hex, data = JSON, parsed = the event', async () => {
    const frames = await openGrpcFrames(wire, grpcTarget, send('quick', true), 'send', {
      taskId: null,
      timeoutMs: 5000,
      signal: new AbortController().signal,
      limits: NO_LIMITS,
    });
    const got: GrpcFrame[] = [];
    expect(await frames.read((batch) => got.push(...batch))).toBe('');
    const kinds = got.map((f) => f.parsed.event?.kind);
    expect(kinds[0]).toBe('task');
    expect(kinds).toContain('artifact-update');
    expect(kinds.slice(1).every((k) => k === 'status-update' || k === 'artifact-update')).toBe(
      true,
    );
    for (const f of got) {
      expect(f.raw).toMatch(/^[0-9a-f]+$/);
      expect(normalizeResult(JSON.parse(f.message!.data))).toEqual(f.parsed.event);
    }
    expect(got.at(-1)!.parsed.event?.state).toBe('completed');
    expect(wire.exchange(frames.exchangeId)!.contentType).toBe('application/grpc+proto');
  });

  it('a stream past its byte budget is cancelled with FrameLimitError', async () => {
    const frames = await openGrpcFrames(wire, grpcTarget, send('quick', true), 'send', {
      taskId: null,
      timeoutMs: 5000,
      signal: new AbortController().signal,
      limits: { maxFrameBytes: Infinity, maxStreamBytes: 400 },
    });
    const got: GrpcFrame[] = [];
    const err = await frames.read((batch) => got.push(...batch)).catch((e: unknown) => e as Error);
    expect(String(err)).toContain('budget');
    expect(err).toMatchObject({ which: 'stream', limit: 400 });
    // The messages within the budget were handed over before the cap closed the stream.
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(5);
    expect(wire.exchange(frames.exchangeId)!.streamEnd).toBe('error');
  });
});
