// Decides how to show captured bytes (pretty JSON, text or hex) without changing them: the exact
// bytes stay the source of truth; these are views. Invalid UTF-8 or control bytes mean hex.

export type BodyKind = 'json' | 'text' | 'hex';

const decoder = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

function looksBinary(text: string): boolean {
  // Control characters other than tab, newline, carriage return and form feed.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f) return true;
  }
  return false;
}

export function detectKind(bytes: Uint8Array): BodyKind {
  const text = decodeUtf8(bytes);
  if (text === null || looksBinary(text)) return 'hex';
  const t = text.trim();
  if ((t.startsWith('{') || t.startsWith('[')) && prettyJson(text) !== null) return 'json';
  return 'text';
}

export function prettyJson(text: string): string | null {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return null;
  }
}

/** Classic hex dump: offset, 16 bytes, printable ASCII. Capped to `maxBytes` (the rest is noted). */
export function hexDump(bytes: Uint8Array, maxBytes = 64 * 1024): string {
  const lines: string[] = [];
  const end = Math.min(bytes.length, maxBytes);
  for (let off = 0; off < end; off += 16) {
    const row = bytes.subarray(off, Math.min(off + 16, end));
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(row, (b) =>
      b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.',
    ).join('');
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  if (bytes.length > end) lines.push(`… ${bytes.length - end} more bytes not shown`);
  return lines.join('\n');
}

export function renderBody(bytes: Uint8Array, kind: BodyKind): string {
  if (kind === 'hex') return hexDump(bytes);
  const text = decodeUtf8(bytes) ?? new TextDecoder().decode(bytes);
  if (kind === 'json') return prettyJson(text) ?? text;
  return text;
}
