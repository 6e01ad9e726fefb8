// Bulk replay's platform floor: the same requests written by the plainest keep-alive client
// (one net.Socket per worker, the request bytes built once, the response read up to its
// Content-Length) and the same stored row per replay (copied from a real replay of the same
// run, written 100 per transaction, each linked to the capture it replays as bulk does, so the
// foreign-key lookup and the index insert land where the real rows would). No Switchboard code
// runs per request: bulk / floor is the share of our own code, autocannon / floor the price of
// storing every replay.
import net from 'node:net';
import type { Db } from '../electron/engine/store/open-store';

const COLUMNS = `capture_id, created_at, target_url, mode, attack, group_id, sent_method, sent_url,
  sent_headers, sent_body, sent_body_ref, sent_sha256, changes, related, response_status,
  response_headers, response_body, response_truncated, latency_ms, error`;

/** Replays/s of `count` requests over `concurrency` connections, each stored like `rowId`. */
export async function replayFloor(opts: {
  db: Db;
  url: URL;
  request: Buffer;
  rowId: number;
  /** The captures replayed, in order: each stored row names one (the first column). */
  captureIds: number[];
  count: number;
  concurrency: number;
}): Promise<number> {
  const { db } = opts;
  const row = db.prepare(`SELECT ${COLUMNS} FROM replays WHERE id = ?`).raw().get(opts.rowId) as
    | unknown[]
    | undefined;
  if (!row) throw new Error(`no replay #${opts.rowId} to copy`);
  const insert = db.prepare(
    `INSERT INTO replays (${COLUMNS}) VALUES (${row.map(() => '?').join(', ')})`,
  );
  let written = 0;
  const write = db.transaction((n: number) => {
    for (let i = 0; i < n; i++) {
      row[0] = opts.captureIds[written++ % opts.captureIds.length];
      insert.run(...row);
    }
  });
  let pending = 0;
  let left = opts.count;
  const t0 = performance.now();
  const worker = async () => {
    const sock = net.connect({ host: opts.url.hostname, port: Number(opts.url.port) });
    sock.setNoDelay(true);
    await new Promise((r) => sock.once('connect', r));
    while (left > 0) {
      left--;
      await new Promise<void>((resolve) => {
        let got: Buffer = Buffer.alloc(0);
        const onData = (chunk: Buffer) => {
          got = got.length ? Buffer.concat([got, chunk]) : chunk;
          const end = got.indexOf('\r\n\r\n');
          if (end < 0) return;
          const length = Number(
            /content-length: *(\d+)/i.exec(got.subarray(0, end).toString())?.[1] ?? 0,
          );
          if (got.length < end + 4 + length) return;
          sock.off('data', onData);
          resolve();
        };
        sock.on('data', onData);
        sock.write(opts.request);
      });
      if (++pending === 100) {
        write(pending);
        pending = 0;
      }
    }
    sock.destroy();
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  write(pending);
  return opts.count / ((performance.now() - t0) / 1000);
}
