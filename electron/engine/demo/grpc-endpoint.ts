// The demo agent's gRPC endpoint: the SDK's own gRPC services (server/grpc for A2A v1.0,
// lf.a2a.v1.A2AService, and compat/v0_3/server/grpc for v0.3, a2a.v1.A2AService) on one
// grpc-js server, on a port of its own (0 = any free port). Bound before the card is built,
// so the card can list the real address; the services are added once the handler exists.
// Why 127.0.0.1 only: as for the HTTP endpoint, the agents POST webhooks to any URL a client
// names; only local clients may ask.
import * as grpc from '@grpc/grpc-js';
import type { A2ARequestHandler } from '@a2a-js/sdk/server';
import { A2AService, grpcService, UserBuilder } from '@a2a-js/sdk/server/grpc';
import { LegacyA2AService, legacyGrpcService } from '@a2a-js/sdk/compat/v0_3/server/grpc';

export interface GrpcEndpoint {
  /** host:port, as the card lists it (the SDK's gRPC client dials this form). */
  address: string;
  port: number;
  serve(handler: A2ARequestHandler): void;
  close(): void;
}

export function bindGrpcEndpoint(host: string, port: number): Promise<GrpcEndpoint> {
  const server = new grpc.Server();
  return new Promise((resolve, reject) => {
    server.bindAsync(`${host}:${port}`, grpc.ServerCredentials.createInsecure(), (err, bound) => {
      if (err) {
        reject(
          /EADDRINUSE|address already in use/i.test(err.message)
            ? new Error(
                `gRPC port ${port} is already in use: stop what runs there or choose another port`,
              )
            : err,
        );
        return;
      }
      resolve({
        address: `${host}:${bound}`,
        port: bound,
        serve(handler) {
          const userBuilder = UserBuilder.noAuthentication;
          server.addService(A2AService, grpcService({ requestHandler: handler, userBuilder }));
          server.addService(
            LegacyA2AService,
            legacyGrpcService({ requestHandler: handler, userBuilder }),
          );
        },
        // Open streams (a long task being followed) end with CANCELLED / UNAVAILABLE.
        close: () => server.forceShutdown(),
      });
    });
  });
}
