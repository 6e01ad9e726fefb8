// API handlers for talking to agents: compose (text, ids, stream, push), task controls
// (disconnect, resubscribe, get, cancel) and push-config CRUD. Push defaults to Switchboard's
// own receiver with a fresh per-task token (and the HMAC secret in the tutorial dialect).
import { randomBytes } from 'node:crypto';
import { ApiError } from '../../../shared/api';
import type { AgentOpsHandlers } from '../../../shared/api/agents';
import type { EngineContext } from '../context';
import type { AgentsRepo } from '../store/agents-repo';
import type { A2aTasksRepo, TaskPush } from '../store/a2a-tasks-repo';
import type { A2aWireRepo } from '../store/a2a-wire-repo';
import { maskToken, type PushTokensRepo } from '../store/push-tokens-repo';
import { targetOf } from './agent-views';
import {
  composeMessage,
  defaultPushDialect,
  pushCalls,
  pushConfigsOf,
  taskCalls,
  type PushRequest,
} from './dialect';
import { lintExchanges } from './lint-exchanges';
import { maskConfigTokens } from './mask-config';
import { explainPushRejection } from './push-errors';
import { explainFinishedTask, explainMissingPushConfig } from './task-errors';
import { callAgent } from './transport';
import { createTaskLookup, createTaskRecorder } from './task-record';
import { openStream, type StreamDeps } from './stream-session';
import type { StreamRegistry } from './stream-registry';

export type TaskOpNames =
  | 'sendMessage'
  | 'listRemoteTasks'
  | 'listTasks'
  | 'getTask'
  | 'fetchTask'
  | 'disconnectTask'
  | 'resubscribeTask'
  | 'cancelTask'
  | 'listPushConfigs'
  | 'getPushConfig'
  | 'setPushConfig'
  | 'deletePushConfig';

export interface TaskHandlerDeps {
  ctx: EngineContext;
  agents: AgentsRepo;
  tasks: A2aTasksRepo;
  wire: A2aWireRepo;
  pushTokens: PushTokensRepo;
  registry: StreamRegistry;
  streamDeps: StreamDeps;
}

export function createTaskHandlers(d: TaskHandlerDeps): Pick<AgentOpsHandlers, TaskOpNames> {
  const { agentOf, taskOf } = createTaskLookup(d);
  const webhookUrl = () => `${d.ctx.receiverUrl()}/webhook`;
  const newToken = () => randomBytes(16).toString('hex');
  /** Tokens of a task's push configs: kept out of the wire log when answers echo them. */
  const secretsOf = (taskId: string) => d.pushTokens.tokensOf(taskId);

  const { record, fetchTask } = createTaskRecorder(d);

  return {
    sendMessage: async (args) => {
      const agent = agentOf(args.id);
      const target = targetOf(agent, undefined, d.ctx.settings.get());
      const secret = d.ctx.settings.get().webhookSecret;
      const dialect =
        agent.pushDialect ?? defaultPushDialect(target.version, agent.card, target.transport);
      if (args.push && dialect === 'tutorial' && target.transport !== 'JSONRPC') {
        throw new ApiError(
          400,
          'tutorial_needs_jsonrpc',
          `The tutorial push dialect rides in JSON-RPC params; over ${target.transport} the request has no room for it. Pick the v1.0 or v0.3 push dialect for this agent, or switch it to JSON-RPC.`,
        );
      }
      if (args.push && args.pushAuth === 'bearer' && dialect === 'tutorial') {
        throw new ApiError(
          400,
          'auth_needs_a2a_dialect',
          'Authorization on the push config exists in the v1.0 and v0.3 push dialects only; the tutorial dialect signs webhooks with the HMAC secret instead. Pick the v1.0 or v0.3 dialect, or send without Authorization.',
        );
      }
      const push: PushRequest | null = args.push
        ? {
            dialect,
            url: args.pushUrl ?? webhookUrl(),
            token: newToken(),
            secret,
            authentication:
              args.pushAuth === 'bearer'
                ? { scheme: 'Bearer', credentials: newToken() }
                : undefined,
          }
        : null;
      const auth = push?.authentication;
      const taskPush: TaskPush | null = push
        ? {
            url: push.url,
            tokenPreview: push.dialect === 'tutorial' ? '' : maskToken(push.token),
            configId: null,
            dialect: push.dialect,
            ...(auth ? { authPreview: `${auth.scheme} ${maskToken(auth.credentials)}` } : {}),
          }
        : null;
      // The notification-token check knows this token (and the Authorization credential, which
      // it recognises as such) before the agent's first webhook.
      const registered = !push || push.dialect === 'tutorial' ? [] : [push.token];
      if (push && push.dialect !== 'tutorial') {
        d.pushTokens.register({
          token: push.token,
          agentId: agent.id,
          taskId: args.taskId ?? null,
        });
        if (auth) {
          d.pushTokens.register({
            token: auth.credentials,
            agentId: agent.id,
            taskId: args.taskId ?? null,
            kind: 'authorization',
          });
          registered.push(auth.credentials);
        }
      }
      const call = composeMessage(target.version, { ...args, push });
      // Why: the HMAC secret (tutorial dialect) and the token travel in the body; secrets never
      // reach the wire log.
      const redactInBody = !push ? [] : push.dialect === 'tutorial' ? [secret] : registered;
      const bindToken = (taskId: string | null) => {
        if (taskId) for (const t of registered) d.pushTokens.bind(t, taskId);
      };
      try {
        if (args.stream) {
          const { start } = await openStream(d.streamDeps, {
            target,
            call,
            kind: 'send',
            taskId: null,
            push: taskPush,
            timeoutMs: args.timeoutMs,
            redactInBody,
          });
          bindToken(start.taskId);
          return start;
        }
        const answer = await callAgent(d.wire, target, call, {
          taskId: args.taskId ?? null,
          timeoutMs: args.timeoutMs,
          redactInBody,
        });
        const n = record(answer, null, target);
        bindToken(n.taskId ?? null);
        if (n.taskId && taskPush) d.tasks.setPush(n.taskId, taskPush);
        const kind = n.kind === 'message' ? 'message' : 'task';
        return {
          taskId: n.taskId ?? null,
          contextId: n.contextId ?? null,
          kind,
          state: n.state ?? null,
          exchangeId: answer.exchangeId,
        };
      } catch (err) {
        throw push ? explainPushRejection(err, push.url) : err;
      }
    },
    listRemoteTasks: async ({ id, contextId }) => {
      const target = targetOf(agentOf(id), undefined, d.ctx.settings.get());
      if (target.version !== '1.0') {
        throw new ApiError(
          409,
          'not_in_v03',
          'ListTasks exists only in A2A v1.0; this agent is spoken to in v0.3 (switch its protocol version if it supports 1.0).',
        );
      }
      const { result } = await callAgent(d.wire, target, taskCalls.list(contextId), {
        taskId: null,
      });
      const r = result as { tasks?: unknown; nextPageToken?: unknown } | null;
      return {
        tasks: Array.isArray(r?.tasks) ? r.tasks : [],
        nextPageToken:
          typeof r?.nextPageToken === 'string' && r.nextPageToken ? r.nextPageToken : null,
      };
    },
    listTasks: async ({ agentId, limit }) =>
      d.tasks
        .list(agentId, limit)
        .map((t) => ({ ...t, streaming: d.registry.isStreaming(t.taskId) })),
    getTask: async ({ taskId }) => ({
      ...taskOf(taskId).task,
      streaming: d.registry.isStreaming(taskId),
    }),
    fetchTask: async ({ taskId }) => fetchTask(taskId),
    disconnectTask: async ({ taskId }) => {
      taskOf(taskId);
      const n = d.registry.disconnect(taskId);
      d.streamDeps.emitTask(taskId);
      return { disconnected: n > 0 };
    },
    resubscribeTask: async ({ taskId }) => {
      const { task, target } = taskOf(taskId);
      try {
        const { start } = await openStream(d.streamDeps, {
          target,
          call: taskCalls.subscribe(target.version, taskId),
          kind: 'subscribe',
          taskId,
          push: task.push,
        });
        return { exchangeId: start.exchangeId };
      } catch (err) {
        throw explainFinishedTask(err, 'resubscribe', taskId, task.state);
      }
    },
    cancelTask: async ({ taskId }) => {
      const { task, target } = taskOf(taskId);
      try {
        const answer = await callAgent(d.wire, target, taskCalls.cancel(target.version, taskId), {
          taskId,
        });
        return { task: answer.result, state: record(answer, taskId, target).state ?? null };
      } catch (err) {
        throw explainFinishedTask(err, 'cancel', taskId, task.state);
      }
    },
    listPushConfigs: async ({ taskId }) => {
      const { target } = taskOf(taskId);
      const { result } = await callAgent(d.wire, target, pushCalls.list(target.version, taskId), {
        taskId,
        redactInBody: secretsOf(taskId),
      });
      return { configs: pushConfigsOf(maskConfigTokens(result)) };
    },
    getPushConfig: async ({ taskId, configId }) => {
      const { target } = taskOf(taskId);
      try {
        const { result } = await callAgent(
          d.wire,
          target,
          pushCalls.get(target.version, taskId, configId),
          { taskId, redactInBody: secretsOf(taskId) },
        );
        return { config: maskConfigTokens(result) };
      } catch (err) {
        throw explainMissingPushConfig(err, taskId, configId);
      }
    },
    setPushConfig: async ({ taskId, url }) => {
      const { task, target } = taskOf(taskId);
      const push = { url: url ?? webhookUrl(), token: newToken() };
      d.pushTokens.register({ token: push.token, agentId: task.agentId, taskId });
      try {
        const { result } = await callAgent(
          d.wire,
          target,
          pushCalls.set(target.version, taskId, push.url, push.token),
          { taskId, redactInBody: [push.token] },
        );
        const configId = configIdOf(result);
        d.pushTokens.bind(push.token, taskId, configId);
        d.tasks.setPush(taskId, {
          url: push.url,
          tokenPreview: maskToken(push.token),
          configId,
          dialect: target.version === '1.0' ? 'v1.0' : 'v0.3',
        });
        return { config: maskConfigTokens(result) };
      } catch (err) {
        throw explainPushRejection(err, push.url);
      }
    },
    deletePushConfig: async ({ taskId, configId }) => {
      const { task, target } = taskOf(taskId);
      // Lenient: the v0.3 Python SDK answers a done delete with no `result`; the delete happened,
      // so it completes, and the deviation is a finding on the task's timeline.
      const answer = await callAgent(
        d.wire,
        target,
        pushCalls.delete(target.version, taskId, configId),
        { taskId, allowMissingResult: true },
      ).catch((err: unknown) => {
        throw explainMissingPushConfig(err, taskId, configId);
      });
      const exchange = d.wire.exchange(answer.exchangeId);
      const findings = exchange ? lintExchanges([exchange]) : [];
      if (task.push?.configId === configId) d.tasks.setPush(taskId, null);
      return { deleted: true, findings };
    },
  };
}

/** v1.0 `{id, ...}` or v0.3 `{taskId, pushNotificationConfig: {id}}`. */
export function configIdOf(config: unknown): string | null {
  const c = config as { id?: unknown; pushNotificationConfig?: { id?: unknown } } | null;
  const id = c?.id ?? c?.pushNotificationConfig?.id;
  return typeof id === 'string' && id !== '' ? id : null;
}
