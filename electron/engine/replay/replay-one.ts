// One replay action on one capture: exact, edited, re-signed, or an attack preset (which may
// send several requests; the result is the last, telling one, with the others in relatedIds).
import { ApiError } from '../../../shared/api/define';
import type { AttackName, ReplayMode, ReplayResult } from '../../../shared/api/replay';
import { freshClock, planAttack, type AttackPlan, type CaptureWithBody } from './attacks';
import { prepareEdited, prepareExact, prepareResigned, type Edits } from './prepare';
import type { ReplayService, TargetArgs } from './replay-service';
import { judge } from './report-judge';

export interface ReplayArgs extends TargetArgs {
  id: number;
  mode: ReplayMode;
  attack?: AttackName | undefined;
  edits?: Edits | undefined;
  duplicates: number;
}

export async function replayCapture(svc: ReplayService, args: ReplayArgs): Promise<ReplayResult> {
  const capture = svc.load(args.id);
  const url = svc.target(capture, args);
  svc.remember(url);
  const nowMs = svc.now();
  const meta = { mode: args.mode, attack: null, groupId: null };
  switch (args.mode) {
    case 'exact':
      return svc.send(args.id, url, prepareExact(capture.detail, capture.body), args, meta);
    case 'resigned':
      return svc.send(
        args.id,
        url,
        prepareResigned(capture.detail, capture.body, svc.keys(), nowMs),
        args,
        meta,
      );
    case 'edited':
      if (!args.edits)
        throw new ApiError(400, 'bad_edit', 'Mode "edited" needs edits (body and/or headers).');
      return svc.send(
        args.id,
        url,
        prepareEdited(capture.detail, capture.body, args.edits, svc.keys(), nowMs),
        args,
        meta,
      );
    case 'attack': {
      if (!args.attack)
        throw new ApiError(400, 'bad_attack', 'Mode "attack" needs an attack preset name.');
      const plan = planFor(svc, capture, args.attack, args.duplicates);
      if (plan.skipped)
        throw new ApiError(422, 'attack_not_applicable', `${args.attack}: ${plan.skipped}.`);
      const results = await runPlan(svc, plan, url, args, null);
      const last = results[results.length - 1];
      if (!last) throw new ApiError(500, 'attack_empty', `${args.attack} sent nothing.`);
      // The target's answer decides: accepted = vulnerable (no baseline in a single replay).
      const row = judge(
        args.attack,
        plan.description,
        plan.expected,
        results.map((r) => r.status),
        results.map((r) => r.replayId),
        results.find((r) => r.error)?.error ?? null,
        null,
        plan.concurrent,
      );
      return {
        ...last,
        relatedIds: results.slice(0, -1).map((r) => r.replayId),
        judgement: { verdict: row.verdict, reason: row.reason, expected: plan.expected },
      };
    }
  }
}

export function planFor(
  svc: ReplayService,
  capture: CaptureWithBody,
  attack: AttackName,
  duplicates: number,
  stamp: () => number = freshClock(svc.now()),
): AttackPlan {
  const s = svc.settings();
  return planAttack(attack, {
    capture,
    keys: svc.keys(),
    nowMs: svc.now(),
    stamp,
    timestampWindowSec: s.timestampWindowSec,
    duplicates,
    taskCaptures: () => taskCaptures(svc, capture),
  });
}

/** Sends the plan's steps (one after another, or all at once for races). A step that targets
 *  another capture of the task goes to that capture's path when no explicit target was given. */
export async function runPlan(
  svc: ReplayService,
  plan: AttackPlan,
  url: URL,
  args: TargetArgs,
  groupId: string | null,
): Promise<ReplayResult[]> {
  const meta = { mode: 'attack' as const, attack: plan.attack, groupId };
  const urlFor = (captureId: number) =>
    args.targetUrl ? url : svc.target(svc.load(captureId), args);
  if (plan.concurrent) {
    return Promise.all(
      plan.steps.map((s) => svc.send(s.captureId, urlFor(s.captureId), s.prepared, args, meta)),
    );
  }
  const out: ReplayResult[] = [];
  for (const s of plan.steps)
    out.push(await svc.send(s.captureId, urlFor(s.captureId), s.prepared, args, meta));
  return out;
}

/** Every webhook of the capture's task, oldest first (bounded: a task rarely has more). */
function taskCaptures(svc: ReplayService, capture: CaptureWithBody): CaptureWithBody[] {
  const taskId = capture.detail.taskId;
  if (!taskId) return [capture];
  const page = svc.deps.captures.list({ taskId }, 1000);
  return page.items
    .map((s) => s.id)
    .sort((a, b) => a - b)
    .map((id) => svc.load(id));
}
