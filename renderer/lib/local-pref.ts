// Renderer preferences kept in this browser profile's localStorage, as JSON under a full key.
// Reading a missing or unreadable value gives the fallback; storage failures (private mode,
// quota) are ignored, so a preference then lasts for this page only.

export function readStored<T>(key: string, fallback: T, valid: (v: unknown) => v is T): T {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return fallback;
    const v: unknown = JSON.parse(raw);
    return valid(v) ? v : fallback;
  } catch {
    return fallback;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage unavailable: the preference lasts for this page only
  }
}
