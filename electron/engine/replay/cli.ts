// CLI for CI pipelines: `replay <captureId> --to URL [--mode ...]` and
// `handler-report --to URL --capture <id>`. Opens the store and settings of the data dir
// directly (no receiver, no UI). runReplayCli returns the exit code: 0 ok; 1 when any attack
// was accepted (or the valid delivery refused), or a replay failed (an attack replay fails when
// the handler accepted it); 2 on usage errors.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../../../shared/api/define';
import {
  ATTACKS,
  REPLAY_MODES,
  type AttackName,
  type ReplayMode,
} from '../../../shared/api/replay';
import { defaultDataDir } from '../data-dir';
import { createSettingsStore } from '../settings';
import { createCapturesRepo } from '../store/captures-repo';
import { openDatabase } from '../store/open-store';
import { createReplaysRepo } from '../store/replays-repo';
import { runHandlerReport } from './handler-report';
import { replayCapture } from './replay-one';
import { createReplayService } from './replay-service';

export const REPLAY_USAGE = `usage:
  switchboard replay <captureId> --to URL [--mode exact|resigned|attack] [--attack NAME]
                     [--timeout MS] [--follow-redirects] [--yes] [--json] [--data-dir D]
  switchboard handler-report --to URL --capture <id> [--format markdown|json] [--out FILE]
                     [--timeout MS] [--yes] [--data-dir D]
  --yes confirms a target that is not on this machine. Attacks: ${ATTACKS.join(', ')}`;

const options = {
  to: { type: 'string' },
  mode: { type: 'string', default: 'exact' },
  attack: { type: 'string' },
  capture: { type: 'string' },
  timeout: { type: 'string', default: '10000' },
  'follow-redirects': { type: 'boolean', default: false },
  yes: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  format: { type: 'string', default: 'markdown' },
  out: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

/** argv starts with the subcommand: ['replay', '12', '--to', url] or ['handler-report', ...]. */
export async function runReplayCli(
  argv: string[],
  log: (line: string) => void = console.log,
): Promise<number> {
  const [command, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true });
  } catch (err) {
    log(`${(err as Error).message}\n${REPLAY_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const id = Number(command === 'replay' ? positionals[0] : values.capture);
  const timeoutMs = Number(values.timeout);
  const usage = (msg: string) => (log(`${msg}\n${REPLAY_USAGE}`), 2);
  if (command !== 'replay' && command !== 'handler-report')
    return usage(`unknown command "${command}"`);
  if (!Number.isInteger(id) || id <= 0) return usage('give the capture id (a positive number)');
  if (!values.to) return usage('--to URL is required');
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100)
    return usage('--timeout must be >= 100 (ms)');

  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const db = openDatabase(dataDir);
  try {
    const settings = createSettingsStore({ dataDir });
    const svc = createReplayService({
      captures: createCapturesRepo(db),
      replays: createReplaysRepo(db),
      settings: () => settings.get(),
      emit: () => undefined,
      receiverUrl: () => `http://127.0.0.1:${settings.get().receiverPort}`,
    });
    const target = {
      targetUrl: values.to,
      confirmNonLoopback: values.yes,
      followRedirects: values['follow-redirects'],
      timeoutMs,
    };
    if (command === 'handler-report') {
      const report = await runHandlerReport(svc, {
        ...target,
        targetUrl: values.to,
        captureId: id,
        duplicates: 3,
      });
      const text = values.format === 'json' ? JSON.stringify(report, null, 2) : report.markdown;
      if (values.out) writeFileSync(values.out, text);
      else log(text);
      return report.vulnerable > 0 || report.validRejected ? 1 : 0;
    }
    if (!(REPLAY_MODES as readonly string[]).includes(values.mode) || values.mode === 'edited') {
      return usage(`--mode must be exact, resigned or attack (edited needs the UI or the API)`);
    }
    if (values.attack !== undefined && !(ATTACKS as readonly string[]).includes(values.attack)) {
      return usage(`unknown attack "${values.attack}"`);
    }
    const r = await replayCapture(svc, {
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
  } catch (err) {
    if (err instanceof ApiError) {
      log(`error: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    db.close();
  }
}
