// `switchboard serve`: the engine plus browser mode, printing the UI URL (with its token) and
// the receiver URL to give an agent. Never prints secrets other than the per-run UI token.
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defaultDataDir } from '../engine/data-dir';
import { asUsage, parseCommand } from './args';
import { createEngine } from '../engine/engine';
import { parsePort } from '../engine/parse-port';
import { startBrowserMode } from '../serve';

export const SERVE_USAGE = `usage: switchboard serve [--port 5170] [--receiver-port R] [--data-dir D] [--token-file F] [--no-open] [--json]
  --json   print {"ui","receiver","webhook","dataDir"} as one JSON line instead of the text`;

const SERVE_OPTIONS = {
  port: { type: 'string', default: '5170' },
  'receiver-port': { type: 'string' },
  'data-dir': { type: 'string' },
  token: { type: 'string' },
  'token-file': { type: 'string' },
  'no-open': { type: 'boolean', default: false },
  'static-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

export async function runServe(argv: string[]): Promise<void> {
  const { values } = parseCommand(argv, SERVE_OPTIONS, SERVE_USAGE);
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const port = asUsage(() => parsePort(values.port, '--port'), SERVE_USAGE);
  const receiverPortFlag = values['receiver-port'];
  const receiverPort =
    receiverPortFlag !== undefined
      ? asUsage(() => parsePort(receiverPortFlag, '--receiver-port'), SERVE_USAGE)
      : undefined;
  const token = accessToken(values.token, values['token-file'], process.env);

  const engine = createEngine({ dataDir, ...(receiverPort !== undefined ? { receiverPort } : {}) });
  await engine.start();
  const ui = await startBrowserMode({
    engine,
    port,
    token,
    staticDir: resolve(values['static-dir'] ?? defaultStaticDir()),
  });
  const receiver = await engine.handlers.receiverInfo({});
  const uiUrl = `${ui.url}/?token=${token}`;
  if (values.json) {
    console.log(
      JSON.stringify({
        ui: uiUrl,
        receiver: receiver.listening ? receiver.url : null,
        webhook: receiver.listening ? `${receiver.url}/webhook` : null,
        receiverError: receiver.listening ? null : receiver.error,
        dataDir,
      }),
    );
  } else printHuman();
  function printHuman() {
    console.log(`Switchboard UI: ${uiUrl}`);
    if (receiver.listening) {
      console.log(`Receiver: ${receiver.url}`);
      console.log(`Give your agent this webhook URL: ${receiver.url}/webhook`);
    } else {
      console.log(`Receiver not running: ${receiver.error}`);
    }
    console.log(`Data dir: ${dataDir}`);
  }
  if (!values['no-open']) openBrowser(uiUrl);

  const shutdown = async () => {
    await ui.close();
    await engine.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

/** The renderer build: next to the running script (the npm package ships dist/renderer beside
 *  dist-cli/; in a checkout electron/cli/index.ts is two levels below dist/), else ./dist/renderer. */
function defaultStaticDir(): string {
  try {
    const script = realpathSync(process.argv[1] ?? '');
    for (const up of [['..'], ['..', '..']]) {
      const beside = join(dirname(script), ...up, 'dist', 'renderer');
      if (existsSync(join(beside, 'index.html'))) return beside;
    }
  } catch {
    // no script path (e.g. node -e): fall back to the working directory
  }
  return 'dist/renderer';
}

/** The UI access token: --token-file / SWITCHBOARD_TOKEN_FILE, SWITCHBOARD_TOKEN, or --token,
 *  else a random one. Why a file or env: argv is readable by every local user
 *  (/proc/<pid>/cmdline, ps), so --token is kept only for compatibility and warned about. */
export function accessToken(
  flag: string | undefined,
  file: string | undefined,
  env: NodeJS.ProcessEnv,
): string {
  const path = file ?? env['SWITCHBOARD_TOKEN_FILE'];
  if (path) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8').trim();
    } catch (err) {
      throw new Error(`Cannot read the token file ${path}: ${(err as Error).message}`);
    }
    if (text.length < 16) throw new Error(`The token in ${path} is shorter than 16 characters.`);
    return text;
  }
  if (env['SWITCHBOARD_TOKEN']) return env['SWITCHBOARD_TOKEN'];
  if (flag) {
    console.warn(
      'Warning: --token is visible to other local users in the process list; use SWITCHBOARD_TOKEN or --token-file instead.',
    );
    return flag;
  }
  return randomBytes(24).toString('base64url');
}

function openBrowser(url: string): void {
  const cmd =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
    child.on('error', () =>
      console.log('(Could not open a browser; open the URL above yourself.)'),
    );
    child.unref();
  } catch {
    console.log('(Could not open a browser; open the URL above yourself.)');
  }
}
