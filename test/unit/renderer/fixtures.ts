// Shared test data for renderer unit tests.
import type { CaptureSummary } from '../../../shared/model';

export const cap = (id: number, over: Partial<CaptureSummary> = {}): CaptureSummary => ({
  id,
  receivedAt: 1_700_000_000_000 + id,
  method: 'POST',
  path: '/webhook',
  taskId: `task-${id}`,
  verdict: 'valid',
  size: 10,
  contentType: 'application/json',
  source: 'receiver',
  answeredBy: null,
  ...over,
});
