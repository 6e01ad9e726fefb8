// Binds every operation of shared/api.ts to an ipcMain.handle channel through ONE wrapper that
// (1) refuses senders that are not our window showing our app:// bundle, (2) validates the
// argument object with the operation's zod schema (the renderer is untrusted), (3) turns errors
// into an IpcResult with the message the user should read. Electron-free types: unit-tested.
import { operationNames, operations, type EngineHandlers } from '../shared/api';
import { errorInfo } from '../shared/api/errors';
import { opChannel, type IpcResult } from './ipc-channels';
import { isAppUrl } from './security';

export interface InvokeEventLike {
  sender: unknown;
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<IpcResult>,
  ): void;
  removeHandler(channel: string): void;
}

/** Why: any other webContents (a devtools extension, a future second window, a frame that
 *  navigated away) must not drive the engine. */
export function isTrustedSender(event: InvokeEventLike, trusted: () => unknown): boolean {
  const ours = trusted();
  if (!ours || event.sender !== ours) return false;
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isAppUrl(url);
}

type AnyHandler = (args: unknown) => Promise<unknown>;

export function toIpcError(err: unknown): IpcResult {
  return { ok: false, error: errorInfo(err) };
}

/** Registers every operation once; returns a function removing the handlers. */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: EngineHandlers,
  trusted: () => unknown,
): () => void {
  const table = handlers as unknown as Record<string, AnyHandler>;
  for (const name of operationNames) {
    const handler = table[name];
    if (!handler) throw new Error(`engine has no handler for operation ${name}`);
    const spec = operations[name];
    ipcMain.handle(opChannel(name), async (event, raw) => {
      if (!isTrustedSender(event, trusted)) {
        return {
          ok: false,
          error: {
            status: 403,
            code: 'forbidden_sender',
            message: 'IPC sender is not the Switchboard window.',
          },
        };
      }
      try {
        const value = await handler(spec.args.parse(raw ?? {}));
        return { ok: true, value };
      } catch (err) {
        return toIpcError(err);
      }
    });
  }
  return () => {
    for (const name of operationNames) ipcMain.removeHandler(opChannel(name));
  };
}
