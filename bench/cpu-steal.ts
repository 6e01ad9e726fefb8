// The share of CPU time the hypervisor took from this virtual machine ("steal") while a bench
// ran, from the kernel's /proc/stat counters. The load average does not show it: a machine
// with a load of 0.2 can still lose a third of its CPU time to other guests on the same host,
// and then every figure of the run is slowed, unevenly. Null where there is no /proc/stat.
import { readFileSync } from 'node:fs';

/** Jiffies from the aggregate `cpu` line: all states summed, and the steal column alone. */
export interface CpuTimes {
  total: number;
  steal: number;
}

/** Parses the first line of /proc/stat (`cpu  user nice system idle iowait irq softirq steal
 *  guest guest_nice`). Guest time is already counted in user and nice, so it is left out. */
export function parseProcStat(text: string): CpuTimes | null {
  const line = text.split('\n', 1)[0] ?? '';
  const fields = line.trim().split(/\s+/);
  if (fields[0] !== 'cpu' || fields.length < 9) return null;
  const values = fields.slice(1, 9).map(Number);
  if (values.some((v) => !Number.isFinite(v))) return null;
  return { total: values.reduce((a, b) => a + b, 0), steal: values[7]! };
}

export function readCpuTimes(path = '/proc/stat'): CpuTimes | null {
  try {
    return parseProcStat(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Stolen share of all CPU time between two readings, in percent (one decimal); null when
 *  either reading is missing or no time passed. */
export function stealPercent(from: CpuTimes | null, to: CpuTimes | null): number | null {
  if (!from || !to) return null;
  const total = to.total - from.total;
  if (total <= 0) return null;
  return Math.round((1000 * (to.steal - from.steal)) / total) / 10;
}
