// The gRPC client's failures, against real misbehaving peers: nothing listening, an HTTP/1.1
// server where gRPC was expected, a gRPC server without the A2A service (UNIMPLEMENTED),
// NOT_FOUND without details, a reason under the wrong status, a hung call (deadline), bytes
// that are no Task, and streams that close early. Each error names the transport and status,
// and the wire log keeps status and trailers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import { grpcStatusMismatch } from '../../shared/a2a/grpc-status';
import { composeMessage, taskCalls } from '../../electron/engine/a2a/dialect';
import { GrpcRpcError } from '../../electron/engine/a2a/grpc/grpc-errors';
import { lintExchanges } from '../../electron/engine/a2a/lint-exchanges';
import { openGrpcStream, type GrpcMessage } from '../../electron/engine/a2a/grpc/grpc-stream';
import { callGrpc } from '../../electron/engine/a2a/grpc/grpc-unary';
import type { AgentTarget } from '../../electron/engine/a2a/rpc-client';
import { createA2aWireRepo, type A2aWireRepo } from '../../electron/engine/store/a2a-wire-repo';
import { startBrokenGrpcServer, type BrokenGrpcServer } from '../fixtures/broken-grpc-server';
import { startTestEngine, type TestEngine } from '../helpers/engine-fixture';

let t: TestEngine;
let wire: A2aWireRepo;
let broken: BrokenGrpcServer;
let http: Server;
let httpAddress: string;
let bare: grpc.Server;
let bareAddress: string;
let agentId: number;

beforeAll(async () => {
  t = await startTestEngine();
  wire = createA2aWireRepo(t.engine.context.db);
  broken = await startBrokenGrpcServer();
  http = createServer((_req, res) => res.end('hello'));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  httpAddress = `127.0.0.1:${(http.address() as AddressInfo).port}`;
  bare = new grpc.Server();
  const port = await new Promise<number>((resolve, reject) =>
    bare.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  bareAddress = `127.0.0.1:${port}`;
  // Wire rows reference an agent: one registered agent row (its card is never used here).
  agentId = Number(
    t.engine.context.db
      .prepare(
        `INSERT INTO agents (base_url, card_url, card, validation, detected_version, created_at, updated_at)
         VALUES ('http://127.0.0.1:1/', 'http://127.0.0.1:1/card', '{}', '{}', '1.0', 0, 0)`,
      )
      .run().lastInsertRowid,
  );
});
afterAll(async () => {
  broken.close();
  bare.forceShutdown();
  await new Promise((r) => http.close(r));
  await t.cleanup();
});

const target = (rpcUrl: string): AgentTarget => ({
  agentId,
  transport: 'GRPC',
  rpcUrl,
  version: '1.0',
  headers: {},
});
const opts = { taskId: null, timeoutMs: 2000 };
const get = (address: string, id: string) =>
  callGrpc(wire, target(address), taskCalls.get('1.0', id), opts).then(
    () => null,
    (e: unknown) => e as ApiError,
  );
const lastExchange = () => wire.exchanges({ agentId }, 1000).at(-1)!;

async function drain(messages: AsyncIterable<GrpcMessage>) {
  const got: GrpcMessage[] = [];
  try {
    for await (const m of messages) got.push(m);
    return { got, error: null };
  } catch (err) {
    return { got, error: err as ApiError };
  }
}

describe('gRPC errors name the transport and the status', () => {
  it('nothing listening: "the card lists GRPC at … but nothing answers there"', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const address = `127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((r) => closed.close(r));
    const err = await get(address, 'x');
    expect(err).toBeInstanceOf(ApiError);
    expect(err!.code).toBe('agent_unreachable');
    expect(err!.message).toContain(`The card lists GRPC at ${address} but nothing answers there`);
    expect(lastExchange().grpc?.status?.name).toBe('UNAVAILABLE');
    expect(lastExchange().error).toBe(err!.message);
  });

  it('an HTTP/1.1 server at the address is reported as not a gRPC server', async () => {
    const err = await get(httpAddress, 'x');
    expect(err!.code).toBe('agent_unreachable');
    expect(err!.message).toContain(`something answers at ${httpAddress} but not as a gRPC server`);
  });

  it('a gRPC server without the A2A service answers UNIMPLEMENTED', async () => {
    const err = await get(bareAddress, 'x');
    expect(err!.code).toBe('grpc_unimplemented');
    expect(err!.status).toBe(501);
    expect(err!.message).toContain('failed with status UNIMPLEMENTED');
    expect(err!.message).toContain('lf.a2a.v1.A2AService');
    expect(lastExchange().grpc?.status?.code).toBe(12);
  });

  it('NOT_FOUND without a details blob is still "task not found" (-32001, HTTP 404)', async () => {
    const err = await get(broken.address, 'missing');
    expect(err).toBeInstanceOf(GrpcRpcError);
    expect((err as GrpcRpcError).rpcCode).toBe(-32001);
    expect((err as GrpcRpcError).reason).toBeNull();
    expect(err!.message).toContain('failed with status NOT_FOUND');
    expect(err!.message).toContain('"no task missing"');
  });

  it('the A2A reason wins over a wrong status, and the linter names the mismatch', async () => {
    const err = (await get(broken.address, 'mislabelled')) as GrpcRpcError;
    expect(err.rpcCode).toBe(-32001);
    expect(err.grpcCode).toBe(grpc.status.UNKNOWN);
    const ex = lastExchange();
    expect(ex.grpc?.reason).toBe('TASK_NOT_FOUND');
    expect(grpcStatusMismatch(ex.grpc!.status!.code, ex.grpc!.reason)).toContain(
      'TASK_NOT_FOUND came with gRPC status UNKNOWN; A2A maps it to NOT_FOUND',
    );
    expect(grpcStatusMismatch(5, 'TASK_NOT_FOUND')).toBeNull();
    expect(lintExchanges([ex]).map((f) => f.rule)).toEqual(['grpc-status-mismatch']);
    // NOT_FOUND without a details blob: the A2A reason is missing.
    await get(broken.address, 'missing');
    expect(lintExchanges([lastExchange()]).map((f) => f.rule)).toEqual(['grpc-no-reason']);
  });

  it('a hung call ends at the deadline (DEADLINE_EXCEEDED, 504)', async () => {
    const err = await callGrpc(wire, target(broken.address), taskCalls.get('1.0', 'hang'), {
      taskId: null,
      timeoutMs: 300,
    }).then(
      () => null,
      (e: unknown) => e as ApiError,
    );
    if (!err) throw new Error('expected a timeout');
    expect(err.code).toBe('agent_timeout');
    expect(err.status).toBe(504);
    expect(err.message).toContain('no answer within 300 ms (DEADLINE_EXCEEDED)');
    expect(lastExchange().grpc?.status?.name).toBe('DEADLINE_EXCEEDED');
  });

  it('bytes that are no Task are refused, and kept in hex', async () => {
    const err = await get(broken.address, 'garbage');
    expect(err!.code).toBe('grpc_bad_message');
    expect(err!.message).toContain('not a valid protobuf message');
    expect(lastExchange().grpc?.responseHex).toBe('0affffff');
  });
});

describe('gRPC streams that misbehave', () => {
  const open = (text: string) =>
    openGrpcStream(
      wire,
      target(broken.address),
      composeMessage('1.0', { text, stream: true, push: null }),
      'send',
      opts,
    );

  it('UNAVAILABLE after two messages: both are kept, then "the stream closed early"', async () => {
    const stream = await open('drop');
    const { got, error } = await drain(stream.messages);
    expect(got).toHaveLength(2);
    expect(error!.code).toBe('grpc_stream_closed');
    expect(error!.message).toContain('after 2 messages: the stream closed early');
    const ex = wire.exchange(stream.exchangeId)!;
    expect(ex.streamEnd).toBe('error');
    expect(ex.grpc?.status).toMatchObject({ name: 'UNAVAILABLE', details: 'going away' });
  });

  it('INTERNAL after messages names the status and keeps the messages', async () => {
    const stream = await open('internal');
    const { got, error } = await drain(stream.messages);
    expect(got.map((m) => Object.keys(m.json as object)[0])).toEqual(['task', 'statusUpdate']);
    expect(error!.message).toContain('failed with status INTERNAL (13) after 2 messages');
    expect(error!.message).toContain('"executor crashed"');
  });

  it('OK before a terminal state ends the iteration normally (the linter judges it)', async () => {
    const stream = await open('end');
    const { got, error } = await drain(stream.messages);
    expect(error).toBeNull();
    expect(got).toHaveLength(2);
    expect(wire.exchange(stream.exchangeId)!.streamEnd).toBe('complete');
  });

  it('an error status before any message rejects the open with the A2A error', async () => {
    const err = await open('fail-first').then(
      () => null,
      (e: unknown) => e as GrpcRpcError,
    );
    if (!err) throw new Error('expected the open to fail');
    expect(err).toBeInstanceOf(GrpcRpcError);
    expect((err as GrpcRpcError).rpcCode).toBe(-32004);
    expect(err.message).toContain('FAILED_PRECONDITION');
    expect(err.message).toContain('UNSUPPORTED_OPERATION');
  });
});
