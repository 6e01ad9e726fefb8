// Worker-thread side of the verify pool (verify-pool.ts): verifies requests with node:crypto
// against the settings the main thread last sent. Never touches the store.
import { parentPort } from 'node:worker_threads';
import type { Settings } from '../../../shared/model';
import type { VerifyInput } from '../../../shared/verify/index';
import { verifyUnsaved } from './verify-and-save';

export type ToWorker =
  | { kind: 'settings'; settings: Settings }
  | { kind: 'verify'; seq: number; input: VerifyInput };

let settings: Settings | null = null;
const port = parentPort;
port?.on('message', (m: ToWorker) => {
  if (m.kind === 'settings') {
    settings = m.settings;
    return;
  }
  const current = settings!;
  void verifyUnsaved({ settings: () => current }, m.input).then((v) =>
    port.postMessage({ seq: m.seq, v }),
  );
});
