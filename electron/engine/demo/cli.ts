// `switchboard demo [--long-port 8001] [--enterprise-port 8002] [--speed N] [--data-dir D]`:
// starts both tutorial agents headless, prints their URLs and how to send the tutorial's request.
// Secrets: SWITCHBOARD_WEBHOOK_SECRET / SWITCHBOARD_JWT_SECRET when set, else the app's settings
// in the data dir (generated on first run), so the app's receiver verifies the webhooks.
// Secret values are never printed.
import { tryItCurl } from '../../../shared/tutorial-request';
import { defaultDataDir } from '../data-dir';
import { parsePort } from '../parse-port';
import { createSettingsStore } from '../settings';
import { parseSpeed, speedFromEnv } from './clock';
import type { DemoSecrets } from './runtime';
import { DEFAULT_PORTS, startDemoAgents } from './start-agents';

export const DEMO_USAGE = `usage: switchboard demo [--long-port 8001] [--enterprise-port 8002] [--speed N] [--data-dir D]
  --speed N      divide every delay by N (also SWITCHBOARD_DEMO_SPEED)
  --data-dir D   where the app keeps its settings (secrets shared with its receiver)`;

export interface DemoCliOptions {
  longPort: number;
  enterprisePort: number;
  speed: number;
  dataDir: string;
  help: boolean;
}

export function parseDemoArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): DemoCliOptions {
  const opts: DemoCliOptions = {
    longPort: DEFAULT_PORTS.long,
    enterprisePort: DEFAULT_PORTS.enterprise,
    speed: speedFromEnv(env) ?? 1,
    dataDir: defaultDataDir(env),
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag = '', inline] = argv[i]!.split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--long-port') opts.longPort = parsePort(value() ?? '', flag);
    else if (flag === '--enterprise-port') opts.enterprisePort = parsePort(value() ?? '', flag);
    else if (flag === '--speed') opts.speed = parseSpeed(value() ?? '');
    else if (flag === '--data-dir') opts.dataDir = value() ?? opts.dataDir;
    else if (flag === '--help' || flag === '-h') opts.help = true;
    else throw new Error(`unknown option "${flag}"\n${DEMO_USAGE}`);
  }
  return opts;
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
    out(DEMO_USAGE);
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
    log: (line) => out(`  ${line}`),
  });
  const receiverUrl = `http://127.0.0.1:${store?.get().receiverPort ?? 9000}`;
  const source = (key: 'webhookSecret' | 'jwtSecret', envName: string) => {
    const from = store?.view().sources[key];
    if (!store) return 'the caller';
    return from === 'env' ? envName : `the app settings in ${opts.dataDir} (${from ?? 'default'})`;
  };
  out(
    `Long-Running Task Agent     ${agents.long.url}  (card: ${agents.long.url}.well-known/agent-card.json)`,
  );
  out(
    `Enterprise Security Agent   ${agents.enterprise.url}  (card: ${agents.enterprise.url}.well-known/agent-card.json)`,
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

  if (deps.handleSignals ?? true) {
    const stop = () => {
      void agents.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  return agents;
}
