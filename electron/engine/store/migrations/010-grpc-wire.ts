// Migration 10: the gRPC side of the wire log. One JSON column on a2a_wire, set only for gRPC
// exchanges (GrpcWireInfo: full method path, address, request bytes in hex, the unary answer's
// bytes, status code + details, trailers). The other columns keep their meaning: request
// metadata in request_headers, response headers in response_headers, each message decoded to
// JSON in request_body / response_body; a stream's messages are a2a_frames rows (raw = the
// message bytes in hex, data = the message as JSON).
export const grpcWireMigration = {
  version: 10,
  name: 'grpc-wire',
  sql: `ALTER TABLE a2a_wire ADD COLUMN grpc TEXT;`,
};
