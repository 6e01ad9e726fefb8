// Runs autocannon in a child process (so the load generator does not share the event loop of
// the server under test) and returns its JSON summary, with the CPU time the child used (what
// the load generator takes of the machine's cores). Given `requests`, every connection cycles
// through all of them, each from its own offset, so requests in a row rarely repeat one.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface LoadResult {
  requestsPerSec: number;
  p50: number;
  p99: number;
  total2xx: number;
  non2xx: number;
  errors: number;
  /** CPU time (user + system, µs) the autocannon process used from its first connection on. */
  cpuUs: number;
}

const require = createRequire(import.meta.url);
const bin = join(dirname(require.resolve('autocannon/package.json')), 'autocannon.js');

/** autocannon's API in the child (its CLI takes one body): argv file url connections seconds
 *  method; the file holds the requests as JSON. Prints the same summary as `--json`. */
const CYCLING_SRC = `
const autocannon = require(${JSON.stringify(require.resolve('autocannon'))});
const [file, url, connections, seconds, method] = process.argv.slice(1);
const list = JSON.parse(require('node:fs').readFileSync(file, 'utf8')).map((r) => ({ method, ...r }));
const step = Math.max(1, Math.floor(list.length / Number(connections)));
let client = 0;
autocannon({ url, connections: Number(connections), duration: Number(seconds), method,
  requests: list,
  setupClient(c) {
    const k = (client++ * step) % list.length;
    c.setRequests([...list.slice(k), ...list.slice(0, k)]);
  } }, (err, r) => {
    if (err) { console.error(err); process.exit(1); }
    process.stdout.write(JSON.stringify(r));
  });`;

export function autocannon(opts: {
  url: string;
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  connections?: number;
  durationSec?: number;
  /** Distinct requests (body and headers) to cycle through instead of one `body`. */
  requests?: { body: string; headers: Record<string, string> }[];
}): Promise<LoadResult> {
  if (opts.requests) {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-autocannon-'));
    const file = join(dir, 'requests.json');
    writeFileSync(file, JSON.stringify(opts.requests));
    const args = ['-e', CYCLING_SRC, file, opts.url, String(opts.connections ?? 10)];
    args.push(String(opts.durationSec ?? 5), opts.method ?? 'POST');
    return runChild(args).finally(() => rmSync(dir, { recursive: true, force: true }));
  }
  const args = [
    bin,
    '--json',
    '-c',
    String(opts.connections ?? 10),
    '-d',
    String(opts.durationSec ?? 5),
    '-m',
    opts.method ?? 'POST',
  ];
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}=${v}`);
  if (opts.body !== undefined) args.push('-b', opts.body);
  args.push(opts.url);
  return runChild(args);
}

/** Loaded before autocannon in the child: from its first connection (start-up excluded) to its
 *  exit, the CPU time it used goes to fd 3 (stdout is the summary's). */
const REPORT_CPU = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; import dc from 'node:diagnostics_channel';" +
    "let from; dc.subscribe('net.client.socket', () => { from ??= process.cpuUsage(); });" +
    "process.on('exit', () => writeSync(3, JSON.stringify(process.cpuUsage(from))));",
)}`;

function runChild(args: string[]): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', REPORT_CPU, ...args], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let cpu = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdio[3]?.on('data', (d: Buffer) => (cpu += d.toString()));
    child.on('error', reject);
    // 'close', not 'exit': the CPU report on fd 3 is read to its end.
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err.slice(0, 500)}`));
      const used = JSON.parse(cpu) as { user: number; system: number };
      const r = JSON.parse(out) as {
        requests: { average: number };
        latency: { p50: number; p99: number };
        '2xx': number;
        non2xx: number;
        errors: number;
      };
      resolve({
        requestsPerSec: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        total2xx: r['2xx'],
        non2xx: r.non2xx,
        errors: r.errors,
        cpuUs: used.user + used.system,
      });
    });
  });
}
