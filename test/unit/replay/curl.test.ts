import { execFile, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { curlCommand, curlForCapture, printfFormat, shellQuote } from '../../../shared/curl';
import { cap } from '../renderer/fixtures';

const run = promisify(execFile);

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

describe('"Copy as curl" for a capture, run by curl against a real server', () => {
  it('sends a body starting with "@" as its bytes, never as a file to upload', async () => {
    const received: Buffer[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push(Buffer.concat(chunks));
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      const capture = {
        ...cap(1, { path: '/hook' }),
        query: '',
        headers: [['Content-Type', 'text/plain']] as [string, string][],
        remoteAddress: '127.0.0.1',
        checks: [],
        responseStatus: 200,
      };
      for (const text of ['@/etc/hostname', '@-', '-d x', "it's $(id)"]) {
        const cmd = curlForCapture(
          capture,
          new TextEncoder().encode(text),
          `http://127.0.0.1:${port}/`,
        );
        await run('bash', ['-c', cmd]);
        expect(received.pop()?.toString('utf8')).toBe(text);
      }
    } finally {
      server.close();
    }
  });
});
