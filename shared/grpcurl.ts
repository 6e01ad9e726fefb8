// "Copy as grpcurl": the command that repeats a logged gRPC call with the same metadata and
// request message (as proto-JSON, which grpcurl reads with -d). The shell quoting is curl.ts's.
// Why `-proto`: the SDK's gRPC servers register no reflection service, so grpcurl needs the A2A
// proto file of the agent's version (a2a.proto from the A2A specification) to encode the JSON.
import { shellQuote } from './curl';
import type { HeaderPair } from './model';

export interface GrpcurlInput {
  /** host:port */
  address: string;
  tls: boolean;
  /** Full method path, /package.Service/Method. */
  path: string;
  metadata: HeaderPair[];
  /** The request message as proto-JSON. */
  json: string;
  /** The proto file grpcurl compiles; default `a2a.proto` (in the current directory). */
  protoFile?: string;
}

/** grpc-js and HTTP/2 set these themselves; grpcurl would too. */
const SKIP = new Set(['content-type', 'te', 'user-agent', 'grpc-timeout', 'grpc-encoding']);

export function grpcurlCommand(input: GrpcurlInput): string {
  const parts = ['grpcurl'];
  if (!input.tls) parts.push('-plaintext');
  parts.push('-proto', shellQuote(input.protoFile ?? 'a2a.proto'));
  for (const [name, value] of input.metadata) {
    if (!SKIP.has(name.toLowerCase())) parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  parts.push('-d', shellQuote(input.json || '{}'));
  parts.push(shellQuote(input.address), shellQuote(input.path.replace(/^\//, '')));
  return parts.join(' ');
}
