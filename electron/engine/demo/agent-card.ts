// Agent cards of the demo agents, in the SDK's v1.0 shape. Each declares every endpoint twice,
// for protocol 1.0 and 0.3: the SDK's legacy mode serves v0.3 clients (and requests with no
// A2A-Version header, like the tutorial's) only when the card lists a 0.3 interface. JSON-RPC
// comes first (clients that take the first entry keep talking JSON-RPC), then HTTP+JSON, then
// gRPC. The one place the card's interfaces are listed.
import { A2A_PROTOCOL_VERSION, type AgentCard, type AgentSkill } from '@a2a-js/sdk';
import { TUTORIAL_PUSH_EXTENSION } from '../../../shared/a2a/card-info';

export interface CardSpec {
  name: string;
  description: string;
  version: string;
  skills: { id: string; name: string; description: string; examples: string[] }[];
}

/** Where the agent listens: its JSON-RPC URL, its HTTP+JSON base URL and its gRPC address
 *  (host:port), each if it serves one. */
export interface CardEndpoints {
  jsonrpc: string;
  rest?: string | undefined;
  grpc?: string | undefined;
}

export function buildCard(spec: CardSpec, endpoints: CardEndpoints): AgentCard {
  const both = (url: string, protocolBinding: string) =>
    [A2A_PROTOCOL_VERSION, '0.3'].map((protocolVersion) => ({
      url,
      protocolBinding,
      tenant: '',
      protocolVersion,
    }));
  const interfaces = [
    ...both(endpoints.jsonrpc, 'JSONRPC'),
    ...(endpoints.rest ? both(endpoints.rest, 'HTTP+JSON') : []),
    ...(endpoints.grpc ? both(endpoints.grpc, 'GRPC') : []),
  ];
  const skills: AgentSkill[] = spec.skills.map((s) => ({
    ...s,
    tags: ['demo', 'tutorial'],
    inputModes: ['text/plain'],
    outputModes: ['text/plain'],
    securityRequirements: [],
  }));
  return {
    name: spec.name,
    description: spec.description,
    supportedInterfaces: interfaces,
    provider: { organization: 'Switchboard demo agents', url: 'https://a2a-protocol.org/' },
    version: spec.version,
    capabilities: {
      streaming: true,
      pushNotifications: true,
      extensions: [
        {
          uri: TUTORIAL_PUSH_EXTENSION,
          description:
            "Also accepts the tutorial's params.pushNotificationConfig {url, secret} beside the message and signs the completion webhook with X-A2A-Signature.",
          required: false,
          params: {},
        },
      ],
    },
    securitySchemes: {},
    securityRequirements: [],
    defaultInputModes: ['text/plain'],
    defaultOutputModes: ['text/plain'],
    skills,
    signatures: [],
  };
}
