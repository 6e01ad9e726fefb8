// Builds one task's timeline: every stored stream frame (and non-streamed answer) plus every
// webhook capture with the same task id (read through the captures repo), on one time axis,
// with the conformance findings attached to the events they point at. Stream findings were
// stored as the frames arrived (frame-store.ts); exchanges stored before that are linted once
// here. Webhook findings are computed (webhooks are few; they depend on both lanes).
import { lintStream } from '../../../shared/a2a/lint';
import type { StreamStatePoint } from '../../../shared/a2a/lint-webhooks';
import type { Finding, ProtocolVersion, TimelineEvent } from '../../../shared/a2a/types';
import type { A2aFindingsRepo } from '../store/a2a-findings-repo';
import type { A2aWireRepo } from '../store/a2a-wire-repo';
import type { CapturesRepo } from '../store/captures-repo';
import type { Db } from '../store/open-store';
import { frameToLint, frameToTimeline } from './frame-record';
import { lintExchanges } from './lint-exchanges';
import { lintWebhookEvents, webhookEvent } from './webhook-events';

export interface TimelineDeps {
  db: Db;
  wire: A2aWireRepo;
  findings: A2aFindingsRepo;
  captures: CapturesRepo;
}

/** Lints (once) and stores the findings of the task's stream exchanges stored before lint at
 *  ingest. Exchanges not answered yet are left to their stream. */
export function lintUnlinted(d: TimelineDeps, taskId: string): void {
  for (const id of d.findings.unlinted(taskId)) {
    const ex = d.wire.exchange(id);
    if (!ex?.streamKind || ex.status === null) continue;
    const found =
      ex.status >= 400
        ? []
        : lintStream({
            version: (ex.protocolVersion ?? '0.3') as ProtocolVersion,
            method: ex.streamKind,
            contentType: ex.contentType,
            frames: d.wire
              .lintFrames(id)
              .filter((f) => f.event !== 'rpc-response')
              .map((f) => frameToLint(f)),
            ended: ex.streamEnd ?? 'open',
            truncatedTail: ex.truncatedTail,
          });
    d.db.transaction(() => {
      d.findings.add(id, found);
      d.findings.markLinted(id);
    })();
  }
}

/** Findings of the task's plain (non-streamed) exchanges, e.g. an answer without `result`. */
export function plainFindings(d: TimelineDeps, taskId: string): Finding[] {
  return lintExchanges(d.wire.exchanges({ taskId, plain: true }, 10_000));
}

export function attachByFrame(events: TimelineEvent[], findings: Finding[]): void {
  const byFrame = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.frameId === null || f.captureId !== undefined) continue;
    const list = byFrame.get(f.frameId) ?? [];
    list.push(f);
    byFrame.set(f.frameId, list);
  }
  for (const e of events) {
    const own = e.frameId === undefined ? undefined : byFrame.get(e.frameId);
    if (own) e.findings = own;
  }
}

export function buildTimeline(
  d: TimelineDeps,
  taskId: string,
): { events: TimelineEvent[]; findings: Finding[] } {
  lintUnlinted(d, taskId);
  const stream = d.wire.timelineFrames(taskId).map((row) => frameToTimeline(row));
  const webhooks = d.captures.webhooksOfTask(taskId).map(webhookEvent);
  const points: StreamStatePoint[] = stream.flatMap((e) =>
    e.state && e.frameId ? [{ state: e.state, frameId: e.frameId }] : [],
  );
  const stored = d.findings.ofTask(taskId);
  attachByFrame(stream, stored);
  const findings = [...plainFindings(d, taskId), ...stored, ...lintWebhookEvents(points, webhooks)];
  // Stable merge by arrival time: stream frames keep their stored order.
  const events = [...stream, ...webhooks].sort((a, b) => a.at - b.at);
  return { events, findings };
}
