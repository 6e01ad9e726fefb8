// The `switchboard` command: serve (default), demo, listen, replay, handler-report, agent-report.
// Exit codes (docs/ci.md): 0 ok, 1 a required check failed / an attack got through / an error,
// 2 usage error (unknown command or option, bad value). Usage and errors go to stderr; stdout
// carries only results (text, Markdown, JSON or NDJSON), so pipelines can parse it.
import { runServe, SERVE_USAGE } from './serve-cli';
import { EXIT, UsageError } from './args';
import { AGENT_REPORT_USAGE, runAgentReportCli } from './agent-report-cli';
import { LISTEN_USAGE, runListenCli } from './listen-cli';
import { DEMO_USAGE, runDemoCli } from './demo-cli';
import { REPLAY_USAGE, runReplayCli } from './replay-cli';
import { APP_VERSION } from '../engine/version';
import { assertNodeVersion } from '../../scripts/node-version.mjs';

const USAGE = `usage: switchboard <command> [options]      (switchboard <command> --help for its options)
  serve            engine + browser UI   [--port P] [--receiver-port R] [--data-dir D] [--token-file F] [--no-open] [--json]
  demo             the tutorial's agents [--long-port 8001] [--enterprise-port 8002] [--speed N] [--json]
  listen           receiver only, one NDJSON line per capture [--count N] [--timeout S] [--exit-on invalid] [--json]
  replay <id|har>  replay a capture      --to URL [--mode exact|resigned|attack] [--data-dir D]
  handler-report   attack a handler      --to URL --capture <id|har> [--format markdown|json]
  agent-report <url>  test an agent's push delivery [--format markdown|json] [--out FILE]
  --version        print the version
exit codes: 0 ok, 1 a required check failed (or an error), 2 usage error`;

const COMMAND_USAGE: Record<string, string> = {
  serve: SERVE_USAGE,
  demo: DEMO_USAGE,
  listen: LISTEN_USAGE,
  replay: REPLAY_USAGE,
  'handler-report': REPLAY_USAGE,
  'agent-report': AGENT_REPORT_USAGE,
};

const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');

async function main(argv: string[]): Promise<number | null> {
  const [command = 'serve', ...rest] = argv;
  if (command === '--version' || command === '-v' || command === 'version') {
    console.log(APP_VERSION);
    return EXIT.ok;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    console.error(USAGE);
    return EXIT.ok;
  }
  const usage = COMMAND_USAGE[command];
  if (usage && wantsHelp(rest)) {
    console.error(usage);
    return EXIT.ok;
  }
  switch (command) {
    case 'serve':
      await runServe(rest);
      return null; // keeps running until a signal
    case 'demo':
      await runDemoCli(rest, { handleSignals: true });
      return null;
    case 'listen':
      return runListenCli(rest, {
        out: (line) => console.log(line),
        err: (line) => console.error(line),
        interrupted: new Promise((stop) => {
          process.once('SIGINT', () => stop());
          process.once('SIGTERM', () => stop());
        }),
      });
    case 'replay':
    case 'handler-report':
      return runReplayCli(argv);
    case 'agent-report':
      return runAgentReportCli(
        rest,
        (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
        (line) => console.error(line),
      );
    default:
      if (command.startsWith('--')) {
        await runServe(argv);
        return null;
      }
      throw new UsageError(`unknown command "${command}"`, USAGE);
  }
}

assertNodeVersion();
main(process.argv.slice(2)).then(
  (code) => {
    if (code !== null) process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`switchboard: ${err.message}\n${err.usage}`);
      process.exit(EXIT.usage);
    }
    console.error(`switchboard: ${(err as Error).message}`);
    process.exit(EXIT.failed);
  },
);
