// One byte-size formatter for the engine's messages and the renderer: binary units, at most one
// decimal, no trailing ".0" (1 MiB, 2.5 KiB, 512 B).

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${+(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
