// The words of a caught value: an Error's message, anything else as a string. The one helper
// for "show what went wrong" (catch blocks in the renderer's slices and views, pure code).
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
