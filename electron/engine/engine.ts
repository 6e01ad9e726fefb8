// createEngine: the whole of Switchboard without a window. Opens the store, loads settings,
// builds the one context every domain shares, and merges the domains' API handlers. Each domain
// has one shape, { handlers, start?, stop? }: started in list order, stopped in reverse, all
// before the store closes. The Electron main process, browser mode (serve.ts), the CLI and the
// tests all use exactly this.
import type { EngineHandlers } from '../../shared/api';
import type { EngineEvent } from '../../shared/events';
import { createAgentService } from './a2a/agent-service';
import { createAgentReportHandlers } from './agent-report/handlers';
import { createCapturesDomain } from './captures/domain';
import { createEngineContext, type EngineContext, type EngineDomain } from './context';
import { createDemoService } from './demo/index';
import type { ReceiverLimits } from './captures/receiver/receiver-server';
import { createReplayDomain } from './replay/handlers';
import { createRetentionService } from './retention-service';
import { createSettingsStore } from './settings';
import { openDatabase } from './store/open-store';

export interface EngineOptions {
  dataDir: string;
  /** Overrides the saved receiver port for this run (0 = any free port). */
  receiverPort?: number;
  env?: NodeJS.ProcessEnv;
  /** Receiver connection cap and timeouts (tests shorten them). */
  receiverLimits?: Partial<ReceiverLimits>;
  /** Where diagnostic lines go (default: stderr). */
  log?(line: string): void;
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
  const log = options.log ?? ((line: string) => console.error(line));
  const listeners = new Set<(event: EngineEvent) => void>();
  const emit = (event: EngineEvent) => {
    for (const l of listeners) {
      try {
        l(event);
      } catch (err) {
        log(`engine event listener failed: ${(err as Error).message}`);
      }
    }
  };
  const context = createEngineContext({
    db,
    dataDir: options.dataDir,
    settings: settingsStore,
    emit,
    log,
    // Before start (a CLI client that needs no receiver): where the saved port would listen.
    receiverUrl: () =>
      captures.receiver().url || `http://127.0.0.1:${settingsStore.get().receiverPort}`,
  });

  const captures = createCapturesDomain(context, {
    settingsStore,
    ...(options.receiverLimits ? { receiverLimits: options.receiverLimits } : {}),
    ...(options.verifyWorkers ? { verifyWorkers: options.verifyWorkers } : {}),
  });
  const demo = createDemoService(context);
  // Discovery also probes the ports the demo agents run on.
  const agents = createAgentService(context, { demoPorts: () => demo.ports() });
  // Captures join their task's timeline; verified webhooks move its state (and fetch its results).
  listeners.add((e) => {
    if (e.type === 'capture' || e.type === 'capture-updated')
      agents.onCapture(e.capture, e.type === 'capture-updated');
  });
  const domains: EngineDomain[] = [
    captures,
    demo,
    agents,
    createRetentionService(context),
    createReplayDomain(context),
    // A client of the handlers below (filled in before any call can arrive).
    { handlers: createAgentReportHandlers(() => handlers) },
  ];
  const handlers = Object.assign({}, ...domains.map((d) => d.handlers)) as EngineHandlers;

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
      for (const d of domains) await d.start?.();
    },
    async stop() {
      for (const d of [...domains].reverse()) await d.stop?.();
      db.close();
    },
  };
}
