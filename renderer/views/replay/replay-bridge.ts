// The replay views' handle on the bridge: the typed API and the engine event stream. Set once by
// main.tsx (`setReplayBridge(bridge)`), so the replay screen needs no slice in the shared store.
import type { Bridge } from '../../bridge/types';

let current: Bridge | null = null;

export function setReplayBridge(bridge: Bridge): void {
  current = bridge;
}

export function replayBridge(): Bridge {
  if (!current) throw new Error('replay views used before setReplayBridge(bridge) in main.tsx');
  return current;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Saves text as a file through a temporary object URL (no navigation, no new window). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
