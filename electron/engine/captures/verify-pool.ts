// Verification on worker threads, so the main thread only accepts, commits and answers. Each
// request goes to the least busy worker; the settings object is re-sent when it changes. The
// notification-token check needs the engine's registered tokens and runs on the main thread.
import { Worker } from 'node:worker_threads';
import type { Settings } from '../../../shared/model';
import { verifyCheck, type RegisteredTokens, type VerifyInput } from '../../../shared/verify/index';
import { verifyUnsaved, type UnsavedVerification } from './verify-and-save';

type Done = (v: UnsavedVerification) => void;
import type { ToWorker } from './verify-worker';

export interface VerifyPool {
  verify(input: VerifyInput): Promise<UnsavedVerification>;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  busy: number;
  settings: Settings | null;
}

export function createVerifyPool(
  size: number,
  settings: () => Settings,
  registeredTokens: RegisteredTokens | undefined,
  script: string,
): VerifyPool {
  let seq = 0;
  const waiting = new Map<number, { slot: Slot; input: VerifyInput; done: Done }>();
  const slots: Slot[] = Array.from({ length: size }, () => {
    const worker = startWorker(script);
    const slot: Slot = { worker, busy: 0, settings: null };
    worker.unref();
    worker.on('message', (m: { seq: number; v: UnsavedVerification }) => {
      slot.busy--;
      waiting.get(m.seq)?.done(m.v);
      waiting.delete(m.seq);
    });
    // A dead worker takes no more work; what it held is verified on the main thread.
    const lost = (err?: Error) => {
      if (slot.busy === Infinity) return;
      slot.busy = Infinity;
      if (err) console.error('verify worker failed:', err.message);
      for (const [id, w] of waiting)
        if (w.slot === slot) {
          waiting.delete(id);
          void verifyUnsaved({ settings, registeredTokens }, w.input).then(w.done);
        }
    };
    worker.on('error', lost);
    worker.on('exit', () => lost());
    return slot;
  });

  const onWorker = async (slot: Slot, input: VerifyInput, s: Settings) => {
    if (slot.settings !== s) {
      slot.worker.postMessage({ kind: 'settings', settings: s } satisfies ToWorker);
      slot.settings = s;
    }
    const id = ++seq;
    slot.busy++;
    const v = await new Promise<UnsavedVerification>((done) => {
      waiting.set(id, { slot, input, done });
      slot.worker.postMessage({ kind: 'verify', seq: id, input } satisfies ToWorker);
    });
    if (!registeredTokens) return v;
    const token = await verifyCheck('notification-token', input, s, {
      rememberJti: () => null,
      registeredTokens,
    });
    return { ...v, checks: v.checks.map((c) => (c.id === token.id ? token : c)) };
  };

  return {
    verify(input) {
      const s = settings();
      const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      if (slot.busy === Infinity) return verifyUnsaved({ settings, registeredTokens }, input);
      return onWorker(slot, input, s);
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/** A .ts entry (running from source: tsx, vitest) is loaded through tsx's loader. */
function startWorker(href: string): Worker {
  if (!href.endsWith('.ts')) return new Worker(new URL(href));
  const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(href)}); })`;
  return new Worker(code, { eval: true });
}
