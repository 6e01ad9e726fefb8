// The demo domain's public surface: start the tutorial's two agents (CLI, tests), the API
// handlers for the engine (the CLI, electron/cli/demo-cli.ts, is a client of it).
export { startDemoAgent, startDemoAgents, type RunningDemoAgent } from './start-agents';
export { createDemoService } from './demo-handlers';
