// Spawns the real `switchboard` CLI (electron/cli/index.ts through tsx, or a given command such as the
// installed bin of the packed tarball) and collects its exit code, stdout and stderr. `lines`
// resolves stdout lines as they arrive, for long-running commands (listen, serve, demo).
import { spawn, type ChildProcess } from 'node:child_process';
import { waitFor } from './wait-for';

export interface CliRun {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** The exit code (or the signal name) once the process has ended. */
  exited: Promise<number | string>;
  /** Waits until stdout has at least n complete lines and returns them. */
  lines(n: number, timeoutMs?: number): Promise<string[]>;
  stop(): Promise<void>;
}

export interface CliCommand {
  file: string;
  prefix: string[];
  cwd?: string;
}

export const SOURCE_CLI: CliCommand = {
  file: process.execPath,
  prefix: ['--import', 'tsx', 'electron/cli/index.ts'],
};

export function startCli(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; command?: CliCommand } = {},
): CliRun {
  const command = opts.command ?? SOURCE_CLI;
  const child = spawn(command.file, [...command.prefix, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
    ...(command.cwd ? { cwd: command.cwd } : {}),
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('close', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const complete = () => out.split('\n').slice(0, -1);
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    lines: (n, timeoutMs = 20_000) =>
      waitFor(() => (complete().length >= n ? complete() : null), {
        timeoutMs,
        what: `${n} line(s) on stdout (stderr: ${err})`,
      }),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Runs the CLI to its end. */
export async function runCli(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; command?: CliCommand } = {},
): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const run = startCli(args, opts);
  const code = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}
