// Runs the real `switchboard serve` CLI in a child process on ephemeral ports and resolves with
// the URLs it prints. Used by end-to-end tests, the kill -9 durability test and UI benchmarks.
// It runs the CLI bundle (built once per process), the file the package ships and browser mode
// runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { buildCli } from '../../scripts/build-cli.mjs';

let bundle: Promise<string> | null = null;

export interface ServeProcess {
  child: ChildProcess;
  uiUrl: string;
  receiverUrl: string;
  /** Resolves when the process has exited (whatever the cause). */
  exited: Promise<unknown>;
  stop(): Promise<void>;
}

export function spawnServe(opts: {
  dataDir: string;
  token: string;
  env?: NodeJS.ProcessEnv;
  extraArgs?: string[];
  timeoutMs?: number;
}): Promise<ServeProcess> {
  bundle ??= buildCli();
  return bundle.then((cli) => start(cli, opts));
}

function start(cli: string, opts: Parameters<typeof spawnServe>[0]): Promise<ServeProcess> {
  const args = [cli, 'serve', '--port', '0', '--receiver-port', '0'];
  args.push('--data-dir', opts.dataDir, '--no-open', ...(opts.extraArgs ?? []));
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The token travels in env, never in argv (readable by every local user).
    env: { ...process.env, SWITCHBOARD_TOKEN: opts.token, ...opts.env },
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let out = '';
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise<ServeProcess>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve did not start:\n${out}`)),
      opts.timeoutMs ?? 30_000,
    );
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const uiUrl = /Switchboard UI: (\S+)/.exec(out)?.[1];
      const receiverUrl = /Receiver: (\S+)/.exec(out)?.[1];
      if (uiUrl && receiverUrl) {
        clearTimeout(timer);
        resolve({ child, uiUrl, receiverUrl, exited, stop });
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${child.exitCode ?? child.signalCode}:\n${out}`));
    });
  });
}
