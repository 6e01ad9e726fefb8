// `switchboard listen`: the engine's receiver without a UI, printing each verified capture as
// one NDJSON line on stdout ({"type":"capture", id, verdict, checks, ...}). For pipelines:
// --count N stops after N captures, --timeout S stops after S seconds, --exit-on invalid stops
// at the first invalid one. Exit code 1 when --exit-on fired or --count was not reached in time.
// Only our own fields are printed (no bodies, no header values: they may carry secrets).
import { resolve } from 'node:path';
import type { CaptureSummary } from '../../shared/model';
import { defaultDataDir } from '../engine/data-dir';
import { createEngine } from '../engine/engine';
import { parsePort } from '../engine/parse-port';
import { asUsage, EXIT, oneOf, parseCommand, wholeNumber } from './args';

export const LISTEN_USAGE = `usage: switchboard listen [--receiver-port P] [--data-dir D] [--count N] [--timeout S]
                          [--exit-on invalid] [--json]
  prints one JSON line per capture: {"type":"capture","id","verdict","checks",...}
  --count N          stop after N captures (exit 1 if --timeout passes first)
  --timeout S        stop after S seconds
  --exit-on invalid  stop with exit code 1 at the first invalid capture
  --json             print the receiver's URLs as a first JSON line ({"type":"listening",...})`;

const OPTIONS = {
  'receiver-port': { type: 'string' },
  'data-dir': { type: 'string' },
  count: { type: 'string' },
  timeout: { type: 'string' },
  'exit-on': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

export interface ListenIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Resolves when the user asks to stop (SIGINT/SIGTERM in the real CLI). */
  interrupted?: Promise<void>;
}

export async function runListenCli(argv: string[], io: ListenIo): Promise<number> {
  const { values } = parseCommand(argv, OPTIONS, LISTEN_USAGE);
  const portFlag = values['receiver-port'];
  const port =
    portFlag !== undefined
      ? asUsage(() => parsePort(portFlag, '--receiver-port'), LISTEN_USAGE)
      : undefined;
  const count =
    values.count !== undefined ? wholeNumber(values.count, '--count', 1, LISTEN_USAGE) : null;
  const timeoutS =
    values.timeout !== undefined ? wholeNumber(values.timeout, '--timeout', 1, LISTEN_USAGE) : null;
  const exitOnInvalid =
    values['exit-on'] !== undefined &&
    oneOf(values['exit-on'], ['invalid'] as const, '--exit-on', LISTEN_USAGE) === 'invalid';
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());

  const engine = createEngine({ dataDir, ...(port !== undefined ? { receiverPort: port } : {}) });
  await engine.start();
  const receiver = await engine.handlers.receiverInfo({});
  if (!receiver.listening) {
    await engine.stop();
    io.err(`switchboard: the receiver could not start: ${receiver.error ?? 'unknown error'}`);
    return EXIT.failed;
  }
  const webhook = `${receiver.url}/webhook`;
  if (values.json)
    io.out(JSON.stringify({ type: 'listening', receiver: receiver.url, webhook, dataDir }));
  else io.err(`Listening on ${receiver.url} (give your agent ${webhook}); data dir ${dataDir}`);

  let seen = 0;
  const code = await new Promise<number>((done) => {
    const finish = (c: number) => {
      if (timer) clearTimeout(timer);
      done(c);
    };
    const timer =
      timeoutS !== null
        ? setTimeout(() => finish(count !== null ? EXIT.failed : EXIT.ok), timeoutS * 1000)
        : null;
    void io.interrupted?.then(() => finish(EXIT.ok));
    const onCapture = async (summary: CaptureSummary) => {
      const detail = await engine.handlers.getCapture({ id: summary.id });
      io.out(JSON.stringify(captureLine(summary, detail.checks)));
      seen++;
      if (exitOnInvalid && summary.verdict === 'invalid') finish(EXIT.failed);
      else if (count !== null && seen >= count) finish(EXIT.ok);
    };
    // Lines are printed in arrival order: each capture waits for the one before it.
    let chain = Promise.resolve();
    engine.events.on((e) => {
      if (e.type !== 'capture') return;
      chain = chain
        .then(() => onCapture(e.capture))
        .catch((err: Error) => io.err(`switchboard: capture #${e.capture.id}: ${err.message}`));
    });
  });
  await engine.stop();
  return code;
}

function captureLine(c: CaptureSummary, checks: { id: string; status: string; detail: string }[]) {
  return {
    type: 'capture',
    id: c.id,
    receivedAt: new Date(c.receivedAt).toISOString(),
    method: c.method,
    path: c.path,
    taskId: c.taskId,
    verdict: c.verdict,
    checks: checks.map(({ id, status, detail }) => ({ id, status, detail })),
  };
}
