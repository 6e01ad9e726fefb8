// A2A v0.3 over HTTP+JSON speaks the proto JSON of the v0.3 `a2a.v1` package, not the v0.3
// JSON-RPC objects the rest of Switchboard reads: a message's parts are `content`, roles and
// states are enum names (ROLE_USER, TASK_STATE_WORKING), `msg` may stand for `message`, a push
// config is `{name: "tasks/{id}/pushNotificationConfigs/{cid}", pushNotificationConfig}` and
// results carry no `kind`. These translators map requests to that form and answers back, as
// @a2a-js/sdk 1.3's v0.3 REST transport does (compat/v0_3 ToProto / FromProto). Tolerant: what
// they do not recognise passes through unchanged, so the linter sees the agent's own shape.
import { normalizeState } from '../../../../shared/a2a/normalize';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Keeps only fields that are set, as the proto JSON writer does. */
function set(o: Obj): Obj {
  for (const k of Object.keys(o)) if (o[k] === undefined || o[k] === '') delete o[k];
  return o;
}

// ---- requests: v0.3 JSON-RPC params → v0.3 proto JSON ----

function partToProto(p: unknown): unknown {
  if (!isObj(p)) return p;
  if (p['kind'] === 'text' || typeof p['text'] === 'string') return { text: p['text'] };
  if (p['kind'] === 'file' && isObj(p['file'])) {
    const f = p['file'];
    return {
      file: set({
        fileWithUri: f['uri'],
        fileWithBytes: f['bytes'],
        mimeType: f['mimeType'],
      }),
    };
  }
  if (p['kind'] === 'data') return { data: { data: p['data'] } };
  return p;
}

export function messageToProto(m: unknown): unknown {
  if (!isObj(m)) return m;
  return set({
    messageId: m['messageId'],
    contextId: m['contextId'],
    taskId: m['taskId'],
    role: m['role'] === 'agent' ? 'ROLE_AGENT' : 'ROLE_USER',
    content: list(m['parts']).map(partToProto),
    metadata: m['metadata'],
  });
}

function pushConfigToProto(c: unknown): unknown {
  if (!isObj(c)) return c;
  return set({
    id: c['id'],
    url: c['url'],
    token: c['token'],
    authentication: c['authentication'],
  });
}

/** message/send and message/stream params → SendMessageRequest. */
export function sendToProto(params: Obj): Obj {
  const c = isObj(params['configuration']) ? params['configuration'] : undefined;
  return set({
    message: messageToProto(params['message']),
    configuration: c
      ? set({
          blocking: c['blocking'],
          acceptedOutputModes: c['acceptedOutputModes'],
          pushNotification: c['pushNotificationConfig']
            ? pushConfigToProto(c['pushNotificationConfig'])
            : undefined,
          historyLength: c['historyLength'],
        })
      : undefined,
    metadata: params['metadata'],
  });
}

/** tasks/pushNotificationConfig/set params → TaskPushNotificationConfig. */
export function pushSetToProto(taskId: string, config: unknown): Obj {
  return {
    name: `tasks/${taskId}/pushNotificationConfigs/`,
    pushNotificationConfig: pushConfigToProto(config),
  };
}

// ---- answers: v0.3 proto JSON → v0.3 JSON-RPC results ----

function partFromProto(p: unknown): unknown {
  if (!isObj(p)) return p;
  if (typeof p['text'] === 'string') return { kind: 'text', text: p['text'] };
  if (isObj(p['file'])) {
    const f = p['file'];
    return {
      kind: 'file',
      file: set({ uri: f['fileWithUri'], bytes: f['fileWithBytes'], mimeType: f['mimeType'] }),
    };
  }
  if (isObj(p['data'])) return { kind: 'data', data: p['data']['data'] ?? {} };
  return p;
}

export function messageFromProto(m: unknown): unknown {
  if (!isObj(m) || 'kind' in m) return m;
  return set({
    kind: 'message',
    messageId: m['messageId'],
    parts: list(m['content'] ?? m['parts']).map(partFromProto),
    contextId: m['contextId'],
    taskId: m['taskId'],
    role: m['role'] === 'ROLE_AGENT' ? 'agent' : m['role'] === 'ROLE_USER' ? 'user' : m['role'],
    metadata: m['metadata'],
  });
}

function statusFromProto(s: unknown): unknown {
  if (!isObj(s)) return s;
  const message = s['message'] ?? s['update'];
  return set({
    state: typeof s['state'] === 'string' ? (normalizeState(s['state']) ?? s['state']) : s['state'],
    message: message === undefined ? undefined : messageFromProto(message),
    timestamp: s['timestamp'],
  });
}

function artifactFromProto(a: unknown): unknown {
  if (!isObj(a)) return a;
  return set({ ...a, parts: list(a['parts']).map(partFromProto) });
}

export function taskFromProto(t: unknown): unknown {
  if (!isObj(t) || 'kind' in t) return t;
  return set({
    kind: 'task',
    id: t['id'],
    contextId: t['contextId'],
    status: statusFromProto(t['status']),
    artifacts: Array.isArray(t['artifacts']) ? t['artifacts'].map(artifactFromProto) : undefined,
    history: Array.isArray(t['history']) ? t['history'].map(messageFromProto) : undefined,
    metadata: t['metadata'],
  });
}

/** SendMessageResponse / StreamResponse (`{task|message|msg|statusUpdate|artifactUpdate}`) →
 *  the v0.3 JSON-RPC result (Task, Message, status-update, artifact-update). */
export function resultFromProto(r: unknown): unknown {
  if (!isObj(r)) return r;
  if (isObj(r['task'])) return taskFromProto(r['task']);
  if (isObj(r['message'])) return messageFromProto(r['message']);
  if (isObj(r['msg'])) return messageFromProto(r['msg']);
  const su = r['statusUpdate'] ?? r['status_update'];
  if (isObj(su)) {
    return set({
      kind: 'status-update',
      taskId: su['taskId'],
      contextId: su['contextId'],
      status: statusFromProto(su['status']),
      final: su['final'] === true,
      metadata: su['metadata'],
    });
  }
  const au = r['artifactUpdate'] ?? r['artifact_update'];
  if (isObj(au)) {
    return set({
      kind: 'artifact-update',
      taskId: au['taskId'],
      contextId: au['contextId'],
      artifact: artifactFromProto(au['artifact']),
      append: au['append'] === true ? true : undefined,
      lastChunk: au['lastChunk'] === true ? true : undefined,
      metadata: au['metadata'],
    });
  }
  return r;
}

/** TaskPushNotificationConfig `{name, pushNotificationConfig}` → `{taskId, pushNotificationConfig}`. */
export function pushConfigFromProto(c: unknown): unknown {
  if (!isObj(c) || typeof c['name'] !== 'string') return c;
  const taskId = /^tasks\/([^/]+)/.exec(c['name'])?.[1];
  return set({ taskId, pushNotificationConfig: c['pushNotificationConfig'] });
}

/** ListTaskPushNotificationConfigResponse `{configs}` → the v0.3 bare array. */
export function pushListFromProto(r: unknown): unknown {
  if (Array.isArray(r)) return r;
  return isObj(r) ? list(r['configs']).map(pushConfigFromProto) : r;
}
