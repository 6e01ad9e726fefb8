// The tutorial's webhook body: {taskId, status, timestamp, message, preview[, metadata]},
// serialized exactly as Python's json.dumps(payload, sort_keys=True) so its HMAC matches what
// the tutorial's Python agents would sign.
import { pyJsonDumps, type PyJson } from '../../../shared/python-json';
import { pyIsoformat } from './python-time';

export interface TutorialPayload {
  taskId: string;
  status: string;
  timestamp: string;
  message: string;
  preview: string;
  /** Enterprise agent only (the long-running agent sends none). */
  metadata?: { [key: string]: PyJson };
}

/** Python's `result[:100] + "..." if len(result) > 100 else result`, counting code points. */
export function previewOf(result: string, max = 100): string {
  const chars = Array.from(result);
  return chars.length > max ? `${chars.slice(0, max).join('')}...` : result;
}

export function tutorialPayload(opts: {
  taskId: string;
  result: string;
  message: string;
  metadata?: { [key: string]: PyJson };
  now?: Date;
}): TutorialPayload {
  return {
    taskId: opts.taskId,
    status: 'completed',
    timestamp: pyIsoformat(opts.now),
    message: opts.message,
    preview: previewOf(opts.result),
    ...(opts.metadata ? { metadata: opts.metadata } : {}),
  };
}

export function serializeTutorialPayload(payload: TutorialPayload): string {
  return pyJsonDumps({ ...payload });
}
