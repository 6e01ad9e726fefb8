// `switchboard serve`: the engine plus browser mode, printing the UI URL (with its token) and
// the receiver URL to give an agent. Never prints secrets other than the per-run UI token.
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from './engine/data-dir';
import { createEngine } from './engine/engine';
import { parsePort } from './engine/parse-port';
import { startBrowserMode } from './serve';

export async function runServe(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '5170' },
      'receiver-port': { type: 'string' },
      'data-dir': { type: 'string' },
      token: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'static-dir': { type: 'string' },
    },
  });
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const port = parsePort(values.port, '--port');
  const receiverPort =
    values['receiver-port'] !== undefined
      ? parsePort(values['receiver-port'], '--receiver-port')
      : undefined;
  const token =
    values.token ?? process.env['SWITCHBOARD_TOKEN'] ?? randomBytes(24).toString('base64url');

  const engine = createEngine({ dataDir, ...(receiverPort !== undefined ? { receiverPort } : {}) });
  await engine.start();
  const ui = await startBrowserMode({
    engine,
    port,
    token,
    staticDir: resolve(values['static-dir'] ?? 'dist/renderer'),
  });
  const receiver = await engine.handlers.receiverInfo({});
  const uiUrl = `${ui.url}/?token=${token}`;
  console.log(`Switchboard UI: ${uiUrl}`);
  if (receiver.listening) {
    console.log(`Receiver: ${receiver.url}`);
    console.log(`Give your agent this webhook URL: ${receiver.url}/webhook`);
  } else {
    console.log(`Receiver not running: ${receiver.error}`);
  }
  console.log(`Data dir: ${dataDir}`);
  if (!values['no-open']) openBrowser(uiUrl);

  const shutdown = async () => {
    await ui.close();
    await engine.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
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
