// `switchboard demo [--long-port 8001] [--enterprise-port 8002] [--speed N] [--data-dir D]`:
// starts both tutorial agents headless, prints their URLs and how to send the tutorial's request.
// Secrets: SWITCHBOARD_WEBHOOK_SECRET / SWITCHBOARD_JWT_SECRET when set, else the app's settings
// in the data dir (generated on first run), so the app's receiver verifies the webhooks.
// Secret values are never printed.
import { tryItCurl } from '../../shared/tutorial-request';
import { defaultDataDir } from '../engine/data-dir';
import { asUsage, parseCommand } from './args';
import { parsePort } from '../engine/parse-port';
import { createSettingsStore } from '../engine/settings';
import { parseSpeed, speedFromEnv } from '../engine/demo/clock';
import type { DemoSecrets } from '../engine/demo/runtime';
import { DEFAULT_PORTS, startDemoAgents } from '../engine/demo/start-agents';

export const DEMO_USAGE = `usage: switchboard demo [--long-port 8001] [--enterprise-port 8002] [--speed N] [--data-dir D] [--json]
  --json         print {"long","enterprise","speed"} as one JSON line instead of the text
  --speed N      divide every delay by N (also SWITCHBOARD_DEMO_SPEED)
  --data-dir D   where the app keeps its settings (secrets shared with its receiver)`;

export interface DemoCliOptions {
  longPort: number;
  enterprisePort: number;
  speed: number;
  dataDir: string;
  help: boolean;
  /** Print the agents' URLs as one JSON line (for scripts) instead of the human text. */
  json: boolean;
}

const DEMO_OPTIONS = {
  'long-port': { type: 'string' },
  'enterprise-port': { type: 'string' },
  speed: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function parseDemoArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): DemoCliOptions {
  const { values } = parseCommand(argv, DEMO_OPTIONS, DEMO_USAGE);
  const port = (v: string | undefined, flag: string, fallback: number) =>
    v === undefined ? fallback : asUsage(() => parsePort(v, flag), DEMO_USAGE);
  return {
    longPort: port(values['long-port'], '--long-port', DEFAULT_PORTS.long),
    enterprisePort: port(values['enterprise-port'], '--enterprise-port', DEFAULT_PORTS.enterprise),
    speed:
      values.speed !== undefined
        ? asUsage(() => parseSpeed(values.speed!), DEMO_USAGE)
        : (speedFromEnv(env) ?? 1),
    dataDir: values['data-dir'] ?? defaultDataDir(env),
    help: values.help,
    json: values.json,
  };
}

export function tutorialRequestHint(agentUrl: string, receiverUrl: string, text: string): string {
  return tryItCurl(agentUrl, receiverUrl, text);
}

export async function runDemoCli(
  argv: string[],
  deps: {
    env?: NodeJS.ProcessEnv;
    out?: (line: string) => void;
    secrets?: () => DemoSecrets;
    handleSignals?: boolean;
  } = {},
) {
  const env = deps.env ?? process.env;
  const out = deps.out ?? ((line: string) => console.log(line));
  const opts = parseDemoArgs(argv, env);
  if (opts.help) {
    console.error(DEMO_USAGE);
    return null;
  }
  const store = deps.secrets ? null : createSettingsStore({ dataDir: opts.dataDir, env });
  const secrets =
    deps.secrets ??
    (() => {
      const s = store!.get();
      return { webhookSecret: s.webhookSecret, jwtSecret: s.jwtSecret };
    });
  const agents = await startDemoAgents({
    longPort: opts.longPort,
    enterprisePort: opts.enterprisePort,
    speed: opts.speed,
    secrets,
    // In --json mode stdout carries only the JSON line; the agents' log goes to stderr.
    log: (line) => (opts.json ? console.error(`  ${line}`) : out(`  ${line}`)),
  });
  const receiverUrl = `http://127.0.0.1:${store?.get().receiverPort ?? 9000}`;
  if (opts.json) {
    out(
      JSON.stringify({
        long: agents.long.url,
        enterprise: agents.enterprise.url,
        speed: opts.speed,
      }),
    );
  } else printHuman();
  function printHuman() {
    const source = (key: 'webhookSecret' | 'jwtSecret', envName: string) => {
      const from = store?.view().sources[key];
      if (!store) return 'the caller';
      return from === 'env'
        ? envName
        : `the app settings in ${opts.dataDir} (${from ?? 'default'})`;
    };
    out(
      `Long-Running Task Agent     ${agents.long.url}  (card: ${agents.long.url}.well-known/agent-card.json)`,
    );
    out(
      `Enterprise Security Agent   ${agents.enterprise.url}  (card: ${agents.enterprise.url}.well-known/agent-card.json)`,
    );
    out(
      `gRPC (A2A v1.0 and 0.3)     ${agents.long.grpcAddress} (long), ${agents.enterprise.grpcAddress} (enterprise)`,
    );
    out(`speed x${opts.speed}`);
    out(`HMAC secret from ${source('webhookSecret', 'SWITCHBOARD_WEBHOOK_SECRET')}`);
    out(`JWT secret from ${source('jwtSecret', 'SWITCHBOARD_JWT_SECRET')}`);
    out(
      `\nSend the tutorial's request (Switchboard's receiver at ${receiverUrl} verifies the webhook):`,
    );
    out(tutorialRequestHint(agents.long.url, receiverUrl, 'Run a long machine learning task'));
    out(tutorialRequestHint(agents.enterprise.url, receiverUrl, 'Run secure data processing'));
    out(`\nPress Ctrl+C to stop.`);
  }

  if (deps.handleSignals ?? true) {
    const stop = () => {
      void agents.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  return agents;
}
