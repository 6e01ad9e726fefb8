import { describe, expect, it } from 'vitest';
import { ApiError, operationNames } from '../../../shared/api';
import type { EngineEvent } from '../../../shared/events';
import { createIpcBridge } from '../../../renderer/bridge/ipc-bridge';
import type { PreloadApi } from '../../../renderer/bridge/types';

function fakePreload(extra: Record<string, unknown> = {}) {
  const listeners: ((e: EngineEvent) => void)[] = [];
  const exposed: Record<string, unknown> = {
    countCaptures: async () => ({ ok: true, value: { count: 2 } }),
    getCapture: async () => ({
      ok: false,
      error: { status: 404, code: 'not_found', message: 'Capture 4 does not exist.' },
    }),
    onEvent: (l: (e: EngineEvent) => void) => {
      listeners.push(l);
      return () => undefined;
    },
    ...extra,
  };
  return { preload: exposed as unknown as PreloadApi, listeners };
}

describe('createIpcBridge', () => {
  it('exposes exactly the contract and forwards calls', async () => {
    const { preload } = fakePreload({ invoke: () => 'should not leak' });
    const bridge = createIpcBridge(preload);
    expect(bridge.kind).toBe('ipc');
    expect(Object.keys(bridge.api).sort()).toEqual([...operationNames].sort());
    await expect(bridge.api.countCaptures({})).resolves.toEqual({ count: 2 });
  });

  it('fails with the same ApiError as over HTTP and reports missing operations clearly', async () => {
    const bridge = createIpcBridge(fakePreload().preload);
    const err: unknown = await bridge.api.getCapture({ id: 4 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 404,
      code: 'not_found',
      message: 'Capture 4 does not exist.',
    });
    await expect(bridge.api.health({})).rejects.toThrow('does not provide health');
  });

  it('passes events through and reports the connection open', () => {
    const { preload, listeners } = fakePreload();
    const bridge = createIpcBridge(preload);
    const got: EngineEvent[] = [];
    bridge.onEvent((e) => got.push(e));
    listeners[0]?.({ type: 'capture-deleted', id: 1 });
    expect(got).toEqual([{ type: 'capture-deleted', id: 1 }]);
    const states: string[] = [];
    bridge.onConnection((s) => states.push(s));
    expect(states).toEqual(['open']);
  });
});
