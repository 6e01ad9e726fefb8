// Bulk replay's platform floor: the same replays written as plainly as the platform allows.
// Per replay it reads the capture from the store (200 per query, as a replay's bytes come from
// there), builds the request from the stored method, headers and body, sends it on one
// keep-alive net.Socket per worker, reads the response up to its Content-Length, splits its
// status and header lines, and stores the replay row (the response's status, headers and body
// in place; the other columns copied from a real replay of the same run), 100 per transaction,
// each linked to the capture it replays. No Switchboard code runs per request: bulk / floor is
// the share of our own code, autocannon / floor the price of reading and storing every replay.
// With `resign`, each request is re-signed as a tutorial sender signs it (fresh X-A2A-Timestamp,
// HMAC of the body, the Bearer JWT's claims with new iat/exp/jti and its HS256 signature, by
// node:crypto) and the row stores the headers sent: the floor of a re-signed replay.
import { createHmac, randomUUID } from 'node:crypto';
import net from 'node:net';
import type { Db } from '../electron/engine/store/open-store';

const COLUMNS = `capture_id, created_at, target_url, mode, attack, group_id, sent_method, sent_url,
  sent_headers, sent_body, sent_body_ref, sent_sha256, changes, related, response_status,
  response_headers, response_body, response_truncated, latency_ms, error`;
/** Captures read per query, as bulk replay reads them. */
const READ_AHEAD = 200;
/** A capture as the floor reads it: id, method, headers JSON, body. */
type SourceRow = [number, string, string, Buffer];

/** Replays/s of `count` requests over `concurrency` connections, each stored like `rowId`. */
export async function replayFloor(opts: {
  db: Db;
  url: URL;
  rowId: number;
  /** The captures replayed, in order: each stored row names one (the first column). */
  captureIds: number[];
  count: number;
  concurrency: number;
  resign?: { webhookSecret: string; jwtSecret: string };
}): Promise<number> {
  const { db } = opts;
  const row = db.prepare(`SELECT ${COLUMNS} FROM replays WHERE id = ?`).raw().get(opts.rowId) as
    | unknown[]
    | undefined;
  if (!row) throw new Error(`no replay #${opts.rowId} to copy`);
  const insert = db.prepare(
    `INSERT INTO replays (${COLUMNS}) VALUES (${row.map(() => '?').join(', ')})`,
  );
  const readAhead = db.prepare(
    `SELECT id, method, headers, body FROM captures WHERE id IN (${Array(READ_AHEAD).fill('?').join(', ')})`,
  );
  const sources = new Map<number, SourceRow>();
  const source = (index: number) => {
    const id = opts.captureIds[index % opts.captureIds.length]!;
    if (!sources.has(id)) {
      const ids = Array.from(
        { length: READ_AHEAD },
        (_, k) => opts.captureIds[(index + k) % opts.captureIds.length],
      );
      for (const r of readAhead.raw().all(...ids) as SourceRow[]) sources.set(r[0], r);
    }
    const r = sources.get(id)!;
    sources.delete(id);
    return r;
  };
  const head = `${opts.url.pathname} HTTP/1.1\r\nHost: ${opts.url.host}\r\n`;
  const sign = opts.resign;
  /** The header's value as sent: re-signed where the tutorial's sender signs, else as captured. */
  const value = (lower: string, v: string, body: Buffer, nowSec: number): string => {
    if (!sign) return v;
    if (lower === 'x-a2a-timestamp') return String(nowSec);
    if (lower === 'x-a2a-signature')
      return `sha256=${createHmac('sha256', sign.webhookSecret).update(body).digest('hex')}`;
    if (lower !== 'authorization') return v;
    const [h, c] = v.slice('Bearer '.length).split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(c, 'base64url').toString()) as Record<string, unknown>;
    const life = (claims.exp as number) - (claims.iat as number);
    const next = { ...claims, iat: nowSec, exp: nowSec + life, jti: randomUUID() };
    const input = `${h}.${Buffer.from(JSON.stringify(next)).toString('base64url')}`;
    return `Bearer ${input}.${createHmac('sha256', sign.jwtSecret).update(input).digest('base64url')}`;
  };
  /** The request's bytes and the headers sent (JSON, stored in the row when re-signed). */
  const request = ([, method, headers, body]: SourceRow) => {
    let text = `${method} ${head}`;
    const nowSec = Math.floor(Date.now() / 1000);
    const sent: [string, string][] = [];
    for (const [n, v] of JSON.parse(headers) as [string, string][]) {
      const lower = n.toLowerCase();
      if (lower === 'host' || lower === 'content-length') continue;
      const out = value(lower, v, body, nowSec);
      if (sign) sent.push([n, out]);
      text += `${n}: ${out}\r\n`;
    }
    return {
      bytes: Buffer.concat([Buffer.from(`${text}Content-Length: ${body.length}\r\n\r\n`), body]),
      sentHeaders: sign ? JSON.stringify(sent) : null,
    };
  };
  // The response's status, headers and body go into the row where bulk stores them.
  const SENT_HEADERS = 8;
  const STATUS = 14;
  const HEADERS = 15;
  const BODY = 16;
  let pending: {
    captureId: number;
    sentHeaders: string | null;
    status: number;
    headers: string;
    body: Buffer;
  }[] = [];
  const write = db.transaction((batch: typeof pending) => {
    for (const r of batch) {
      // The target answers 200 to every replay: anything else means the floor sent garbage.
      if (r.status !== 200) throw new Error(`floor replay answered ${r.status}`);
      row[0] = r.captureId;
      if (r.sentHeaders !== null) row[SENT_HEADERS] = r.sentHeaders;
      row[STATUS] = r.status;
      row[HEADERS] = r.headers;
      row[BODY] = r.body;
      insert.run(...row);
    }
  });
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    const sock = net.connect({ host: opts.url.hostname, port: Number(opts.url.port) });
    sock.setNoDelay(true);
    await new Promise((r) => sock.once('connect', r));
    while (next < opts.count) {
      const capture = source(next++);
      const sent = request(capture);
      const response = await new Promise<(typeof pending)[number]>((resolve) => {
        let got: Buffer = Buffer.alloc(0);
        const onData = (chunk: Buffer) => {
          got = got.length ? Buffer.concat([got, chunk]) : chunk;
          const end = got.indexOf('\r\n\r\n');
          if (end < 0) return;
          const lines = got.subarray(0, end).toString('latin1').split('\r\n');
          const headers = lines.slice(1).map((l) => {
            const colon = l.indexOf(':');
            return [l.slice(0, colon), l.slice(colon + 1).trim()];
          });
          const length = Number(headers.find(([n]) => n!.toLowerCase() === 'content-length')?.[1]);
          if (got.length < end + 4 + length) return;
          sock.off('data', onData);
          resolve({
            captureId: capture[0],
            sentHeaders: sent.sentHeaders,
            status: Number(lines[0]!.split(' ')[1]),
            headers: JSON.stringify(headers),
            body: got.subarray(end + 4, end + 4 + length),
          });
        };
        sock.on('data', onData);
        sock.write(sent.bytes);
      });
      pending.push(response);
      if (pending.length === 100) {
        write(pending);
        pending = [];
      }
    }
    sock.destroy();
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  write(pending);
  return opts.count / ((performance.now() - t0) / 1000);
}
