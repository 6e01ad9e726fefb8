import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlCommand, printfFormat, shellQuote } from '../../../shared/curl';

describe('curl quoting', () => {
  it('round-trips arbitrary bytes through bash (ANSI-C quoting) and sh (printf)', () => {
    const bytes = new Uint8Array([
      0x27, 0x22, 0x24, 0x60, 0x5c, 0x25, 0x0a, 0xc3, 0xa9, 0x01, 0x7f, 0x2d,
    ]);
    const viaBash = execFileSync('bash', ['-c', `printf %s ${shellQuote(bytes)}`]);
    expect([...viaBash]).toEqual([...bytes]);
    const withNul = new Uint8Array([0x2d, 0x00, ...bytes]);
    const viaSh = execFileSync('sh', ['-c', `printf ${printfFormat(withNul)} ''`]);
    expect([...viaSh]).toEqual([...withNul]);
  });

  it('uses plain single quotes for printable text and suppresses curl default headers', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    const cmd = curlCommand(
      'POST',
      'http://127.0.0.1:1/x',
      [
        ['Host', 'h'],
        ['X-E', ''],
      ],
      new TextEncoder().encode('{}'),
    );
    expect(cmd).toBe(
      `curl -sS --http1.1 -X 'POST' 'http://127.0.0.1:1/x' -H 'X-E;' -H 'User-Agent:' -H 'Accept:' -H 'Content-Type:' -H 'Expect:' --data-binary '{}'`,
    );
  });
});
