// The captures domain: the webhook receiver (its server, its request handler, the response
// rules it answers with), the startup check of captures a crash left unverified, and the API
// handlers for captures, audit, settings, response rules and HAR import.
import type { ReceiverInfo } from '../../../shared/model';
import type { EngineContext, EngineDomain } from '../context';
import { createReceiverHandler } from './receiver/receiver-app';
import {
  createReceiverServer,
  DEFAULT_RECEIVER_LIMITS,
  type ReceiverLimits,
} from './receiver/receiver-server';
import type { SettingsStore } from '../settings';
import { createCaptureHandlers } from './capture-handlers';
import { createVerifyPool } from './verify-pool';
import { createHarImportHandler } from './har-import';
import { createRuleHandlers } from './rule-handlers';
import { verifyLeftovers } from './verify-leftovers';

export interface CapturesDomain extends EngineDomain {
  receiver(): ReceiverInfo;
}

export function createCapturesDomain(
  ctx: EngineContext,
  opts: {
    settingsStore: SettingsStore;
    receiverLimits?: Partial<ReceiverLimits>;
    /** Worker threads verifying captures (see EngineOptions.verifyWorkers). */
    verifyWorkers?: { count: number; script: string };
  },
): CapturesDomain {
  const verifyDeps = {
    captures: ctx.captures,
    jti: ctx.jti,
    settings: () => ctx.settings.get(),
    registeredTokens: ctx.pushTokens,
    commit: ctx.commit,
  };
  const verifyPool = opts.verifyWorkers
    ? createVerifyPool(
        opts.verifyWorkers.count,
        verifyDeps.settings,
        ctx.pushTokens,
        opts.verifyWorkers.script,
      )
    : undefined;
  const receiverHandler = createReceiverHandler({
    ...verifyDeps,
    verifyPool,
    replayMarks: ctx.replayMarks,
    audit: ctx.audit,
    emit: ctx.emit,
    version: ctx.version,
    responseRule: (method, path) => ctx.responseRules.match(method, path),
  });
  const server = createReceiverServer(
    receiverHandler.handle,
    (refusal) => {
      try {
        ctx.emit({
          type: 'audit',
          entry: ctx.audit.insert({ at: Date.now(), kind: 'rejected', ...refusal }),
        });
      } catch {
        // the store is closing: the refusal was still answered
      }
    },
    { ...DEFAULT_RECEIVER_LIMITS, ...opts.receiverLimits },
  );
  const rules = createRuleHandlers(ctx);
  let leftovers: Promise<number> = Promise.resolve(0);
  let stopping = false;

  // A --receiver-port flag wins for the whole run (the setting is read-only while it is given).
  let savedPort = ctx.settings.get().receiverPort;
  const unsubscribe = ctx.settings.onChange((s) => {
    if (s.receiverPort === savedPort) return;
    savedPort = s.receiverPort;
    void server.listen(savedPort).then((info) => ctx.emit({ type: 'receiver', receiver: info }));
  });

  return {
    receiver: () => server.info(),
    handlers: {
      ...createCaptureHandlers({
        ...verifyDeps,
        audit: ctx.audit,
        settingsStore: opts.settingsStore,
        emit: ctx.emit,
        receiver: () => server.info(),
        dataDir: ctx.dataDir,
        version: ctx.version,
      }),
      listResponseRules: rules.listResponseRules,
      setResponseRules: rules.setResponseRules,
      ...createHarImportHandler(ctx),
    },
    async start() {
      const info = await server.listen(ctx.settings.get().receiverPort);
      ctx.emit({ type: 'receiver', receiver: info });
      // In the background: webhooks are received meanwhile.
      leftovers = verifyLeftovers(verifyDeps, ctx.emit, () => ctx.db.open && !stopping).catch(
        (err: Error) => (ctx.log(`startup verification failed: ${err.message}`), 0),
      );
    },
    async stop() {
      stopping = true;
      unsubscribe();
      rules.stop();
      await server.close();
      // Captures already acknowledged finish verification before the database closes.
      await receiverHandler.drain();
      await verifyPool?.close();
      await leftovers;
    },
  };
}
