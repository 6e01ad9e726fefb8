// Runs autocannon in a child process (so the load generator does not share the event loop of
// the server under test) and returns its JSON summary.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface LoadResult {
  requestsPerSec: number;
  p50: number;
  p99: number;
  total2xx: number;
  non2xx: number;
  errors: number;
}

const require = createRequire(import.meta.url);
const bin = join(dirname(require.resolve('autocannon/package.json')), 'autocannon.js');

export function autocannon(opts: {
  url: string;
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  connections?: number;
  durationSec?: number;
}): Promise<LoadResult> {
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
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}`));
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
      });
    });
  });
}
