// Finds the task a notification is about: the X-A2A-Task-ID header first, then the body in any
// of the three dialects (tutorial, A2A v0.3, A2A v1.0). Malformed JSON falls back to the header.
import type { HeaderPair } from '../model';
import { decodeUtf8Lossy } from './bytes';
import { headerValue } from './headers';
import { isRecord } from './jwt-decode';

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

/** Task id carried by one parsed body object, in order of how specific the shape is. */
function taskIdOfObject(body: Record<string, unknown>): string | null {
  return (
    // tutorial payload, v0.3 status-update / artifact-update / message
    nonEmpty(body.taskId) ??
    // v0.3 Task
    (body.kind === 'task' ? nonEmpty(body.id) : null) ??
    // v1.0 StreamResponse: exactly one of task / statusUpdate / artifactUpdate / message
    nonEmpty(field(body.task, 'id')) ??
    nonEmpty(field(body.statusUpdate, 'taskId')) ??
    nonEmpty(field(body.artifactUpdate, 'taskId')) ??
    nonEmpty(field(body.message, 'taskId'))
  );
}

function taskIdOfBody(body: Uint8Array): string | null {
  const text = decodeUtf8Lossy(body).trim();
  if (!text.startsWith('{')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(parsed)) return null;
  // A JSON-RPC response envelope carries the same shapes in `result`.
  return taskIdOfObject(parsed) ?? (isRecord(parsed.result) ? taskIdOfObject(parsed.result) : null);
}

export function extractTaskId(headers: HeaderPair[], body: Uint8Array): string | null {
  const header = headerValue(headers, 'X-A2A-Task-ID')?.trim();
  if (header) return header;
  return taskIdOfBody(body);
}
