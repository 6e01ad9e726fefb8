// The timeline benches' task: one agent, one task and one SSE exchange of BENCH_TIMELINE_EVENTS
// frames (100,000 by default), stored through the ingest path (frame-store.ts: batched inserts,
// linted as they arrive), the task finished. Used by the timeline bench (browser mode on this
// data dir) and the task-webhooks bench (webhooks arriving for a task with a long stream).
import { frameRow } from '../electron/engine/a2a/frame-record';
import { createFrameStore } from '../electron/engine/a2a/frame-store';
import { createA2aFindingsRepo } from '../electron/engine/store/a2a-findings-repo';
import { createA2aTasksRepo } from '../electron/engine/store/a2a-tasks-repo';
import { createA2aWireRepo } from '../electron/engine/store/a2a-wire-repo';
import { createAgentsRepo } from '../electron/engine/store/agents-repo';
import { openDatabase } from '../electron/engine/store/open-store';

export const EVENTS = Number(process.env['BENCH_TIMELINE_EVENTS'] ?? 100_000);
export const TASK = 'bench-task-100k';

/** A frame near the end names another context: a finding the linted tail shows at once. */
const FLAGGED = EVENTS - 3;

export const envelope = (i: number, state: string, contextId = 'c') =>
  JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    result:
      i === 0
        ? { task: { id: TASK, contextId, status: { state } } }
        : {
            statusUpdate: {
              taskId: TASK,
              contextId,
              status: {
                state,
                message: { role: 'ROLE_AGENT', parts: [{ text: `progress ${i}` }] },
              },
            },
          },
  });

/** Seeds the task, finished, into a new store in `dataDir`; `agentUrl` is its agent's. */
export function seedTimelineTask(dataDir: string, agentUrl: string): void {
  const db = openDatabase(dataDir);
  const agentId = createAgentsRepo(db).insert({
    baseUrl: agentUrl,
    cardUrl: `${agentUrl}.well-known/agent-card.json`,
    card: {
      name: 'Bench agent',
      description: '',
      version: '1',
      supportedInterfaces: [
        { url: `${agentUrl}rpc`, protocolBinding: 'JSONRPC', protocolVersion: '1.0' },
      ],
    },
    validation: { valid: true, cardVersion: '1.0', errors: [], warnings: [] },
    detectedVersion: '1.0',
    versionOverride: null,
    pushDialect: null,
    headers: {},
    headerOrigins: [],
  });
  createA2aTasksRepo(db).ensure({
    taskId: TASK,
    agentId,
    contextId: 'c',
    protocolVersion: '1.0',
    push: null,
  });
  createA2aTasksRepo(db).setState(TASK, 'completed', 'done', undefined);
  const wire = createA2aWireRepo(db);
  const findings = createA2aFindingsRepo(db);
  const t0 = Date.now() - EVENTS * 10;
  const ex = wire.insertExchange({
    agentId,
    taskId: TASK,
    startedAt: t0,
    rpcMethod: 'SendStreamingMessage',
    streamKind: 'send',
    protocolVersion: '1.0',
    method: 'POST',
    url: agentUrl,
    requestHeaders: [],
    requestBody: '{}',
  });
  wire.finishExchange(ex, { status: 200, contentType: 'text/event-stream' });
  // As a stream would have stored them: chunks of frames, linted as they arrive.
  const store = createFrameStore({ db, wire, findings }, ex, {
    version: '1.0',
    method: 'send',
    contentType: 'text/event-stream',
  });
  const CHUNK_FRAMES = 500;
  for (let from = 0; from < EVENTS; from += CHUNK_FRAMES) {
    const chunk: ReturnType<typeof frameRow>[] = [];
    for (let i = from; i < Math.min(EVENTS, from + CHUNK_FRAMES); i++) {
      const state = i === EVENTS - 1 ? 'TASK_STATE_COMPLETED' : 'TASK_STATE_WORKING';
      const data = envelope(i, state, i === FLAGGED ? 'other' : 'c');
      const raw = `data: ${data}\n\n`;
      chunk.push(
        frameRow(ex, TASK, {
          raw,
          at: t0 + i * 10,
          message: { data, event: undefined, id: undefined },
        }),
      );
    }
    db.transaction(() => store.store(chunk))();
  }
  db.transaction(() => {
    wire.finishExchange(ex, { streamEnd: 'complete', truncatedTail: false });
    store.end('complete', false);
  })();
  db.close();
}
