// Small helpers of the replay views. Views call the engine with getApi() and follow engine
// events with onEngineBatch() (renderer/state/store.ts).
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
