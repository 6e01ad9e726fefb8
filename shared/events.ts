// The one union of engine events pushed to the renderer (IPC event channel or SSE /api/events).
// Each domain adds its variants here; the renderer switches on `type`.
import type { AuditEntry, CaptureSummary, ReceiverInfo, SettingsView } from './model';
import type { BulkProgress } from './model';
import type { DeliveryAttempt, DemoAgentInfo, ResponseRule } from './model';
import type { TaskView } from './model';
import type { TimelineEvent } from './a2a/types';

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
  | { type: 'stream'; taskId: string; event: TimelineEvent }
  | { type: 'task'; task: TaskView };
