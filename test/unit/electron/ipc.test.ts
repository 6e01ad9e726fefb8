// The IPC wrapper with a fake ipcMain (Electron is the one thing faked): every operation is
// registered once, foreign senders are refused, arguments are validated, errors keep their message.
import { describe, expect, it } from 'vitest';
import { ApiError, operationNames, type EngineHandlers } from '../../../shared/api';
import { opChannel, type IpcResult } from '../../../electron/ipc-channels';
import {
  isTrustedSender,
  registerIpc,
  type InvokeEventLike,
  type IpcMainLike,
} from '../../../electron/ipc';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<IpcResult>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipc: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`duplicate ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => void handlers.delete(channel),
  };
  return { ipc, handlers };
}

const ourContents = { id: 1 };
const otherContents = { id: 2 };
const ok: InvokeEventLike = {
  sender: ourContents,
  senderFrame: { url: 'app://switchboard/index.html' },
};

function fakeHandlers(calls: unknown[]): EngineHandlers {
  const table: Record<string, (a: unknown) => Promise<unknown>> = {};
  for (const name of operationNames) {
    table[name] = async (args) => {
      calls.push([name, args]);
      if (name === 'deleteCapture')
        throw new ApiError(404, 'not_found', 'Capture 7 does not exist.');
      if (name === 'clearCaptures') throw new Error('disk full');
      return { name };
    };
  }
  return table as unknown as EngineHandlers;
}

describe('isTrustedSender', () => {
  const trusted = () => ourContents;
  it('accepts our window showing our bundle', () =>
    expect(isTrustedSender(ok, trusted)).toBe(true));
  it('refuses another webContents', () =>
    expect(isTrustedSender({ ...ok, sender: otherContents }, trusted)).toBe(false));
  it('refuses our window after it navigated elsewhere', () => {
    expect(isTrustedSender({ ...ok, senderFrame: { url: 'https://evil.example/' } }, trusted)).toBe(
      false,
    );
    expect(isTrustedSender({ ...ok, senderFrame: null }, trusted)).toBe(false);
  });
  it('refuses everything when there is no window', () =>
    expect(isTrustedSender(ok, () => null)).toBe(false));
});

describe('registerIpc', () => {
  it('registers each operation exactly once and nothing else', () => {
    const { ipc, handlers } = fakeIpcMain();
    const dispose = registerIpc(ipc, fakeHandlers([]), () => ourContents);
    expect([...handlers.keys()].sort()).toEqual(operationNames.map(opChannel).sort());
    dispose();
    expect(handlers.size).toBe(0);
  });

  it('calls the engine with validated arguments', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const calls: unknown[] = [];
    registerIpc(ipc, fakeHandlers(calls), () => ourContents);
    const res = await handlers.get(opChannel('listCaptures'))!(ok, {
      limit: '5',
      verdict: 'invalid',
    });
    expect(res).toEqual({ ok: true, value: { name: 'listCaptures' } });
    expect(calls).toEqual([['listCaptures', { limit: 5, verdict: 'invalid' }]]);
  });

  it('refuses foreign senders without calling the engine', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const calls: unknown[] = [];
    registerIpc(ipc, fakeHandlers(calls), () => ourContents);
    const res = await handlers.get(opChannel('getSettings'))!({ ...ok, sender: otherContents }, {});
    expect(res).toMatchObject({ ok: false, error: { status: 403, code: 'forbidden_sender' } });
    expect(calls).toEqual([]);
  });

  it('rejects invalid arguments with a readable message', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const calls: unknown[] = [];
    registerIpc(ipc, fakeHandlers(calls), () => ourContents);
    const res = await handlers.get(opChannel('getCapture'))!(ok, { id: 'abc' });
    expect(res).toMatchObject({ ok: false, error: { status: 400, code: 'invalid_arguments' } });
    expect(calls).toEqual([]);
  });

  it('keeps the status, code and message of engine errors', async () => {
    const { ipc, handlers } = fakeIpcMain();
    registerIpc(ipc, fakeHandlers([]), () => ourContents);
    expect(await handlers.get(opChannel('deleteCapture'))!(ok, { id: 7 })).toEqual({
      ok: false,
      error: { status: 404, code: 'not_found', message: 'Capture 7 does not exist.' },
    });
    expect(await handlers.get(opChannel('clearCaptures'))!(ok, {})).toMatchObject({
      ok: false,
      error: { status: 500, message: 'disk full' },
    });
  });
});
