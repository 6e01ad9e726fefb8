// Where a card's GRPC interface points. A2A cards write it as `host:port`, or as a URL
// (grpc://, grpcs://, http://, https://); TLS for grpcs/https, plaintext otherwise. The path
// of a URL is ignored: gRPC methods live at /package.Service/Method on the server's root.
import { ApiError } from '../../../../shared/api';

export interface GrpcAddress {
  /** host:port as grpc-js dials it. */
  address: string;
  tls: boolean;
  /** http(s)://host:port: the origin the custom headers are checked against. */
  origin: string;
}

const SCHEMES: Record<string, boolean> = {
  'grpc:': false,
  'http:': false,
  'grpcs:': true,
  'https:': true,
};

export function parseGrpcAddress(raw: string): GrpcAddress {
  const text = raw.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `grpc://${text}`);
  } catch {
    throw badAddress(raw);
  }
  const tls = SCHEMES[url.protocol];
  if (tls === undefined || !url.hostname) throw badAddress(raw);
  const port = url.port || (tls ? '443' : '80');
  const address = `${url.hostname}:${port}`;
  return { address, tls, origin: `${tls ? 'https' : 'http'}://${address}` };
}

function badAddress(raw: string): ApiError {
  return new ApiError(
    400,
    'bad_grpc_address',
    `The card's GRPC interface URL "${raw.slice(0, 200)}" is not a gRPC address: expected host:port, or a grpc://, grpcs://, http:// or https:// URL.`,
  );
}
