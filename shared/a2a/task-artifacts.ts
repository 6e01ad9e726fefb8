// Text of a Task's artifacts in a tasks/get (GetTask) answer of either protocol version: v0.3
// `{kind:'task', artifacts}`, v1.0 `{task: {artifacts}}` or a bare v1.0 Task. Used to show the
// results of a task that finished while Switchboard was not streaming it. Never throws.
import { partsText } from './normalize';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ArtifactText {
  name: string;
  text: string;
}

function taskOf(result: unknown): Obj | null {
  if (!isObj(result)) return null;
  if (isObj(result['task'])) return result['task'];
  return Array.isArray(result['artifacts']) ? result : null;
}

export function taskArtifacts(result: unknown): ArtifactText[] {
  const task = taskOf(result);
  const list = task && Array.isArray(task['artifacts']) ? task['artifacts'] : [];
  return list.flatMap((a) => {
    if (!isObj(a)) return [];
    const text = partsText(a['parts']);
    if (text === undefined) return [];
    const name = typeof a['name'] === 'string' ? a['name'] : String(a['artifactId'] ?? '');
    return [{ name, text }];
  });
}

/** One line: the status text, then each artifact as `name: text`. */
export function taskResultText(
  statusText: string | undefined,
  result: unknown,
): string | undefined {
  const parts = taskArtifacts(result).map((a) => (a.name ? `${a.name}: ${a.text}` : a.text));
  if (statusText) parts.unshift(statusText);
  return parts.length ? parts.join(' · ') : undefined;
}
