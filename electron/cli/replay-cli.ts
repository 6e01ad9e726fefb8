// CLI for CI pipelines: `replay <captureId> --to URL [--mode ...]` and
// `handler-report --to URL --capture <id>`. A client of the engine's handlers on the data dir
// (the engine is not started: no receiver, no UI). runReplayCli returns the exit code: 0 ok; 1 when any attack
// was accepted (or the valid delivery refused), or a replay failed (an attack replay fails when
// the handler accepted it); usage errors throw UsageError (exit code 2).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EngineHandlers } from '../../shared/api';
import { ApiError } from '../../shared/api/define';
import { ATTACKS, REPLAY_MODES, type AttackName, type ReplayMode } from '../../shared/api/replay';
import { defaultDataDir } from '../engine/data-dir';
import { createEngine } from '../engine/engine';
import { parseHar } from '../engine/replay/har-import';
import { FORMATS, oneOf, parseCommand, UsageError, wholeNumber } from './args';

export const REPLAY_USAGE = `usage:
  switchboard replay <captureId|file.har> --to URL [--mode exact|resigned|attack] [--attack NAME]
                     [--entry N] [--timeout MS] [--follow-redirects] [--yes] [--json] [--data-dir D]
  switchboard handler-report --to URL --capture <id|file.har> [--entry N] [--format markdown|json]
                     [--out FILE] [--timeout MS] [--yes] [--data-dir D]
  A HAR file is imported into the data dir first; --entry picks its webhook entry (default 0).
  --yes confirms a target that is not on this machine. Attacks: ${ATTACKS.join(', ')}`;

const options = {
  to: { type: 'string' },
  mode: { type: 'string', default: 'exact' },
  attack: { type: 'string' },
  capture: { type: 'string' },
  entry: { type: 'string', default: '0' },
  timeout: { type: 'string', default: '10000' },
  'follow-redirects': { type: 'boolean', default: false },
  yes: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  format: { type: 'string', default: 'markdown' },
  out: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

/** argv starts with the subcommand: ['replay', '12', '--to', url] or ['handler-report', ...].
 *  Usage errors throw UsageError (the entry point prints them on stderr and exits with 2). */
export async function runReplayCli(
  argv: string[],
  log: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseCommand(rest, options, REPLAY_USAGE, 1);
  const usage = (msg: string) => new UsageError(msg, REPLAY_USAGE);
  if (command !== 'replay' && command !== 'handler-report')
    throw usage(`unknown command "${command}"`);
  const ref = command === 'replay' ? positionals[0] : values.capture;
  if (!ref) throw usage('give the capture id (a positive number) or a HAR file');
  if (!values.to) throw usage('--to URL is required');
  const timeoutMs = wholeNumber(values.timeout, '--timeout', 100, REPLAY_USAGE);
  const entry = wholeNumber(values.entry, '--entry', 0, REPLAY_USAGE);
  const format = oneOf(values.format, FORMATS, '--format', REPLAY_USAGE);
  if (!(REPLAY_MODES as readonly string[]).includes(values.mode) || values.mode === 'edited') {
    throw usage(`--mode must be exact, resigned or attack (edited needs the UI or the API)`);
  }
  if (values.attack !== undefined && !(ATTACKS as readonly string[]).includes(values.attack)) {
    throw usage(`unknown attack "${values.attack}"`);
  }

  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const engine = createEngine({ dataDir, log: err });
  const { handlers } = engine;
  try {
    const id = await captureRef(ref, entry, handlers);
    if (!/^\d+$/.test(ref)) err(`imported entry ${entry} of ${ref} as capture #${id}`);
    const target = {
      targetUrl: values.to,
      confirmNonLoopback: values.yes,
      followRedirects: values['follow-redirects'],
      timeoutMs,
    };
    if (command === 'handler-report') {
      const report = await handlers.handlerReport({
        ...target,
        targetUrl: values.to,
        captureId: id,
        duplicates: 3,
      });
      const text = format === 'json' ? JSON.stringify(report, null, 2) : report.markdown;
      if (values.out) writeFileSync(values.out, text);
      else log(text);
      return report.vulnerable > 0 || report.validRejected ? 1 : 0;
    }
    const r = await handlers.replayCapture({
      ...target,
      id,
      mode: values.mode as ReplayMode,
      attack: values.attack as AttackName | undefined,
      duplicates: 3,
    });
    if (values.json) log(JSON.stringify(r, null, 2));
    else {
      log(
        `replay #${r.replayId} of capture ${id} -> ${r.targetUrl}: ${r.error ?? `HTTP ${r.status}`} (${r.latencyMs} ms)`,
      );
      for (const c of r.changes) log(`  ${c.kind} ${c.field}${c.note ? `: ${c.note}` : ''}`);
    }
    if (r.error || r.status === null) return 1;
    // For an attack, success means the handler refused it.
    const accepted = r.status >= 200 && r.status < 300;
    return r.mode === 'attack' ? (accepted ? 1 : 0) : r.status >= 400 ? 1 : 0;
  } catch (e) {
    if (e instanceof ApiError) {
      err(`error: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await engine.stop();
  }
}

/** A capture id as given, or the `entry`-th webhook of a HAR file imported (and verified like a
 *  live capture) into the data dir through the engine's importHar. */
async function captureRef(
  ref: string,
  entry: number,
  handlers: Pick<EngineHandlers, 'importHar'>,
): Promise<number> {
  if (/^\d+$/.test(ref)) {
    const id = Number(ref);
    if (id <= 0) throw new UsageError('a capture id is a positive number', REPLAY_USAGE);
    return id;
  }
  let text: string;
  try {
    text = readFileSync(ref, 'utf8');
  } catch (e) {
    throw new UsageError(
      `"${ref}" is neither a capture id nor a readable HAR file (${(e as Error).message})`,
      REPLAY_USAGE,
    );
  }
  const parsed = parseHar(text, Date.now());
  const picked = parsed.captures[entry];
  if (!picked) {
    throw new UsageError(
      `${ref} has ${parsed.captures.length} webhook entr${parsed.captures.length === 1 ? 'y' : 'ies'}; --entry ${entry} is not one of them`,
      REPLAY_USAGE,
    );
  }
  // Only the chosen entry is imported: a HAR of that one entry (parseHar accepted the file).
  const doc = JSON.parse(text) as { log: { entries: unknown[] } };
  const one = { ...doc, log: { ...doc.log, entries: [doc.log.entries[picked.index]] } };
  const { ids } = await handlers.importHar({ har: JSON.stringify(one) });
  const id = ids[0];
  if (id === undefined)
    throw new ApiError(400, 'bad_har', `entry ${entry} of ${ref} could not be imported`);
  return id;
}
