// Pushes each task's timeline to the renderer as it grows, so nothing is ever refetched: one
// 'timeline' event per stored chunk of frames (or non-streamed answer) and per webhook of a
// known task, with the findings already attached. A terminal state on the stream lane re-lints
// the task's webhooks (their agreement with the stream is judged once it ended) and sends them
// as updates; a re-verified capture is an update too. Webhook findings follow the last terminal
// state; states shown only after it (events after the end, flagged themselves) are not re-sent.
import type { Finding, TimelineEvent } from '../../../shared/a2a/types';
import { TERMINAL_STATES } from '../../../shared/a2a/types';
import type { EngineContext } from '../context';
import type { A2aWireRepo } from '../store/a2a-wire-repo';
import type { CapturesRepo, WebhookRow } from '../store/captures-repo';
import { lintWebhookEvents, webhookEvent } from './webhook-events';

export interface TimelineFeedDeps {
  ctx: Pick<EngineContext, 'emit'>;
  wire: A2aWireRepo;
  captures: CapturesRepo;
}

export function createTimelineFeed(d: TimelineFeedDeps) {
  const webhooksOf = (taskId: string): TimelineEvent[] => {
    const hooks = d.captures.webhooksOfTask(taskId).map(webhookEvent);
    if (hooks.length) lintWebhookEvents(d.wire.statePoints(taskId), hooks);
    return hooks;
  };
  return {
    /** Stream-lane rows just stored, with whole-stream findings (e.g. at the stream's end). */
    stream(taskId: string, events: TimelineEvent[], findings: Finding[] = []): void {
      const ended = events.some((e) => e.state !== undefined && TERMINAL_STATES.has(e.state));
      const updates = ended ? webhooksOf(taskId) : [];
      if (!events.length && !findings.length && !updates.length) return;
      d.ctx.emit({
        type: 'timeline',
        taskId,
        events,
        ...(updates.length ? { updates } : {}),
        ...(findings.length ? { findings } : {}),
      });
    },
    /** A capture of a known task was stored (`updated` false) or verified again: its row on
     *  the task's timeline. */
    webhook(taskId: string, row: WebhookRow, updated: boolean): void {
      const e = webhookEvent(row);
      lintWebhookEvents(d.wire.statePoints(taskId), [e]);
      d.ctx.emit({
        type: 'timeline',
        taskId,
        events: updated ? [] : [e],
        ...(updated ? { updates: [e] } : {}),
      });
    },
  };
}

export type TimelineFeed = ReturnType<typeof createTimelineFeed>;
