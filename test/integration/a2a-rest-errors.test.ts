// Error paths over HTTP+JSON against a deliberately broken REST agent: A2A error bodies of
// v1.0 and v0.3 turned into sentences naming the transport, method and path; 5xx HTML pages;
// a JSON answer where SSE was asked; an interface nobody answers on; and the REST linter's
// findings (error body, error status, content type). Also the per-agent transport choice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgentService, type AgentService } from '../../electron/engine/a2a/agent-service';
import { startBrokenRestServer, type BrokenRestServer } from '../fixtures/broken-rest-server';
import { startTestEngine, type TestEngine } from '../helpers/engine-fixture';
import { apiError } from '../helpers/api-error';

let t: TestEngine;
let svc: AgentService;
let broken: BrokenRestServer;
let agentId: number;

beforeAll(async () => {
  t = await startTestEngine();
  svc = createAgentService(t.engine.context);
  broken = await startBrokenRestServer();
  agentId = (await svc.handlers.addAgent({ url: broken.url })).id;
});
afterAll(async () => {
  await svc.stop();
  await broken.close();
  await t.cleanup();
});

const h = () => svc.handlers;
/** Starts a task named `id` (the broken agent names its task after the text). */
const started = async (id: string) => {
  const sent = await h().sendMessage({ id: agentId, text: id, stream: false, push: false });
  expect(sent.taskId).toBe(id);
  return id;
};
const rulesOf = async (taskId: string) =>
  (await h().getTimeline({ taskId })).findings.map((f) => f.rule);

describe('HTTP+JSON errors', () => {
  it('chooses HTTP+JSON, the first interface of the card', async () => {
    const view = await h().getAgent({ id: agentId });
    expect(view.transport).toBe('HTTP+JSON');
    expect(view.transports.map((x) => x.transport)).toEqual(['HTTP+JSON', 'JSONRPC']);
  });

  it('a 404 with a v1.0 error body: task not found, naming transport, verb and path', async () => {
    const taskId = await started('missing');
    const e = await apiError(h().fetchTask({ taskId }));
    expect(e.code).toBe('jsonrpc_error');
    expect(e.status).toBe(404);
    expect(e.message).toContain('GetTask over HTTP+JSON (GET /tasks/missing)');
    expect(e.message).toContain('HTTP 404 NOT_FOUND (A2A reason TASK_NOT_FOUND');
    expect(e.message).toContain('JSON-RPC equivalent -32001');
    expect(e.message).toContain('Task not found: missing');
    expect(await rulesOf(taskId)).toEqual([]);
  });

  it('a 500 HTML page: no A2A error body, said and linted', async () => {
    const taskId = await started('teapot');
    const e = await apiError(h().fetchTask({ taskId }));
    expect(e.code).toBe('agent_http_error');
    expect(e.message).toContain('GetTask over HTTP+JSON (GET /tasks/teapot)');
    expect(e.message).toContain('HTTP 500 without an A2A error body');
    expect(await rulesOf(taskId)).toEqual(['rest-error-body']);
  });

  it('an A2A error with another status than the binding gives it', async () => {
    const taskId = await started('mismatch');
    await apiError(h().fetchTask({ taskId }));
    expect(await rulesOf(taskId)).toEqual(['rest-error-status']);
  });

  it('a Task answered as text/plain is read, and linted', async () => {
    const taskId = await started('plain');
    expect((await h().fetchTask({ taskId })).state).toBe('completed');
    expect(await rulesOf(taskId)).toEqual(['rest-content-type']);
  });

  it('JSON where SSE was asked: not a stream', async () => {
    const e = await apiError(
      h().sendMessage({ id: agentId, text: 'x', stream: true, push: false }),
    );
    expect(e.code).toBe('not_sse');
    expect(e.message).toContain('application/json');
  });

  it('a v0.3 error body {code, message} under /v1', async () => {
    await h().updateAgent({ id: agentId, protocolVersion: '0.3' });
    try {
      const taskId = await started('legacy-missing');
      const wire = await h().listWire({ taskId, frames: false, limit: 5 });
      expect(new URL(wire[0]!.url).pathname).toBe('/rest/v1/message:send');
      const e = await apiError(h().fetchTask({ taskId }));
      expect(e.status).toBe(404);
      expect(e.message).toContain('tasks/get over HTTP+JSON (GET /v1/tasks/legacy-missing)');
      expect(e.message).toContain('JSON-RPC equivalent -32001');
      expect(await rulesOf(taskId)).toEqual([]);
    } finally {
      await h().updateAgent({ id: agentId, protocolVersion: null });
    }
  });

  it('an interface where nothing answers names the transport and the address', async () => {
    const dead = await startBrokenRestServer({ deadRest: true });
    try {
      const id = (await h().addAgent({ url: dead.url })).id;
      const e = await apiError(h().sendMessage({ id, text: 'x', stream: false, push: false }));
      expect(e.code).toBe('agent_unreachable');
      expect(e.message).toContain(
        `The card lists HTTP+JSON at ${dead.deadUrl} but nothing answers there.`,
      );
    } finally {
      await dead.close();
    }
  });
});

describe('transport choice', () => {
  it('PUT transport: stored, used, and back to the default with null', async () => {
    const json = await h().updateAgent({ id: agentId, transport: 'JSONRPC' });
    expect(json).toMatchObject({
      transport: 'JSONRPC',
      transportOverride: 'JSONRPC',
      rpcUrl: `${broken.url}rpc`,
    });
    // The JSON-RPC interface of this card answers 404: the call goes there.
    const e = await apiError(
      h().sendMessage({ id: agentId, text: 'x', stream: false, push: false }),
    );
    expect(e.code).toBe('agent_http_error');
    const back = await h().updateAgent({ id: agentId, transport: null });
    expect(back).toMatchObject({ transport: 'HTTP+JSON', transportOverride: null });
  });

  it('refuses a transport the card does not list', async () => {
    const e = await apiError(h().updateAgent({ id: agentId, transport: 'GRPC' }));
    expect(e.status).toBe(409);
    expect(e.code).toBe('transport_not_offered');
    expect(e.message).toContain('HTTP+JSON, JSONRPC');
  });
});
