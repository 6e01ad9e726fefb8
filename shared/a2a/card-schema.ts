// Zod schemas of the agent card in both protocol versions: v1.0 (`supportedInterfaces`,
// A2A spec v1.0 / a2a.proto AgentCard) and v0.3 (`url` + `protocolVersion` +
// `preferredTransport`, types.ts at v0.3.0). Loose objects: unknown fields are allowed (cards
// carry extensions) and reported as warnings by validate-card.ts, not as errors.
import { z } from 'zod';

const skill = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string(),
  tags: z.array(z.string()),
  examples: z.array(z.string()).optional(),
  inputModes: z.array(z.string()).optional(),
  outputModes: z.array(z.string()).optional(),
});

const provider = z.looseObject({ organization: z.string(), url: z.string() });
const securitySchemes = z.record(z.string(), z.looseObject({})).optional();

const capabilitiesBase = {
  streaming: z.boolean().optional(),
  pushNotifications: z.boolean().optional(),
  extensions: z.array(z.looseObject({ uri: z.string() })).optional(),
};

export const agentInterfaceV1 = z.looseObject({
  url: z.string().min(1),
  protocolBinding: z.string().min(1),
  protocolVersion: z.string().min(1),
  tenant: z.string().optional(),
});

export const agentCardV1 = z.looseObject({
  name: z.string().min(1),
  description: z.string(),
  supportedInterfaces: z.array(agentInterfaceV1).min(1),
  version: z.string().min(1),
  provider: provider.optional(),
  documentationUrl: z.string().optional(),
  iconUrl: z.string().optional(),
  capabilities: z.looseObject({ ...capabilitiesBase, extendedAgentCard: z.boolean().optional() }),
  securitySchemes,
  securityRequirements: z.array(z.looseObject({})).optional(),
  defaultInputModes: z.array(z.string()),
  defaultOutputModes: z.array(z.string()),
  skills: z.array(skill),
  signatures: z.array(z.looseObject({ protected: z.string(), signature: z.string() })).optional(),
});

export const agentInterfaceV03 = z.looseObject({
  url: z.string().min(1),
  transport: z.string().min(1),
});

export const agentCardV03 = z.looseObject({
  name: z.string().min(1),
  description: z.string(),
  url: z.string().min(1),
  version: z.string().min(1),
  protocolVersion: z.string().min(1),
  preferredTransport: z.string().optional(),
  additionalInterfaces: z.array(agentInterfaceV03).optional(),
  provider: provider.optional(),
  documentationUrl: z.string().optional(),
  iconUrl: z.string().optional(),
  capabilities: z.looseObject({
    ...capabilitiesBase,
    stateTransitionHistory: z.boolean().optional(),
  }),
  securitySchemes,
  security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
  defaultInputModes: z.array(z.string()),
  defaultOutputModes: z.array(z.string()),
  skills: z.array(skill),
  supportsAuthenticatedExtendedCard: z.boolean().optional(),
  supportedInterfaces: z.array(agentInterfaceV1).optional(),
});

export const KNOWN_V1_FIELDS = new Set(Object.keys(agentCardV1.shape));
export const KNOWN_V03_FIELDS = new Set(Object.keys(agentCardV03.shape));

/** Fields only a v0.3 card has. In a v1.0 card (`supportedInterfaces`) the v1.0 schema rejects
 *  them (the official kit's CARD-STRUCT-001); the SDK's legacy mode adds them for v0.3 clients. */
export const V03_ONLY_FIELDS = [
  'url',
  'protocolVersion',
  'preferredTransport',
  'additionalInterfaces',
  'supportsAuthenticatedExtendedCard',
  'security',
] as const;
