// The preload with a faked `electron` module: it exposes exactly the contract's operations plus
// onEvent, hands IpcResults through whole (code and status survive contextBridge), and never
// hands the IPC event object to the page.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { operationNames } from '../../../shared/api';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn();
const listeners = new Map<string, (...a: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: Record<string, unknown>) => {
      exposed[key] = value;
    },
  },
  ipcRenderer: {
    invoke: (...a: unknown[]) => invoke(...a) as unknown,
    on: (channel: string, fn: (...a: unknown[]) => void) => listeners.set(channel, fn),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

type Api = Record<string, (arg: unknown) => unknown>;

describe('preload', () => {
  beforeAll(async () => {
    await import('../../../electron/preload');
  });

  it('exposes exactly the operations and onEvent', () => {
    const api = exposed['switchboard'] as Api;
    expect(Object.keys(api).sort()).toEqual([...operationNames, 'onEvent'].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('resolves with the whole IpcResult, failures included', async () => {
    const api = exposed['switchboard'] as Api;
    invoke.mockResolvedValueOnce({ ok: true, value: { count: 3 } });
    await expect(api['countCaptures']!({})).resolves.toEqual({ ok: true, value: { count: 3 } });
    expect(invoke).toHaveBeenLastCalledWith('sb:countCaptures', {});
    const failed = {
      ok: false,
      error: { status: 404, code: 'not_found', message: 'Capture 9 is gone.' },
    };
    invoke.mockResolvedValueOnce(failed);
    await expect(api['getCapture']!({ id: 9 })).resolves.toEqual(failed);
  });

  it('delivers events without the IPC event object and unsubscribes', () => {
    const api = exposed['switchboard'] as Api;
    const got: unknown[] = [];
    const off = api['onEvent']!((e: unknown) => got.push(e)) as () => void;
    listeners.get('sb:event')!({ sender: 'secret' }, { type: 'capture-deleted', id: 'all' });
    expect(got).toEqual([{ type: 'capture-deleted', id: 'all' }]);
    off();
    expect(listeners.has('sb:event')).toBe(false);
  });
});
