// THE contract between renderer and engine. Every operation is declared once in a domain table
// under shared/api/; this file merges them. electron/ipc.ts + preload.ts and electron/serve.ts
// bind the merged table; renderer/bridge.ts implements it twice (IPC, HTTP) from the same table.
import { agentReportOps } from './api/agent-report';
import { agentOps } from './api/agents';
import { captureOps } from './api/captures';
import { demoOps } from './api/demo';
import { replayOps } from './api/replay';
import type { ClientOf, HandlersOf } from './api/define';

export const operations = {
  ...captureOps,
  ...replayOps,
  ...demoOps,
  ...agentOps,
  ...agentReportOps,
};

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export const operationNames = Object.keys(operations) as OperationName[];

/** The API as the renderer calls it. */
export type SwitchboardApi = ClientOf<Operations>;
/** The API as the engine implements it (arguments already validated). */
export type EngineHandlers = HandlersOf<Operations>;

export type { EngineEvent } from './events';
export { ApiError, fillPath, unescapeSegment } from './api/define';
export type { OpSpec } from './api/define';
