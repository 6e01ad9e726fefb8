// Conformance findings of a task's plain (non-streamed) JSON-RPC exchanges, read back from the
// wire log: answers Switchboard accepted leniently (e.g. a delete answered without `result`)
// stay visible as findings on the task's timeline. gRPC exchanges (streamed or not) get the
// gRPC binding's findings (grpc-lint.ts).
import { lintGrpcExchange } from '../../../shared/a2a/grpc-lint';
import { finding } from '../../../shared/a2a/lint';
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
