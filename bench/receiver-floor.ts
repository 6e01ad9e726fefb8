// The receiver's platform floor: what node:http, node:crypto and SQLite alone cost for the
// receiver's work, written as plainly as possible. It reads the body, computes the two HMACs a
// tutorial webhook needs (X-A2A-Signature, HS256 JWT), parses the JWT claims, inserts the
// same row as the receiver (headers, body, search text, checks JSON of the same size) into the
// same schema, looks up and records the token's jti (replay detection needs it on disk), with
// one commit per event-loop turn, and answers after the commit. No Switchboard code runs on
// its request path: receiver / floor is the share of our own code.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../electron/engine/store/open-store';

export async function startFloorServer(opts: {
  dataDir: string;
  webhookSecret: string;
  jwtSecret: string;
  /** A stored checks JSON of a real verification of this webhook (the same bytes to write). */
  checksJson: string;
}): Promise<{ url: string; close(): Promise<void> }> {
  const db = openDatabase(opts.dataDir, () => {});
  const insert = db.prepare(`INSERT INTO captures
    (received_at, method, path, query, headers, body, size, content_type, remote_address, task_id, source, search_text, imported_at, checks, verdict, response_status, answered_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const seenJti = db.prepare('SELECT capture_id FROM seen_jti WHERE jti = ?');
  const recordJti = db.prepare(
    'INSERT OR IGNORE INTO seen_jti (jti, capture_id, seen_at) VALUES (?, ?, ?)',
  );
  let queue: { row: unknown[]; jti: string | null; done: (id: number) => void }[] = [];
  const flush = db.transaction((batch: typeof queue) =>
    batch.map((q) => {
      if (q.jti !== null) seenJti.get(q.jti);
      const id = Number(insert.run(...q.row).lastInsertRowid);
      if (q.jti !== null) recordJti.run(q.jti, id, Date.now());
      return id;
    }),
  );
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const raw = req.rawHeaders;
      const sig = createHmac('sha256', opts.webhookSecret).update(body).digest('hex');
      const token = (req.headers.authorization ?? '').slice('Bearer '.length);
      const dot = token.lastIndexOf('.');
      const mac = createHmac('sha256', opts.jwtSecret)
        .update(token.slice(0, dot))
        .digest('base64url');
      const claims = JSON.parse(
        Buffer.from(token.slice(token.indexOf('.') + 1, dot), 'base64url').toString(),
      ) as { taskId?: string; jti?: string };
      const ok = `sha256=${sig}` === req.headers['x-a2a-signature'] && mac === token.slice(dot + 1);
      const headers: [string, string][] = [];
      for (let i = 0; i < raw.length; i += 2) headers.push([raw[i]!, raw[i + 1]!]);
      const search = [req.url, ...headers.map(([n, v]) => `${n}: ${v}`), body.toString()]
        .join('\n')
        .toLowerCase();
      const row = [
        Date.now(),
        req.method,
        req.url,
        '',
        JSON.stringify(headers),
        body,
        body.length,
        'application/json',
        '127.0.0.1',
        claims.taskId ?? null,
        'receiver',
        search,
        null,
        opts.checksJson,
        ok ? 'pass' : 'fail',
        200,
        null,
      ];
      if (queue.length === 0)
        setImmediate(() => {
          const batch = queue;
          queue = [];
          const ids = flush(batch);
          batch.forEach((q, i) => q.done(ids[i]!));
        });
      queue.push({
        row,
        jti: typeof claims.jti === 'string' ? claims.jti : null,
        done: (id) => {
          const text = `{"status":"received","captureId":${id}}`;
          res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': text.length });
          res.end(text);
        },
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) =>
        server.close(() => {
          db.close();
          r();
        }),
      ),
  };
}
