// The open SSE sessions, by task id: lets `disconnect` stop every stream of a task (the task
// goes on at the agent) and the engine close them all on shutdown.
import type { StreamSession } from './stream-session';

export function createStreamRegistry() {
  const byTask = new Map<string, Set<StreamSession>>();
  const all = new Set<StreamSession>();
  return {
    add(session: StreamSession): void {
      all.add(session);
    },
    bind(taskId: string, session: StreamSession): void {
      all.add(session);
      const set = byTask.get(taskId) ?? new Set<StreamSession>();
      set.add(session);
      byTask.set(taskId, set);
    },
    remove(session: StreamSession): void {
      all.delete(session);
      if (!session.taskId) return;
      const set = byTask.get(session.taskId);
      set?.delete(session);
      if (set?.size === 0) byTask.delete(session.taskId);
    },
    isStreaming(taskId: string): boolean {
      return (byTask.get(taskId)?.size ?? 0) > 0;
    },
    disconnect(taskId: string): number {
      const set = [...(byTask.get(taskId) ?? [])];
      for (const s of set) s.disconnect();
      return set.length;
    },
    /** Disconnects everything and waits until every reader has stopped. */
    async closeAll(): Promise<void> {
      const sessions = [...all];
      for (const s of sessions) s.disconnect();
      await Promise.allSettled(sessions.map((s) => s.done));
    },
  };
}

export type StreamRegistry = ReturnType<typeof createStreamRegistry>;
