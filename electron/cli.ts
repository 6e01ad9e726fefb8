// The `switchboard` command: serve (default), demo, replay, handler-report.
import { runServe } from './cli-serve';
import { runDemoCli } from './engine/demo/cli';
import { runReplayCli } from './engine/replay/cli';

const USAGE = `usage: switchboard <command> [options]
  serve            engine + browser UI   [--port P] [--receiver-port R] [--data-dir D] [--token-file F] [--no-open]
  demo             the tutorial's agents [--long-port 8001] [--enterprise-port 8002] [--speed N]
  replay <id>      replay a capture      --to URL [--mode exact|resigned|attack] [--data-dir D]
  handler-report   attack a handler      --to URL --capture <id> [--data-dir D]`;

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  switch (command) {
    case 'serve':
      return runServe(rest);
    case 'demo':
      await runDemoCli(rest, { handleSignals: true });
      return;
    case 'replay':
    case 'handler-report':
      process.exitCode = await runReplayCli(argv);
      return;
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return;
    default:
      if (command.startsWith('--')) return runServe(argv);
      throw new Error(`unknown command "${command}"\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`switchboard: ${(err as Error).message}`);
  process.exit(1);
});
