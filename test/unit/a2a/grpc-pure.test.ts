// The pure parts of the gRPC transport: the grpcurl command, gRPC addresses from cards, hex with
// secrets cut out, status names and A2A reasons, and the gRPC exchange linter.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { Metadata } from '@grpc/grpc-js';
import { grpcurlCommand } from '../../../shared/grpcurl';
import { jsonRpcCodeOf, grpcStatusName } from '../../../shared/a2a/grpc-status';
import { lintGrpcExchange } from '../../../shared/a2a/grpc-lint';
import type { GrpcWireInfo } from '../../../shared/api/agents';
import { parseGrpcAddress } from '../../../electron/engine/a2a/grpc/grpc-address';
import { metadataPairs, redactedHex } from '../../../electron/engine/a2a/grpc/grpc-wire';
import { ApiError } from '../../../shared/api';

describe('grpcurlCommand', () => {
  const base = {
    address: '127.0.0.1:50051',
    tls: false,
    path: '/lf.a2a.v1.A2AService/GetTask',
    metadata: [['a2a-version', '1.0']] as [string, string][],
    json: '{"id":"t-1"}',
  };

  it('names the method, metadata, body and address, plaintext unless TLS', () => {
    expect(grpcurlCommand(base)).toBe(
      `grpcurl -plaintext -proto 'a2a.proto' -H 'a2a-version: 1.0' -d '{"id":"t-1"}' '127.0.0.1:50051' 'lf.a2a.v1.A2AService/GetTask'`,
    );
    expect(grpcurlCommand({ ...base, tls: true })).not.toContain('-plaintext');
  });

  it('quotes with the shell quoting of curl.ts: the shell hands grpcurl the exact words', () => {
    const json = `{"text":"it's $HOME \`x\` \\u00e9 é\\n"}`;
    const cmd = grpcurlCommand({ ...base, json, metadata: [['x-k', "a'b"]] });
    // printf '%s\n' with the command's words (everything after "grpcurl") as bash parses them.
    const words = execFileSync('bash', ['-c', `printf '%s\\n' ${cmd.slice('grpcurl '.length)}`], {
      encoding: 'utf8',
    }).split('\n');
    expect(words).toContain(json);
    expect(words).toContain("x-k: a'b");
  });

  it('drops headers grpcurl sets itself and sends {} for an empty body', () => {
    const cmd = grpcurlCommand({
      ...base,
      metadata: [['content-type', 'application/grpc']],
      json: '',
    });
    expect(cmd).not.toContain('content-type');
    expect(cmd).toContain(`-d '{}'`);
  });
});

describe('parseGrpcAddress', () => {
  it.each([
    ['127.0.0.1:50051', '127.0.0.1:50051', false],
    ['grpc://agent.example:8443', 'agent.example:8443', false],
    ['grpcs://agent.example', 'agent.example:443', true],
    ['https://agent.example/a2a', 'agent.example:443', true],
    ['http://[::1]:9000', '[::1]:9000', false],
  ])('%s → %s', (raw, address, tls) => {
    expect(parseGrpcAddress(raw)).toMatchObject({ address, tls });
  });

  it('refuses what is no address, saying what it expected', () => {
    for (const bad of ['', 'ftp://x:1', 'not a host']) {
      const err = (() => {
        try {
          parseGrpcAddress(bad);
        } catch (e) {
          return e as ApiError;
        }
      })();
      expect(err).toBeInstanceOf(ApiError);
      expect(err!.message).toContain('expected host:port');
    }
  });
});

describe('redactedHex / metadataPairs', () => {
  it('cuts every occurrence of a secret out of the bytes, keeping the rest exact', () => {
    const bytes = Buffer.from('\x0a\x03abc\x12\x03abc\x1aZ', 'latin1');
    expect(redactedHex(bytes, ['abc'])).toBe('0a03«redacted»1203«redacted»1a5a');
    expect(redactedHex(bytes, undefined)).toBe(bytes.toString('hex'));
    expect(redactedHex(bytes, [''])).toBe(bytes.toString('hex'));
  });

  it('never matches a secret across a byte boundary of the hex', () => {
    // "1" is 0x31; the hex "...a3 1..." must not count as the secret.
    expect(redactedHex(Buffer.from([0xa3, 0x1f]), ['1'])).toBe('a31f');
  });

  it('lists every metadata value, binary ones in base64', () => {
    const md = new Metadata();
    md.add('x-a', '1');
    md.add('x-a', '2');
    md.add('trace-bin', Buffer.from([1, 2, 3]));
    expect(metadataPairs(md)).toEqual([
      ['x-a', '1'],
      ['x-a', '2'],
      ['trace-bin', 'AQID'],
    ]);
  });
});

describe('gRPC status and A2A reasons', () => {
  it('names statuses and maps reasons (else NOT_FOUND / INVALID_ARGUMENT) to JSON-RPC codes', () => {
    expect(grpcStatusName(5)).toBe('NOT_FOUND');
    expect(grpcStatusName(99)).toBe('status 99');
    expect(jsonRpcCodeOf(9, 'TASK_NOT_CANCELABLE')).toBe(-32002);
    expect(jsonRpcCodeOf(5, null)).toBe(-32001);
    expect(jsonRpcCodeOf(3, null)).toBe(-32602);
    expect(jsonRpcCodeOf(14, null)).toBeNull();
  });

  const info = (code: number, reason: string | null): GrpcWireInfo => ({
    path: '/lf.a2a.v1.A2AService/GetTask',
    address: '127.0.0.1:1',
    tls: false,
    requestHex: '',
    responseHex: null,
    status: { code, name: grpcStatusName(code), details: 'd' },
    reason,
    trailers: [],
  });
  const lint = (code: number, reason: string | null, ct: string | null = 'application/grpc') =>
    lintGrpcExchange({ id: 7, rpcMethod: 'GetTask', grpc: info(code, reason) }, ct).map(
      (f) => f.rule,
    );

  it('lints the status a reason travels with, a missing reason, and the content type', () => {
    expect(lint(5, 'TASK_NOT_FOUND')).toEqual([]);
    expect(lint(0, null, 'application/grpc+proto')).toEqual([]);
    expect(lint(2, 'TASK_NOT_FOUND')).toEqual(['grpc-status-mismatch']);
    expect(lint(5, null)).toEqual(['grpc-no-reason']);
    expect(lint(14, null, null)).toEqual([]);
    expect(lint(0, null, 'text/html')).toEqual(['grpc-content-type']);
  });
});
