// The one union of engine events pushed to the renderer (IPC event channel or SSE /api/events).
// Each domain adds its variants here; the renderer switches on `type`.
import type { AuditEntry, CaptureSummary, ReceiverInfo, SettingsView } from './model';
import type { BulkProgress } from './model';
import type { DeliveryAttempt, DemoAgentInfo, ResponseRule } from './model';
import type { TaskView } from './model';
import type { Finding, TimelineEvent } from './a2a/types';

export type EngineEvent =
  | { type: 'capture'; capture: CaptureSummary }
  | { type: 'capture-updated'; capture: CaptureSummary }
  | { type: 'capture-deleted'; id: number | 'all' }
  | { type: 'audit'; entry: AuditEntry }
  | { type: 'receiver'; receiver: ReceiverInfo }
  | { type: 'settings'; view: SettingsView }
  | { type: 'replay-progress'; progress: BulkProgress }
  | { type: 'demo-agent'; agent: DemoAgentInfo }
  | { type: 'delivery'; attempt: DeliveryAttempt }
  | { type: 'response-rules'; rules: ResponseRule[] }
  /** A task's timeline grew (both lanes, pushed: never refetched). `events`: new rows in
   *  arrival order, findings attached; `updates`: rows already sent whose content changed (same
   *  frame / capture id: replace); `findings`: new whole-stream findings (frameId null). */
  | {
      type: 'timeline';
      taskId: string;
      events: TimelineEvent[];
      updates?: TimelineEvent[];
      findings?: Finding[];
    }
  | { type: 'task'; task: TaskView };
