// createEngine: the whole of Switchboard without a window. Opens the store, loads settings,
// runs the webhook receiver and merges every domain's API handlers. The Electron main process,
// browser mode (serve.ts), the CLI and the tests all use exactly this.
import type { EngineHandlers } from '../../shared/api';
import type { EngineEvent } from '../../shared/events';
import { createAgentService } from './a2a/agent-service';
import { createAgentReportHandlers } from './agent-report/handlers';
import { createCaptureHandlers } from './captures/capture-handlers';
import { verifyLeftovers } from './captures/verify-leftovers';
import type { EngineContext } from './context';
import { createDemoService } from './demo/index';
import { createReplayHandlers } from './replay/handlers';
import { createReceiverHandler } from './receiver/receiver-app';
import { createRetentionService } from './retention-service';
import { getResponseRules } from './receiver/response-rules';
import {
  createReceiverServer,
  DEFAULT_RECEIVER_LIMITS,
  type ReceiverLimits,
} from './receiver/receiver-server';
import { createSettingsStore } from './settings';
import { createAuditRepo } from './store/audit-repo';
import { createCapturesRepo } from './store/captures-repo';
import { createGroupCommit } from './store/group-commit';
import { createVerifyPool } from './captures/verify-pool';
import { createJtiRepo } from './store/jti-repo';
import { openDatabase } from './store/open-store';
import { createPushTokensRepo } from './store/push-tokens-repo';
import { APP_VERSION } from './version';
import { createReplayMarks } from './replay/replay-marks';

export interface EngineOptions {
  dataDir: string;
  /** Overrides the saved receiver port for this run (0 = any free port). */
  receiverPort?: number;
  env?: NodeJS.ProcessEnv;
  /** Receiver connection cap and timeouts (tests shorten them). */
  receiverLimits?: Partial<ReceiverLimits>;
  /** Worker threads verifying captures, and their entry (captures/verify-worker.ts; a .ts
   *  entry loads through tsx). Absent = on the main thread, the default: faster on the 2-core
   *  machine measured (docs/performance.md); the receiver bench measures both. */
  verifyWorkers?: { count: number; script: string };
}

export interface Engine {
  handlers: EngineHandlers;
  events: { on(listener: (event: EngineEvent) => void): () => void };
  context: EngineContext;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createEngine(options: EngineOptions): Engine {
  const db = openDatabase(options.dataDir);
  const settingsStore = createSettingsStore({
    dataDir: options.dataDir,
    ...(options.env ? { env: options.env } : {}),
    ...(options.receiverPort !== undefined
      ? { flags: { receiverPort: { value: options.receiverPort, flag: '--receiver-port' } } }
      : {}),
  });
  const listeners = new Set<(event: EngineEvent) => void>();
  const emit = (event: EngineEvent) => {
    for (const l of listeners) {
      try {
        l(event);
      } catch (err) {
        console.error('engine event listener failed:', (err as Error).message);
      }
    }
  };
  const captures = createCapturesRepo(db);
  const audit = createAuditRepo(db);
  const jti = createJtiRepo(db);
  const pushTokens = createPushTokensRepo(db);
  const verifyDeps = {
    captures,
    jti,
    settings: () => settingsStore.get(),
    registeredTokens: pushTokens,
    commit: createGroupCommit(db),
  };

  const verifyPool = options.verifyWorkers
    ? createVerifyPool(
        options.verifyWorkers.count,
        verifyDeps.settings,
        pushTokens,
        options.verifyWorkers.script,
      )
    : undefined;
  const responseRules = getResponseRules(db);
  const replayMarks = createReplayMarks();
  const receiverHandler = createReceiverHandler({
    ...verifyDeps,
    replayMarks,
    verifyPool,
    audit,
    emit,
    version: APP_VERSION,
    responseRule: (method, path) => responseRules.match(method, path),
  });
  const receiver = createReceiverServer(
    receiverHandler.handle,
    (refusal) => {
      try {
        emit({
          type: 'audit',
          entry: audit.insert({ at: Date.now(), kind: 'rejected', ...refusal }),
        });
      } catch {
        // the store is closing: the refusal was still answered
      }
    },
    { ...DEFAULT_RECEIVER_LIMITS, ...options.receiverLimits },
  );

  const cleanups: (() => void | Promise<void>)[] = [];
  let leftovers: Promise<number> = Promise.resolve(0);
  let stopping = false;
  const context: EngineContext = {
    db,
    dataDir: options.dataDir,
    settings: settingsStore,
    emit,
    receiverUrl: () => receiver.info().url,
    onStop: (cleanup) => void cleanups.push(cleanup),
    replayMarks,
    pushTokens,
  };

  // Discovery also probes the ports the demo agents run on (demoService is set just below).
  const agentService = createAgentService(context, { demoPorts: () => demoService.ports() });
  // Captures join their task's timeline; verified webhooks move its state (and fetch its results).
  listeners.add((e) => {
    if (e.type === 'capture' || e.type === 'capture-updated')
      agentService.onCapture(e.capture, e.type === 'capture-updated');
  });
  const retention = createRetentionService(context);
  const demoService = createDemoService(context);
  const handlers: EngineHandlers = {
    ...createCaptureHandlers({
      ...verifyDeps,
      audit,
      settingsStore,
      emit,
      receiver: () => receiver.info(),
      dataDir: options.dataDir,
      version: APP_VERSION,
    }),
    ...createReplayHandlers(context),
    ...demoService.handlers,
    ...agentService.handlers,
    ...retention.handlers,
    // A client of the handlers above (filled in below, before any call can arrive).
    ...createAgentReportHandlers(() => handlers),
  };

  // A --receiver-port flag wins for the whole run (the setting is read-only while it is given).
  const port = settingsStore.get().receiverPort;
  let savedPort = settingsStore.get().receiverPort;
  const unsubscribe = settingsStore.onChange((s) => {
    if (s.receiverPort === savedPort) return;
    savedPort = s.receiverPort;
    void receiver.listen(savedPort).then((info) => emit({ type: 'receiver', receiver: info }));
  });

  return {
    handlers,
    context,
    events: {
      on(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    async start() {
      const info = await receiver.listen(port);
      emit({ type: 'receiver', receiver: info });
      retention.start();
      // In the background: webhooks are received meanwhile.
      leftovers = verifyLeftovers(verifyDeps, emit, () => db.open && !stopping).catch(
        (err: Error) => (console.error('startup verification failed:', err.message), 0),
      );
    },
    async stop() {
      stopping = true;
      unsubscribe();
      for (const cleanup of cleanups) await cleanup();
      await retention.stop();
      await agentService.dispose();
      await demoService.close();
      await receiver.close();
      // Captures already acknowledged finish verification before the database closes.
      await receiverHandler.drain();
      await verifyPool?.close();
      await leftovers;
      db.close();
    },
  };
}
