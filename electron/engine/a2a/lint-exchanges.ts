// Conformance findings of a task's exchanges read back from the wire log: plain JSON-RPC answers
// Switchboard accepted leniently (e.g. a delete answered without `result`); every HTTP+JSON
// exchange's status, content type and error body (lint-rest.ts); gRPC exchanges (streamed or
// not) the gRPC binding's findings (grpc-lint.ts). They stay visible on the task's timeline.
import { lintGrpcExchange } from '../../../shared/a2a/grpc-lint';
import { finding } from '../../../shared/a2a/lint';
import { lintRestExchange } from '../../../shared/a2a/lint-rest';
import type { Finding } from '../../../shared/a2a/types';
import type { ExchangeRow } from '../store/a2a-wire-repo';
import { isResultlessAnswer } from './rpc-client';

export function lintExchanges(exchanges: ExchangeRow[]): Finding[] {
  const out: Finding[] = [];
  for (const ex of exchanges) {
    if (ex.grpc) {
      out.push(...lintGrpcExchange({ ...ex, grpc: ex.grpc }, ex.contentType));
      continue;
    }
    if (ex.transport === 'HTTP+JSON' && ex.rpcMethod && ex.status !== null) {
      out.push(
        ...lintRestExchange({
          id: ex.id,
          rpcMethod: ex.rpcMethod,
          protocolVersion: ex.protocolVersion ?? '0.3',
          streamKind: ex.streamKind,
          status: ex.status,
          contentType: ex.contentType,
          responseBody: ex.responseBody,
        }),
      );
      continue;
    }
    if (ex.streamKind || !ex.rpcMethod || ex.status === null || ex.status >= 400) continue;
    let json: unknown;
    try {
      json = JSON.parse(ex.responseBody);
    } catch {
      continue;
    }
    if (isResultlessAnswer(json)) {
      out.push(
        finding(
          'rpc-missing-result',
          null,
          `${ex.rpcMethod} (exchange #${ex.id}) was answered ${ex.responseBody.slice(0, 120)}`,
        ),
      );
    }
  }
  return out;
}
